package vn.ntm.platform.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A process that starts the embedded server, commits a row and waits to be killed with
 * SIGKILL (used by {@link EmbeddedPostgresServerTests}).
 */
public final class CrashingChild {

	private CrashingChild() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), Path.of(args[1]), 0);
		server.createDatabaseIfMissing("ntm");
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("ntm"), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists survivor (value text)");
			statement.execute("insert into survivor values ('" + args[2] + "')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(600_000);
	}

}
