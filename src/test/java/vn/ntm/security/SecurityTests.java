package vn.ntm.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
class SecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

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
	void shouldLockAnAccountAfterFiveWrongPasswords() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		for (int i = 0; i < 5; i++) {
			// spaces around the name are the same account, not a way round the count
			String typed = i % 2 == 0 ? officer.username() : " " + officer.username() + " ";
			mvc.perform(formLogin().user(typed).password("sai-mat-khau-" + i)).andExpect(unauthenticated());
		}
		// even the right password is refused while the lock lasts, on the form and on the
		// API
		mvc.perform(formLogin().user(officer.username()).password(TestData.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error=locked"));
		mvc.perform(get("/api/v1/units").param("q", "x").with(httpBasic(officer.username(), TestData.PASSWORD)))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/login").param("error", "locked")).andExpect(content().string(containsString("tạm khóa")));
		// an administrator unlocks it
		SystemTask.run(() -> jdbc.sql("update app_user set locked_until = null where username = :u")
			.param("u", officer.username())
			.update());
		mvc.perform(formLogin().user(officer.username()).password(TestData.PASSWORD)).andExpect(authenticated());
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
