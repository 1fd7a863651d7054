package vn.ntm.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Login, lock-out, CSRF, session fixation, security headers and the API's authentication.
 */
@IntegrationTest
@RecordApplicationEvents
class SecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	UserManagement users;

	@Autowired
	ApplicationEvents events;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void shouldLogInWithTheFormAndSendUnknownPeopleToTheLoginPage() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		mvc.perform(get("/units")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin().user(officer.username()).password(TestData.PASSWORD))
			.andExpect(authenticated().withUsername(officer.username()))
			.andExpect(redirectedUrl("/"));
		mvc.perform(formLogin().user(officer.username()).password("sai-mat-khau-1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(get("/login").param("error", "bad"))
			.andExpect(content().string(containsString("Tên đăng nhập hoặc mật khẩu không đúng.")));
	}

	@Test
	void shouldLockAnAccountAfterFiveWrongPasswordsAndAuditTheLock() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		for (int i = 0; i < 5; i++) {
			// spaces around the name are the same account, not a way round the count
			String typed = i % 2 == 0 ? officer.username() : " " + officer.username() + " ";
			mvc.perform(formLogin().user(typed).password("sai-mat-khau-" + i)).andExpect(unauthenticated());
		}
		// even the right password is refused while the lock lasts, on the form and on the
		// API — with the answer a wrong password gets
		mvc.perform(formLogin().user(officer.username()).password(TestData.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(get("/api/v1/units").param("q", "x").with(httpBasic(officer.username(), TestData.PASSWORD)))
			.andExpect(status().isUnauthorized());
		// the owner is told what to do, on every refusal alike
		mvc.perform(get("/login").param("error", "bad"))
			.andExpect(content().string(containsString("tài khoản tạm khóa 15 phút")))
			.andExpect(content().string(containsString("nhờ người quản lý tài khoản của đơn vị mở khóa")));
		// the lock is in the audit trail: whose, when, after how many tries, until when
		List<AuditEntry> locks = SystemTask.call(() -> audit.historyOf("user", String.valueOf(officer.id()), 10))
			.stream()
			.filter(e -> e.action().equals("LOCK"))
			.toList();
		assertThat(locks).singleElement().satisfies(lock -> {
			assertThat(lock.entityLabel()).contains(officer.username());
			assertThat(lock.summary()).contains("sau 5 lần nhập sai mật khẩu liên tiếp (đăng nhập)");
			assertThat(lock.after()).containsEntry("failedAttempts", 5)
				.containsEntry("via", "đăng nhập")
				.containsKey("lockedUntil");
			assertThat(lock.occurredAt()).isNotNull();
		});
		// tries during the lock neither count nor prolong it
		String until = jdbc.sql("select locked_until::text from app_user where id = :id")
			.param("id", officer.id())
			.query(String.class)
			.single();
		mvc.perform(formLogin().user(officer.username()).password("sai-nua-1")).andExpect(unauthenticated());
		assertThat(jdbc.sql("select locked_until::text from app_user where id = :id")
			.param("id", officer.id())
			.query(String.class)
			.single()).isEqualTo(until);
		// an administrator unlocks it
		SystemTask.run(() -> jdbc.sql("update app_user set locked_until = null where username = :u")
			.param("u", officer.username())
			.update());
		mvc.perform(formLogin().user(officer.username()).password(TestData.PASSWORD)).andExpect(authenticated());
	}

	@Test
	void shouldNotTellAnOutsiderWhetherAnAccountExistsIsLockedOrDisabled() throws Exception {
		UserView locked = data.user(Role.VIEWER, TestData.AFTER_REFORM, "07870");
		UserView disabled = data.user(Role.VIEWER, TestData.AFTER_REFORM, "07870");
		jdbc.sql("update app_user set locked_until = now() + interval '10 minutes' where id = :id")
			.param("id", locked.id())
			.update();
		jdbc.sql("update app_user set enabled = false where id = :id").param("id", disabled.id()).update();
		String[][] tries = { { TestData.unique("khong-co-ai"), TestData.PASSWORD },
				{ locked.username(), "sai-mat-khau-9" }, { locked.username(), TestData.PASSWORD },
				{ disabled.username(), TestData.PASSWORD } };
		for (String[] attempt : tries) {
			events.clear();
			mvc.perform(formLogin().user(attempt[0]).password(attempt[1]))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error=bad"));
			// the password is checked every time (the same bcrypt work), and fails alike
			assertThat(events.stream(AbstractAuthenticationFailureEvent.class)).as(attempt[0] + " / " + attempt[1])
				.singleElement()
				.isInstanceOf(AuthenticationFailureBadCredentialsEvent.class);
		}
		String unknown = mvc.perform(get("/api/v1/units").param("q", "x").with(httpBasic(tries[0][0], tries[0][1])))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String lockedAnswer = mvc
			.perform(get("/api/v1/units").param("q", "x").with(httpBasic(locked.username(), TestData.PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(lockedAnswer).isEqualTo(unknown);
		// a disabled account's tries do not lock it (nor fill the audit trail)
		assertThat(jdbc.sql("select failed_attempts from app_user where id = :id")
			.param("id", disabled.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void shouldEndTheSessionsOfAnAccountWhosePasswordRoleOrUnitsChange() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		MockHttpSession adminSession = logIn(admin.username(), TestData.PASSWORD);
		MockHttpSession first = logIn(officer.username(), TestData.PASSWORD);
		MockHttpSession second = logIn(officer.username(), TestData.PASSWORD);
		mvc.perform(get("/units").session(first)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/units").param("q", "xuan cam").session(second)).andExpect(status().isOk());

		mvc.perform(post("/admin/users/{id}/password", officer.id()).session(adminSession)
			.with(csrf())
			.param("password", "DatLaiMoi2026x")).andExpect(redirectedUrl("/admin/users/" + officer.id()));
		// the officer's sessions are over, on pages and on the API
		mvc.perform(get("/units").session(first)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/api/v1/units").param("q", "xuan cam").session(second)).andExpect(status().isUnauthorized());
		mvc.perform(get("/login").param("expired", "")).andExpect(content().string(containsString("đăng nhập lại")));
		// the administrator's goes on
		mvc.perform(get("/admin/users").session(adminSession)).andExpect(status().isOk());

		// a change of units (or role) ends them too; a change of name or phone does not
		MockHttpSession third = logIn(officer.username(), "DatLaiMoi2026x");
		UserView current = SystemTask.call(() -> users.get(officer.id()));
		mvc.perform(post("/admin/users/{id}", officer.id()).session(adminSession)
			.with(csrf())
			.param("username", officer.username())
			.param("fullName", "Tên Mới")
			.param("role", "COMMUNE_OFFICER")
			.param("unitCodes", "07870")
			.param("version", String.valueOf(current.version()))).andExpect(status().is3xxRedirection());
		mvc.perform(get("/units").session(third)).andExpect(status().isOk());
		current = SystemTask.call(() -> users.get(officer.id()));
		mvc.perform(post("/admin/users/{id}", officer.id()).session(adminSession)
			.with(csrf())
			.param("username", officer.username())
			.param("fullName", "Tên Mới")
			.param("role", "COMMUNE_OFFICER")
			.param("unitCodes", "07870, 07885")
			.param("version", String.valueOf(current.version()))).andExpect(status().is3xxRedirection());
		mvc.perform(get("/units").session(third)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/admin/users").session(adminSession)).andExpect(status().isOk());
	}

	@Test
	void shouldCountWrongCurrentPasswordsTowardTheLockOut() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		MockHttpSession session = logIn(officer.username(), TestData.PASSWORD);
		MockHttpSession other = logIn(officer.username(), TestData.PASSWORD);
		for (int i = 1; i < 5; i++) {
			mvc.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "doan-mo-" + i)
				.param("newPassword", "VuonHoaMoi2026")
				.param("confirmPassword", "VuonHoaMoi2026"))
				.andExpect(content().string(containsString("sai " + i + " lần liên tiếp")));
		}
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", "doan-mo-5")
			.param("newPassword", "VuonHoaMoi2026")
			.param("confirmPassword", "VuonHoaMoi2026")).andExpect(content().string(containsString("tạm khóa đến")));
		// every session of the account is over, and the right password waits for the lock
		mvc.perform(get("/units").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/units").session(other)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(formLogin().user(officer.username()).password(TestData.PASSWORD))
			.andExpect(redirectedUrl("/login?error=bad"));
		assertThat(SystemTask.call(() -> audit.historyOf("user", String.valueOf(officer.id()), 10)))
			.anySatisfy(e -> assertThat(e.summary()).contains("(đổi mật khẩu)"));
	}

	@Test
	void shouldNotLetALockedAccountGuessItsPasswordOnThePasswordPage() throws Exception {
		UserView officer = data.user(Role.VIEWER, TestData.AFTER_REFORM, "07870");
		MockHttpSession session = logIn(officer.username(), TestData.PASSWORD);
		// locked by wrong logins elsewhere while this session is open
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(officer.username()).password("sai-mat-khau-" + i));
		}
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "VuonHoaMoi2026")
			.param("confirmPassword", "VuonHoaMoi2026")).andExpect(content().string(containsString("đang tạm khóa")));
		String hash = jdbc.sql("select password_hash from app_user where id = :id")
			.param("id", officer.id())
			.query(String.class)
			.single();
		assertThat(passwords.matches(TestData.PASSWORD, hash)).isTrue();
	}

	@Test
	void shouldEndOtherSessionsWhenUsersChangeTheirOwnPassword() throws Exception {
		UserView officer = data.user(Role.VIEWER, TestData.AFTER_REFORM, "07870");
		MockHttpSession mine = logIn(officer.username(), TestData.PASSWORD);
		MockHttpSession elsewhere = logIn(officer.username(), TestData.PASSWORD);
		mvc.perform(post("/account/password").session(mine)
			.with(csrf())
			.param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "VuonHoaMoi2026")
			.param("confirmPassword", "VuonHoaMoi2026")).andExpect(content().string(containsString("Đã đổi mật khẩu")));
		mvc.perform(get("/units").session(mine)).andExpect(status().isOk());
		mvc.perform(get("/units").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));
	}

	private MockHttpSession logIn(String username, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin().user(username).password(password))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	@Test
	void shouldStoreOnlyStrongHashesOfPasswords() {
		UserView officer = data.user(Role.VIEWER, TestData.AFTER_REFORM, "07870");
		String hash = jdbc.sql("select password_hash from app_user where username = :u")
			.param("u", officer.username())
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(TestData.PASSWORD);
	}

	@Test
	void shouldChangeTheSessionIdAtLogin() throws Exception {
		UserView officer = data.user(Role.VIEWER, TestData.AFTER_REFORM, "07870");
		MockHttpSession session = new MockHttpSession();
		String before = session.getId();
		MvcResult result = mvc.perform(formLogin().user(officer.username()).password(TestData.PASSWORD)).andReturn();
		MockHttpSession after = (MockHttpSession) result.getRequest().getSession(false);
		assertThat(after).isNotNull();
		assertThat(after.getId()).isNotEqualTo(before);
	}

	@Test
	void shouldRequireTheCsrfTokenForFormsButNotForApiCallsWithTheirOwnCredentials() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		mvc.perform(post("/account/password").with(user(officer.username()))
			.param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "MatKhauMoi2026")
			.param("confirmPassword", "MatKhauMoi2026")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/units").with(user(officer.username())).contentType("application/json").content("{}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/units").with(httpBasic(officer.username(), TestData.PASSWORD))
			.contentType("application/json")
			.content("{\"name\":\"\",\"type\":\"THON\",\"parentId\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("name")));
	}

	@Test
	void shouldSendSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void shouldAnswerUnauthenticatedApiCallsWithJson() throws Exception {
		mvc.perform(get("/api/v1/units").param("q", "tam"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.title").value("Chưa đăng nhập"));
	}

	@Test
	void shouldRedirectHtmxRequestsOfExpiredSessionsToTheLoginPage() throws Exception {
		mvc.perform(get("/current-unit/options").param("q", "tam").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
	}

	@Test
	void shouldLetUsersChangeTheirOwnPassword() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		mvc.perform(post("/account/password").with(user(officer.username()))
			.with(csrf())
			.param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "ngan")
			.param("confirmPassword", "ngan")).andExpect(content().string(containsString("ít nhất 10 ký tự")));
		mvc.perform(post("/account/password").with(user(officer.username()))
			.with(csrf())
			.param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "VuonHoaMoi2026")
			.param("confirmPassword", "VuonHoaMoi2026")).andExpect(content().string(containsString("Đã đổi mật khẩu")));
		mvc.perform(formLogin().user(officer.username()).password("VuonHoaMoi2026")).andExpect(authenticated());
	}

}
