package vn.ntm.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at an embedded PostgreSQL server when no
 * {@code spring.datasource.url} is configured (e.g. through
 * {@code SPRING_DATASOURCE_URL}). Everything downstream (Hikari, Flyway, Spring Data
 * JDBC) then runs exactly as with an external server.
 * <p>
 * One server runs per JVM and data directory; it stops with the JVM. Settings:
 * <ul>
 * <li>{@code ntm.embedded-db.data-dir} (default {@code ./data/postgres});</li>
 * <li>{@code ntm.embedded-db.binaries-dir} (default {@code ./data/pg-dist});</li>
 * <li>{@code ntm.embedded-db.port} (default 0: any free port);</li>
 * <li>{@code ntm.embedded-db.database} (default {@code ntm});</li>
 * <li>{@code ntm.embedded-db.ephemeral} (tests: a fresh directory deleted when the JVM
 * exits);</li>
 * <li>{@code ntm.embedded-db.watchdog-interval} (default {@code 2s}; {@code 0} turns it
 * off): how often the server is checked and, when its postmaster has died, started
 * again.</li>
 * </ul>
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private final Log log;

	public EmbeddedDatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedDatabaseEnvironmentPostProcessor.class);
	}

	static final String PROPERTY_SOURCE = "ntmEmbeddedDatabase";

	private static final Map<Path, EmbeddedPostgresServer> servers = new HashMap<>();

	private static Path ephemeralDirectory;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")
				|| !environment.getProperty("ntm.embedded-db.enabled", Boolean.class, true)) {
			return;
		}
		boolean ephemeral = environment.getProperty("ntm.embedded-db.ephemeral", Boolean.class, false);
		Path dataDir = ephemeral ? ephemeralDirectory()
				: Path.of(environment.getProperty("ntm.embedded-db.data-dir", "data/postgres"));
		Path binaries = Path.of(environment.getProperty("ntm.embedded-db.binaries-dir", "data/pg-dist"));
		int port = environment.getProperty("ntm.embedded-db.port", Integer.class, 0);
		String database = environment.getProperty("ntm.embedded-db.database", "ntm");
		EmbeddedPostgresServer server = server(dataDir, binaries, port, ephemeral);
		server.notes().forEach(log::info);
		server
			.watch(environment.getProperty("ntm.embedded-db.watchdog-interval", Duration.class, Duration.ofSeconds(2)));
		server.createDatabaseIfMissing(database);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", server.jdbcUrl(database));
		properties.put("spring.datasource.username", server.username());
		properties.put("spring.datasource.password", "");
		properties.put("ntm.embedded-db.active", true);
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
	}

	private static synchronized EmbeddedPostgresServer server(Path dataDir, Path binaries, int port,
			boolean ephemeral) {
		Path key = dataDir.toAbsolutePath().normalize();
		return servers.computeIfAbsent(key, dir -> {
			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, binaries, port);
			// Stop the server only after Spring has closed its application contexts (they
			// still use the
			// database on the way down): Boot runs its shutdown handlers after closing
			// them.
			SpringApplication.getShutdownHandlers().add(() -> {
				server.close();
				if (ephemeral) {
					deleteRecursively(dir);
				}
			});
			return server;
		});
	}

	/** The servers started in this JVM (one per data directory). */
	static synchronized List<EmbeddedPostgresServer> running() {
		return List.copyOf(servers.values());
	}

	private static synchronized Path ephemeralDirectory() {
		if (ephemeralDirectory == null) {
			try {
				Path base = Path.of("target");
				Files.createDirectories(base);
				ephemeralDirectory = Files.createTempDirectory(base, "embedded-pg-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return ephemeralDirectory;
	}

	private static void deleteRecursively(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// best effort: the directory is under target/
		}
	}

	@Override
	public int getOrder() {
		// After the config data (application*.properties) has been loaded.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
