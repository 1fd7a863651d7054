package vn.ntm.support;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the tests are pointed at an external server ({@code SPRING_DATASOURCE_URL}, as
 * {@code .ci/run} does with the machine's PostgreSQL 15), each test JVM works in a
 * database of its own, created here and dropped when the JVM exits, so that runs never
 * see each other's data.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)");

	private static final Map<String, String> fresh = new HashMap<>();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || environment.containsProperty("ntm.embedded-db.active")) {
			return;
		}
		String user = environment.getProperty("spring.datasource.username", "postgres");
		String password = environment.getProperty("spring.datasource.password", "");
		String freshUrl = freshDatabase(url, user, password);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("ntmTestDatabase", Map.of("spring.datasource.url", freshUrl)));
	}

	private static synchronized String freshDatabase(String url, String user, String password) {
		return fresh.computeIfAbsent(url, key -> {
			Matcher m = URL.matcher(url);
			if (!m.matches()) {
				throw new IllegalArgumentException("Unsupported test database URL: " + url);
			}
			String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
			String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
			String name = "ntm_test_" + stamp + "_" + pid;
			try (Connection connection = DriverManager.getConnection(url, user, password);
					Statement statement = connection.createStatement()) {
				dropLeftovers(statement, stamp);
				statement.execute("create database " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot create the test database on " + url, ex);
			}
			// after Spring has closed the application contexts that use the database
			SpringApplication.getShutdownHandlers().add(() -> drop(url, user, password, name));
			return m.group(1) + name + m.group(3);
		});
	}

	/**
	 * Databases of earlier runs that were killed before they could drop theirs (older
	 * than six hours).
	 */
	private static void dropLeftovers(Statement statement, String stamp) throws SQLException {
		long now = Long.parseLong(stamp);
		List<String> old = new ArrayList<>();
		try (ResultSet rs = statement
			.executeQuery("select datname from pg_database where datname like 'ntm\\_test\\_%'")) {
			while (rs.next()) {
				String name = rs.getString(1);
				String[] parts = name.split("_");
				if (parts.length >= 3 && parts[2].matches("\\d{14}") && now - Long.parseLong(parts[2]) > 60000) {
					old.add(name);
				}
			}
		}
		for (String name : old) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
	}

	private static void drop(String url, String user, String password, String name) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
		catch (SQLException ignored) {
			// the next run drops leftovers
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
