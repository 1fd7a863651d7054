package vn.ntm.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Fails every test whose code makes a thread take a second database connection while it
 * still holds one. That is how the pool deadlocked under load (issue 10): each request
 * thread held a connection and waited for another, until every connection of the pool was
 * held by a waiting thread. The guard wraps the pool (so every bean uses it), counts the
 * connections each thread holds, and once the application has started refuses a second
 * one with an {@link IllegalStateException} naming the cause, and keeps it in
 * {@link #violations()} for the tests that check it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ConnectionGuard {

	private static final List<Throwable> violations = new CopyOnWriteArrayList<>();

	private static final ThreadLocal<int[]> taken = ThreadLocal.withInitial(() -> new int[1]);

	private static final ThreadLocal<Recording> recording = new ThreadLocal<>();

	/**
	 * Starts recording the statements, transactions and connections of the current thread
	 * (MockMvc runs a request on the test's thread) until the recording is closed.
	 */
	public static Recording record() {
		Recording started = new Recording();
		recording.set(started);
		return started;
	}

	/**
	 * What one thread asked of the database while it was recorded: the statements (their
	 * SQL, in order), the transactions begun and the connections taken.
	 */
	public static final class Recording implements AutoCloseable {

		private final List<String> statements = new java.util.ArrayList<>();

		private int transactions;

		private int connections;

		public List<String> statements() {
			return List.copyOf(statements);
		}

		public int transactions() {
			return transactions;
		}

		public int connections() {
			return connections;
		}

		/** The statements with how many times each ran, most frequent first, to print. */
		public String summary() {
			java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
			statements.forEach(sql -> counts.merge(sql.replaceAll("\\s+", " ").strip(), 1, Integer::sum));
			StringBuilder text = new StringBuilder(statements.size() + " statements, " + transactions
					+ " transactions, " + connections + " connections\n");
			counts.entrySet()
				.stream()
				.sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
				.forEach(e -> text.append(String.format("%3d × %s%n", e.getValue(),
						e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "…" : e.getKey())));
			return text.toString();
		}

		@Override
		public void close() {
			if (recording.get() == this) {
				recording.remove();
			}
		}

	}

	private static void recordStatement(String sql) {
		Recording current = recording.get();
		if (current != null) {
			current.statements.add(sql);
		}
	}

	/** How many connections the current thread has taken so far (one after another). */
	public static int takenOnThisThread() {
		return taken.get()[0];
	}

	/** What was caught so far in this JVM (with the stack of the second request). */
	public static List<Throwable> violations() {
		return List.copyOf(violations);
	}

	@Bean
	static BeanPostProcessor connectionGuardPostProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof LazyConnectionDataSourceProxy lazy
						&& !(lazy.getTargetDataSource() instanceof Guarded)) {
					// the application takes a connection from the pool at the first
					// statement of a transaction: guard (and count) those
					lazy.setTargetDataSource(new Guarded(lazy.getTargetDataSource()));
					return bean;
				}
				if (bean instanceof DataSource dataSource && !(bean instanceof Guarded)
						&& !(bean instanceof LazyConnectionDataSourceProxy)) {
					return new Guarded(dataSource);
				}
				return bean;
			}
		};
	}

	/**
	 * Armed once its own application has started (a context started later, e.g. with
	 * other properties, runs its migrations unguarded like the first one did).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void arm(ApplicationReadyEvent event) {
		DataSource dataSource = event.getApplicationContext().getBean(DataSource.class);
		if (dataSource instanceof LazyConnectionDataSourceProxy lazy) {
			dataSource = lazy.getTargetDataSource();
		}
		if (dataSource instanceof Guarded guarded) {
			guarded.armed = true;
		}
	}

	/** The pool, counting the connections each thread holds. */
	static final class Guarded extends DelegatingDataSource {

		private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);

		private volatile boolean armed;

		Guarded(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			check();
			return track(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			check();
			return track(super.getConnection(username, password));
		}

		private void check() {
			if (armed && held.get()[0] > 0 && !isJobThread()) {
				IllegalStateException violation = new IllegalStateException("Thread " + Thread.currentThread()
						+ " asked for a second database connection while holding one: under load this "
						+ "deadlocks the pool (see ConnectionGuard)");
				violations.add(violation);
				throw violation;
			}
		}

		/**
		 * The job facility's threads (db-scheduler's, two per instance) commit the
		 * progress of tracked runs apart from their long transaction on purpose, so that
		 * the page can show it: at most two such threads hold two connections each, never
		 * request threads, so they cannot starve the pool of the application (12) — they
		 * wait only for connections that requests give back.
		 */
		private static boolean isJobThread() {
			String name = Thread.currentThread().getName();
			return name.startsWith("db-scheduler-");
		}

		private Connection track(Connection connection) {
			taken.get()[0]++;
			Recording current = recording.get();
			if (current != null) {
				current.connections++;
			}
			int[] count = held.get();
			count[0]++;
			boolean[] closed = new boolean[1];
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("close") && method.getParameterCount() == 0 && !closed[0]) {
							closed[0] = true;
							count[0]--;
						}
						if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> type
								&& type.isInstance(connection)) {
							return connection;
						}
						if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
							Recording recorded = recording.get();
							if (recorded != null) {
								recorded.transactions++;
							}
						}
						Object result;
						try {
							result = method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getTargetException();
						}
						if (result instanceof Statement statement && recording.get() != null) {
							String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql
									: null;
							return counted(statement, prepared);
						}
						return result;
					});
		}

		/** The statement, recording each execution with its SQL. */
		private static Statement counted(Statement statement, @Nullable String prepared) {
			java.util.Set<Class<?>> types = new java.util.LinkedHashSet<>();
			types.add(Statement.class);
			if (statement instanceof PreparedStatement) {
				types.add(PreparedStatement.class);
			}
			if (statement instanceof CallableStatement) {
				types.add(CallableStatement.class);
			}
			return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), types.toArray(Class<?>[]::new),
					(proxy, method, args) -> {
						if (method.getName().startsWith("execute")) {
							recordStatement(args != null && args.length > 0 && args[0] instanceof String sql ? sql
									: String.valueOf(prepared));
						}
						if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> type
								&& type.isInstance(statement)) {
							return statement;
						}
						try {
							return method.invoke(statement, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getTargetException();
						}
					});
		}

	}

}
