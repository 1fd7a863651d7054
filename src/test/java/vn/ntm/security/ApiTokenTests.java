package vn.ntm.security;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10: personal API tokens for scripts (created and revoked on the account page,
 * shown once, stored hashed, scoped to the owner's units and role, audited); HTTP Basic
 * and token calls create no server session; CSRF is skipped only for a request its
 * Basic/token credentials authenticate.
 */
@IntegrationTest
class ApiTokenTests {

	private static final Pattern TOKEN = Pattern.compile("ntm_[A-Za-z0-9_-]{40,}");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Test
	void aTokenIsShownOnceStoredHashedScopedToItsOwnerAuditedAndRevocable() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		long hungMy = data.unit("02314", TestData.BEFORE_REFORM).id();

		String page = mvc.perform(
				post("/account/tokens").with(user(officer.username())).with(csrf()).param("name", "Báo cáo tự động"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(containsString("chỉ hiện một lần")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher found = TOKEN.matcher(page);
		assertThat(found.find()).as("the new token on the page").isTrue();
		String token = found.group();

		// stored as its SHA-256 only; never shown again
		List<String> stored = jdbc.sql("""
				select t.token_hash from api_token t join app_user u on u.id = t.user_id where u.username = :u
				""").param("u", officer.username()).query(String.class).list();
		assertThat(stored).singleElement().isEqualTo(sha256(token)).isNotEqualTo(token);
		mvc.perform(get("/account/tokens").with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Báo cáo tự động")))
			.andExpect(content().string(not(containsString(token))));

		// the owner's units and role, no session
		MvcResult own = mvc.perform(get("/api/v1/units/{id}", tamThanh).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(own.getRequest().getSession(false)).as("session of a token call").isNull();
		assertThat(own.getResponse().getHeader("Set-Cookie")).isNull();
		mvc.perform(get("/api/v1/units/{id}", hungMy).header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden());
		// a commune officer may not create a province, whatever the token
		mvc.perform(post("/api/v1/units").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Tỉnh Thử\",\"type\":\"TINH\"}")).andExpect(status().is4xxClientError());
		// a token is not a page login
		mvc.perform(get("/units").header("Authorization", "Bearer " + token)).andExpect(status().is3xxRedirection());
		// wrong tokens
		mvc.perform(get("/api/v1/units/{id}", tamThanh).header("Authorization", "Bearer " + token + "x"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/units/{id}", tamThanh).header("Authorization", "Bearer ntm_nothing"))
			.andExpect(status().isUnauthorized());

		long id = jdbc.sql("select id from api_token where token_hash = :h")
			.param("h", sha256(token))
			.query(Long.class)
			.single();
		// somebody else cannot revoke it
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		mvc.perform(post("/account/tokens/{id}/revoke", id).with(user(other.username())).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/units/{id}", tamThanh).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk());

		mvc.perform(post("/account/tokens/{id}/revoke", id).with(user(officer.username())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/units/{id}", tamThanh).header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());

		List<AuditEntry> history = audit.historyOf("api_token", String.valueOf(id), 5);
		assertThat(history).extracting(AuditEntry::action).containsExactlyInAnyOrder("CREATE", "REVOKE");
		assertThat(history).allSatisfy(e -> {
			assertThat(e.actor()).isEqualTo(officer.username());
			assertThat(e.summary()).doesNotContain(token);
		});
	}

	@Test
	void aTokenOfADisabledAccountOrAnExpiredOneIsRefused() throws Exception {
		UserView officer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "20359");
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		String token = create(officer, "hết hạn");
		mvc.perform(get("/api/v1/units/{id}", tamThanh).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk());
		jdbc.sql("update api_token set expires_at = now() - interval '1 second' where token_hash = :h")
			.param("h", sha256(token))
			.update();
		mvc.perform(get("/api/v1/units/{id}", tamThanh).header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());

		String second = create(officer, "tài khoản bị khóa");
		jdbc.sql("update app_user set enabled = false where id = :id").param("id", officer.id()).update();
		mvc.perform(get("/api/v1/units/{id}", tamThanh).header("Authorization", "Bearer " + second))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenNeedsAName() throws Exception {
		UserView officer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "20359");
		mvc.perform(post("/account/tokens").with(user(officer.username())).with(csrf()).param("name", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tên của mã không được để trống")));
		assertThat(jdbc.sql("select count(*) from api_token where user_id = :id")
			.param("id", officer.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void httpBasicCallsCreateNoSession() throws Exception {
		UserView officer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "20359");
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		MvcResult result = mvc
			.perform(get("/api/v1/units/{id}", tamThanh).with(httpBasic(officer.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getRequest().getSession(false)).as("session of a Basic call").isNull();
		assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
	}

	@Test
	void csrfIsSkippedOnlyWhenBasicOrTokenCredentialsAuthenticateTheRequest() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin().user(admin.username()).password(TestData.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
		String body = "{\"name\":\"Tỉnh CSRF\",\"type\":\"TINH\"}";
		// a session cookie plus any other Authorization header: the session
		// authenticates,
		// so the CSRF token is required
		mvc.perform(post("/api/v1/units").session(session)
			.header("Authorization", "Foo")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/units").session(session).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		// a wrong Basic credential does not fall back to the session
		mvc.perform(post("/api/v1/units").session(session)
			.with(httpBasic(admin.username(), "wrong-password"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isUnauthorized());
		// authenticated by Basic or by a token: no CSRF token needed (the body is refused
		// for what it is, not for CSRF)
		mvc.perform(post("/api/v1/units").with(httpBasic(admin.username(), TestData.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest());
		String token = create(admin, "csrf");
		mvc.perform(post("/api/v1/units").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest());
	}

	private String create(UserView owner, String name) throws Exception {
		String page = mvc.perform(post("/account/tokens").with(user(owner.username())).with(csrf()).param("name", name))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher found = TOKEN.matcher(page);
		assertThat(found.find()).isTrue();
		return found.group();
	}

	private static String sha256(String text) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

}
