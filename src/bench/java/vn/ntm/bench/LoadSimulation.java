package vn.ntm.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The load test of issue 10: logged-in users with think time, as in a province's deadline
 * week. Four in five are commune officers, each with an account of their own bound to
 * their commune of today and an assessment of their own (2025, QĐ 318 xã NTM): the unit page, the
 * entry page, a save of the entry form, again and again. One in five are the province
 * office of Quảng Nam looking at the province matrix (page and API). Every user logs in
 * through the form once (one bcrypt each) and works in that session.
 * <p>
 * Against a running application (the README's run command, or the packaged jar with a
 * fresh {@code NTM_DATA_DIR}):
 * {@code ./mvnw -Pbench -Dspring-javaformat.skip=true test-compile gatling:test -Dbase=http://localhost:8080 -Dusers=200}.
 * The set-up (accounts {@code tai<code>} and their assessments, made through the API and
 * the user pages as the demo administrator) is repeated harmlessly on a second run.
 * Properties: {@code base}, {@code users}, {@code ramp} and {@code duration} (seconds),
 * {@code thinkMin}/{@code thinkMax} (seconds). Results in docs/benchmarks.md.
 */
public class LoadSimulation extends Simulation {

	static final String PASSWORD = "NtmDemo@2026";

	static final String LOAD_PASSWORD = "TaiKiemThu2026";

	static final String BASE = System.getProperty("base", "http://localhost:8080");

	static final int USERS = Integer.getInteger("users", 50);

	static final int RAMP = Integer.getInteger("ramp", 30);

	static final int DURATION = Integer.getInteger("duration", 90);

	static final int THINK_MIN = Integer.getInteger("thinkMin", 2);

	static final int THINK_MAX = Integer.getInteger("thinkMax", 6);

	static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	{
		int communeUsers = Math.max(1, USERS * 4 / 5);
		int provinceUsers = Math.max(1, USERS - communeUsers);
		Setup setup = new Setup();
		List<Map<String, Object>> communes = setup.communes(communeUsers);
		long quangNam = setup.unitId("49", "2024-06-30");
		long set = setup.setId();

		HttpProtocolBuilder protocol = http.baseUrl(BASE)
			.acceptHeader("text/html,application/json")
			.acceptLanguageHeader("vi")
			.disableCaching()
			.shareConnections();

		ChainBuilder communeWork = exec(http("unit page").get("/units/#{unitId}").check(status().is(200)))
			.pause(THINK_MIN, THINK_MAX)
			.exec(http("entry page").get("/assessments/#{assessmentId}/entry")
				.check(status().is(200), css("input[name='expectedVersion']", "value").saveAs("version"),
						css("meta[name='_csrf']", "content").saveAs("csrf")))
			.pause(THINK_MIN, THINK_MAX)
			.exec(session -> session.set("verdict", session.getString("verdict") == null
					|| "NOT_MET".equals(session.getString("verdict")) ? "MET" : "NOT_MET"))
			.exec(http("save").post("/assessments/#{assessmentId}/entries")
				.formParam("_csrf", "#{csrf}")
				.formParam("expectedVersion", "#{version}")
				.formParam("c.1", "#{verdict}")
				.formParam("source", "Kiểm thử tải")
				.disableFollowRedirect()
				.check(status().is(302)))
			.pause(THINK_MIN, THINK_MAX);

		ScenarioBuilder commune = scenario("Cán bộ xã").feed(listFeeder(communes).circular())
			.exec(login("#{username}", LOAD_PASSWORD))
			.during(Duration.ofSeconds(DURATION))
			.on(communeWork);

		ScenarioBuilder province = scenario("Văn phòng tỉnh").exec(login("quangnam", PASSWORD))
			.during(Duration.ofSeconds(DURATION))
			.on(exec(http("province matrix page")
				.get("/units/" + quangNam + "/evaluations/matrix?set=" + set + "&year=2023")
				.check(status().is(200)))
				.pause(THINK_MIN * 2, THINK_MAX * 2)
				.exec(http("province matrix api")
					.get("/api/v1/units/" + quangNam + "/evaluations/matrix?set=" + set + "&year=2023")
					.check(status().is(200)))
				.pause(THINK_MIN * 2, THINK_MAX * 2));

		setUp(commune.injectOpen(rampUsers(communeUsers).during(RAMP)),
				province.injectOpen(rampUsers(provinceUsers).during(RAMP)))
			.protocols(protocol)
			.assertions(global().failedRequests().count().is(0L));
	}

	private static ChainBuilder login(String username, String password) {
		return exec(http("login form").get("/login").check(css("input[name='_csrf']", "value").saveAs("csrf")))
			.exec(http("login").post("/login")
				.formParam("username", username)
				.formParam("password", password)
				.formParam("_csrf", "#{csrf}")
				.check(status().is(200), substring("name=\"password\"").notExists()));
	}

	/**
	 * Accounts and assessments for the commune officers, through the API (HTTP Basic) and
	 * the user pages, as the demo administrator.
	 */
	static final class Setup {

		final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(30))
			.build();

		final String basic = "Basic "
				+ Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

		String csrf;

		Setup() {
			String form = get("/login", false);
			csrf = match(CSRF, form);
			post("/login", "username=admin&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf));
			csrf = match(CSRF, get("/admin/users/new", false));
		}

		long unitId(String code, String at) {
			return Long.parseLong(match(ID, get("/api/v1/units?code=" + code + "&at=" + at, true)));
		}

		long setId() {
			String sets = get("/api/v1/criteria-sets?code=QD318_XA_NTM", true);
			return Long.parseLong(match(ID, sets));
		}

		/** The first {@code count} communes (xã) of the country in tree order, ready. */
		List<Map<String, Object>> communes(int count) {
			long country = unitId("VN", "2025-07-01");
			long set = setId();
			// communes of today (those that ended in the 2025 reform are read-only for their officers)
			String all = get("/api/v1/units/" + country + "/descendants?at=2025-07-01", true);
			Matcher xa = Pattern.compile("\\{\"id\":(\\d+),\"code\":\"(\\d+)\",\"name\":\"[^\"]*\",\"type\":\"XA\"")
				.matcher(all);
			List<Map<String, Object>> rows = new ArrayList<>();
			while (rows.size() < count && xa.find()) {
				long unitId = Long.parseLong(xa.group(1));
				String code = xa.group(2);
				String username = "tai" + code;
				post("/admin/users/new",
						"username=" + username + "&fullName=" + enc("Cán bộ kiểm thử tải " + code)
								+ "&role=COMMUNE_OFFICER&unitCodes=" + code + "&password=" + LOAD_PASSWORD + "&_csrf="
								+ enc(csrf));
				String existing = get("/api/v1/units/" + unitId + "/assessments", true);
				Matcher mine = Pattern.compile("\"id\":(\\d+)[^}]*?\"setId\":" + set + ",[^}]*?\"year\":2025")
					.matcher(existing);
				long assessment;
				if (mine.find()) {
					assessment = Long.parseLong(mine.group(1));
				}
				else {
					String created = send(HttpRequest.newBuilder(uri("/api/v1/assessments"))
						.header("Authorization", basic)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"unitId\":" + unitId + ",\"setId\":" + set
								+ ",\"year\":2025,\"source\":\"Kiểm thử tải\"}"))
						.build());
					assessment = Long.parseLong(match(ID, created));
				}
				Map<String, Object> row = new HashMap<>();
				row.put("username", username);
				row.put("unitId", unitId);
				row.put("assessmentId", assessment);
				rows.add(row);
			}
			System.out.println("Load set-up: " + rows.size() + " commune officers with their assessments");
			return rows;
		}

		private String get(String path, boolean api) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
			if (api) {
				request.header("Authorization", basic);
			}
			return send(request.build());
		}

		private String post(String path, String form) {
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build());
		}

		private String send(HttpRequest request) {
			try {
				return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Set-up call failed: " + request.uri(), ex);
			}
		}

		private static URI uri(String path) {
			return URI.create(BASE + path);
		}

		private static String match(Pattern pattern, String text) {
			Matcher m = pattern.matcher(text);
			if (!m.find()) {
				throw new IllegalStateException("Not found " + pattern + " in "
						+ text.substring(0, Math.min(300, text.length())));
			}
			return m.group(1);
		}

		private static String enc(String text) {
			return URLEncoder.encode(text, StandardCharsets.UTF_8);
		}

	}

}
