package vn.ntm.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.support.ConnectionGuard;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: under load every request thread held a database connection and waited for a
 * second one, so that 50 clients stalled the pool. Here 100 logged-in clients at once ask
 * a page, an API read and the province matrix, with a pool of 4 connections
 * (application-test.properties): every answer must be 200. A correctness test, not a
 * timing: figures are in docs/benchmarks.md.
 */
@IntegrationTest
class ConcurrentRequestsTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final int CLIENTS = 100;

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	DataSource dataSource;

	@Test
	void hundredConcurrentLoggedInRequestsAllAnswerWithAPoolOfFour() throws Exception {
		assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()).isLessThan(CLIENTS);
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		List<String> paths = List.of("/units/" + tamThanh + "?at=2024-06-30",
				"/api/v1/units/" + quangNam + "?at=2024-06-30",
				"/api/v1/units/" + quangNam + "/evaluations/matrix?set=" + set + "&year=2023",
				"/units/" + quangNam + "/evaluations/matrix?set=" + set + "&year=2023");
		// every client logs in through the form first (sessions, not Basic: no bcrypt per
		// call)
		List<HttpClient> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			clients.add(loggedIn(i % 2 == 0 ? "admin" : "quangnam"));
		}
		CountDownLatch start = new CountDownLatch(1);
		Map<String, Integer> statuses = new TreeMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<CompletableFuture<String>> answers = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				HttpClient client = clients.get(i);
				String path = paths.get(i % paths.size());
				answers.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
						HttpResponse<String> response = client.send(
								HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120)).GET().build(),
								HttpResponse.BodyHandlers.ofString());
						return response.statusCode() + " " + path.replaceAll("\\d+", "#");
					}
					catch (Exception ex) {
						return ex + " " + path;
					}
				}, pool));
			}
			start.countDown();
			for (CompletableFuture<String> answer : answers) {
				statuses.merge(answer.get(), 1, Integer::sum);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses.keySet()).as("answers by status: %s", statuses).allMatch(s -> s.startsWith("200 "));
		assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CLIENTS);
		assertThat(ConnectionGuard.violations()).as("second connections taken while holding one").isEmpty();
	}

	private HttpClient loggedIn(String username) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(30))
			.build();
		String form = client
			.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(form);
		assertThat(csrf.find()).isTrue();
		String body = "username=" + username + "&password=" + URLEncoder.encode("NtmDemo@2026", StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		return client;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
