package vn.ntm.platform.db;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application without its database: a login, an API call and a page answer within
 * seconds with 503 "Hệ thống tạm thời không truy cập được cơ sở dữ liệu" — never "wrong
 * password" or 401 — and when the embedded server's postmaster dies, the watchdog starts
 * it again and the next request works. Runs on the embedded server only (skipped when the
 * tests use an external one).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
// the application's wait for a connection (the suite's is long: ConcurrentRequestsTests
// queue
// 100 requests on a pool of 4), in a context of its own
@TestPropertySource(properties = "spring.datasource.hikari.connection-timeout=5000")
class DatabaseOutageTests {

	static final String OUTAGE = "Hệ thống tạm thời không truy cập được cơ sở dữ liệu";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	@LocalServerPort
	int port;

	EmbeddedPostgresServer server;

	UserView officer;

	@BeforeEach
	void setUp() {
		assumeTrue(environment.getProperty("ntm.embedded-db.active", Boolean.class, false),
				"the tests run on an external PostgreSQL");
		server = EmbeddedDatabaseEnvironmentPostProcessor.running().get(0);
		officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20389");
	}

	/**
	 * The application's own setting (the test profile waits longer, see
	 * application-test.properties: ConnectionsTests queue 100 requests on a pool of 4).
	 */
	@Test
	void shouldWaitOnlySecondsForAConnection() throws Exception {
		java.util.Properties app = org.springframework.core.io.support.PropertiesLoaderUtils
			.loadProperties(new org.springframework.core.io.ClassPathResource("application.properties"));
		assertThat(app.getProperty("spring.datasource.hikari.connection-timeout"))
			.isEqualTo("${NTM_DB_CONNECTION_TIMEOUT_MS:5000}");
	}

	@Test
	void shouldAnswer503SayingTheDatabaseIsOutOfReachNeverAnAuthenticationError() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String base = "http://localhost:" + port;
		String loginPage = client
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.body();
		server.stop();
		try {
			// a right password: the outage page, not "wrong name or password"
			HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.timeout(Duration.ofSeconds(20))
				.header("Accept", "text/html,application/xhtml+xml")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + officer.username() + "&password="
						+ TestData.PASSWORD + "&_csrf=" + csrfToken(loginPage)))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(login.statusCode())
				.as("login answered %s to %s", login.statusCode(), login.headers().firstValue("Location").orElse("-"))
				.isEqualTo(503);
			assertThat(login.headers().firstValue("Location")).isEmpty();
			assertThat(login.body()).contains(OUTAGE).doesNotContain("error=bad");

			// an API call with its credentials: problem JSON 503, not 401
			HttpResponse<String> api = client.send(HttpRequest
				.newBuilder(URI.create(base + "/api/v1/units?date=2024-06-30"))
				.timeout(Duration.ofSeconds(20))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((officer.username() + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(api.body()).contains(OUTAGE);

			// an API call on a session, and a page
			mvc.perform(get("/api/v1/units").with(user(officer.username())))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().exists("Retry-After"))
				.andExpect(jsonPath("$.status").value(503))
				.andExpect(jsonPath("$.detail").value(containsString(OUTAGE)));
			mvc.perform(get("/units").with(user(officer.username())))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().string(containsString(OUTAGE)));
		}
		finally {
			server.resume();
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> mvc.perform(get("/units").with(user(officer.username()))).andExpect(status().isOk()));
	}

	@Test
	void shouldStartTheServerAgainWhenItsPostmasterDies(CapturedOutput output) throws Exception {
		long before = server.postmasterPid();
		ProcessHandle postmaster = ProcessHandle.of(before).orElseThrow();
		postmaster.destroyForcibly();
		postmaster.onExit().get();
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> mvc.perform(get("/units").with(user(officer.username()))).andExpect(status().isOk()));
		assertThat(server.postmasterPid()).isNotEqualTo(before);
		assertThat(jdbc.sql("select count(*) from app_user where username = :u")
			.param("u", officer.username())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(output.getAll()).contains("has stopped; restarting it")
			.contains("Restarted the embedded PostgreSQL");
	}

	static String csrfToken(String html) {
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"").matcher(html);
		assertThat(token.find()).as("CSRF token in the page").isTrue();
		return token.group(1);
	}

}
