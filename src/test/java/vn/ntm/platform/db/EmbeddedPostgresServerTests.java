package vn.ntm.platform.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server keeps committed data across a normal restart and across a
 * {@code kill -9} of the JVM that started it (whose postmaster is left running as an
 * orphan).
 */
class EmbeddedPostgresServerTests {

	static final Path BINARIES = Path.of("target/pg-dist");

	@TempDir
	Path dir;

	@Test
	void shouldKeepDataAcrossARestart() throws Exception {
		Path data = dir.resolve("pg");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, BINARIES, 0)) {
			server.createDatabaseIfMissing("ntm");
			execute(server, "create table kept (value text)", "insert into kept values ('vẫn còn')");
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, BINARIES, 0)) {
			assertThat(values(server, "select value from kept")).containsExactly("vẫn còn");
			assertThat(values(server, "show fsync")).containsExactly("on");
			assertThat(values(server, "show synchronous_commit")).containsExactly("on");
		}
	}

	@Test
	void shouldStartAgainAfterTheJvmWasKilled() throws Exception {
		Path data = dir.resolve("pg");
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), CrashingChild.class.getName(), data.toString(),
				BINARIES.toString(), "đã ghi trước khi bị giết"));
		Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.contains("READY")) {
				// wait for the child to commit
			}
			assertThat(line).as("child output").isNotNull();
		}
		child.destroyForcibly();
		assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(Files.exists(data.resolve("postmaster.pid"))).as("orphaned postmaster").isTrue();
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, BINARIES, 0)) {
			assertThat(values(server, "select value from survivor")).containsExactly("đã ghi trước khi bị giết");
		}
	}

	private static void execute(EmbeddedPostgresServer server, String... sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("ntm"), "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String s : sql) {
				statement.execute(s);
			}
		}
	}

	private static List<String> values(EmbeddedPostgresServer server, String sql) throws IOException {
		List<String> values = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("ntm"), "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IOException(ex);
		}
		return values;
	}

}
