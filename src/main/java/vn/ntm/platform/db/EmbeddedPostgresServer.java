package vn.ntm.platform.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that runs from the binaries bundled with the application and keeps
 * its data in a directory of the user's choice, so that a newcomer needs nothing but a
 * JDK.
 * <p>
 * zonky's defaults are made for throwaway test databases; this class overrides them for
 * durable use: {@code fsync} and {@code synchronous_commit} are on, and the connection
 * limit is sane. After a {@code kill -9} of the JVM the postmaster survives as an orphan
 * holding {@code postmaster.pid}; it is stopped before the next start. When the
 * postmaster dies while the application runs, {@link #watch(Duration) the watchdog}
 * starts it again on the same port.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final Path dataDirectory;

	private final Path binariesDirectory;

	private final int port;

	private final List<String> notes;

	private volatile EmbeddedPostgres postgres;

	private volatile long postmasterPid;

	/**
	 * Stopped on purpose ({@link #stop()}, {@link #close()}): the watchdog stays quiet.
	 */
	private volatile boolean stopped;

	private volatile boolean closed;

	private @Nullable ScheduledExecutorService watchdog;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, Path binariesDirectory,
			List<String> notes) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
		this.binariesDirectory = binariesDirectory;
		this.port = postgres.getPort();
		this.notes = List.copyOf(notes);
		this.postmasterPid = postmasterPid(dataDirectory);
	}

	/**
	 * Starts a server on the given data directory, creating the cluster on first use.
	 * @param dataDirectory where the cluster lives; created when missing
	 * @param binariesDirectory where the PostgreSQL binaries are unpacked
	 * @param port the TCP port, or 0 for a free one
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory, Path binariesDirectory, int port) {
		try {
			Path data = dataDirectory.toAbsolutePath().normalize();
			List<String> notes = new ArrayList<>();
			EmbeddedPostgres postgres = launch(data, binariesDirectory, port, notes);
			notes.add("Embedded PostgreSQL on port " + postgres.getPort() + ", data in " + data);
			return new EmbeddedPostgresServer(postgres, data, binariesDirectory, notes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Không khởi động được PostgreSQL nhúng tại " + dataDirectory, ex);
		}
	}

	private static EmbeddedPostgres launch(Path data, Path binariesDirectory, int port, List<String> notes)
			throws IOException {
		Files.createDirectories(data);
		Files.createDirectories(binariesDirectory);
		stopOrphanedPostmaster(data, notes);
		return EmbeddedPostgres.builder()
			.setDataDirectory(data.toFile())
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setOverrideWorkingDirectory(binariesDirectory.toAbsolutePath().toFile())
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(60))
			// Durability: zonky passes -F (fsync off) and synchronous_commit=off by
			// default.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "60")
			.setServerConfig("timezone", "UTC")
			// only this machine: the superuser has no password
			.setServerConfig("listen_addresses", "localhost")
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C.UTF-8")
			.start();
	}

	/**
	 * Checks every {@code interval} that the server's postmaster is alive; when it died
	 * (killed, crashed), starts the server again on the same port and data directory and
	 * says so in the log. The application's connection pool then replaces its broken
	 * connections by itself: the next request works.
	 */
	public synchronized void watch(Duration interval) {
		if (watchdog != null || interval.isZero() || interval.isNegative()) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		watchdog = executor;
	}

	/** Whether the postmaster runs (or runs again). */
	public boolean isRunning() {
		return ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false);
	}

	/** The process id of the running postmaster (0 if unknown). */
	public long postmasterPid() {
		return postmasterPid;
	}

	synchronized void check() {
		if (stopped || closed || isRunning()) {
			return;
		}
		log.error("The embedded PostgreSQL server (postmaster pid {}, port {}) has stopped; restarting it on {}",
				postmasterPid, port, dataDirectory);
		try {
			restart();
			log.warn("Restarted the embedded PostgreSQL server on port {} (postmaster pid {})", port, postmasterPid);
		}
		catch (RuntimeException | IOException ex) {
			log.error("Could not restart the embedded PostgreSQL server on {}; trying again shortly: {}", dataDirectory,
					ex.toString());
		}
	}

	private void restart() throws IOException {
		closeQuietly(postgres);
		List<String> notes = new ArrayList<>();
		postgres = launch(dataDirectory, binariesDirectory, port, notes);
		postmasterPid = postmasterPid(dataDirectory);
		notes.forEach(log::info);
	}

	/**
	 * Stops the server on purpose, e.g. to see how the application answers without its
	 * database; the watchdog leaves it stopped until {@link #resume()}.
	 */
	public synchronized void stop() {
		stopped = true;
		closeQuietly(postgres);
	}

	/** Starts again a server {@link #stop() stopped} on purpose. */
	public synchronized void resume() {
		try {
			restart();
			stopped = false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void closeQuietly(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing the embedded server: {}", ex.toString());
		}
	}

	private static long postmasterPid(Path dataDirectory) {
		try {
			return readPid(dataDirectory.resolve("postmaster.pid")).orElse(0L);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * A JVM killed with SIGKILL leaves its postmaster running; PostgreSQL then refuses a
	 * second postmaster on the same directory. Stop the orphan (it has no clients left)
	 * and let the new start recover.
	 */
	static void stopOrphanedPostmaster(Path dataDirectory, List<String> notes) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<Long> pid = readPid(pidFile);
		Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
		if (process.isEmpty() || !isPostgres(process.get())) {
			notes.add("Removed stale " + pidFile + " (no postmaster running)");
			Files.deleteIfExists(pidFile);
			return;
		}
		ProcessHandle orphan = process.get();
		notes.add("Stopped the orphaned postmaster (pid " + orphan.pid() + ") left on " + dataDirectory
				+ " by an earlier run");
		orphan.destroy();
		try {
			orphan.onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			notes.add("The orphaned postmaster did not stop in " + ORPHAN_SHUTDOWN_WAIT
					+ "; killed it (WAL recovery runs)");
			orphan.destroyForcibly();
			orphan.onExit().join();
		}
		Files.deleteIfExists(pidFile);
	}

	private static Optional<Long> readPid(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> new File(command).getName().startsWith("postgres")).orElse(true);
	}

	/** Creates the database when it does not exist yet (first start). */
	public void createDatabaseIfMissing(String name) {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Invalid database name: " + name);
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Không tạo được cơ sở dữ liệu " + name, ex);
		}
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
	}

	public String username() {
		return "postgres";
	}

	public int port() {
		return port;
	}

	/** What happened while starting (for the log, once logging is set up). */
	public List<String> notes() {
		return notes;
	}

	public Path dataDirectory() {
		return dataDirectory;
	}

	@Override
	public synchronized void close() {
		closed = true;
		if (watchdog != null) {
			watchdog.shutdownNow();
		}
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
