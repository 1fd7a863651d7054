package vn.ntm.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.DelegatingDataSource;

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
				if (bean instanceof DataSource dataSource && !(bean instanceof Guarded)) {
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
		if (event.getApplicationContext().getBean(DataSource.class) instanceof Guarded guarded) {
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
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getTargetException();
						}
					});
		}

	}

}
