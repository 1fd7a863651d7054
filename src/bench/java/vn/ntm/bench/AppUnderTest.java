package vn.ntm.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ntm.NtmApplication;

/**
 * The whole application on a fresh embedded PostgreSQL with the national lists and the seed data, and an
 * HTTP client logged in as the demo administrator.
 */
final class AppUnderTest implements AutoCloseable {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	final ConfigurableApplicationContext context;

	final HttpClient http;

	final String base;

	private AppUnderTest(ConfigurableApplicationContext context, HttpClient http, String base) {
		this.context = context;
		this.http = http;
		this.base = base;
	}

	static AppUnderTest start() throws Exception {
		ConfigurableApplicationContext context = SpringApplication.run(NtmApplication.class, "--server.port=0",
				"--ntm.embedded-db.ephemeral=true", "--ntm.local=true", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		String base = "http://localhost:" + port;
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = CSRF.matcher(login);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=admin&password=" + URLEncoder.encode("NtmDemo@2026", StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		return new AppUnderTest(context, http, base);
	}

	/** GETs a path and returns the body; fails unless 200. */
	String get(String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return response.body();
	}

	/** GETs a path and returns the body's bytes; fails unless 200. */
	byte[] bytes(String path) throws Exception {
		HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return response.body();
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}

}
