package vn.ntm.platform;

import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import vn.ntm.shared.VnFormat;

/**
 * Beans that belong to no business module.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * The pool behind a proxy that takes a connection only when the first statement runs
	 * (issue 10): a transaction whose reads are all answered from what the request
	 * already read ({@code vn.ntm.shared.RequestMemo}) takes no connection and makes no
	 * round trip to begin and end it, and a connection is held only from the first
	 * statement on.
	 */
	@Bean
	static LazyConnections lazyConnections() {
		return new LazyConnections();
	}

	/**
	 * Wraps the pool first (before other post-processors, e.g. the tests' connection
	 * guard, which then counts the connections really taken from the pool).
	 */
	static final class LazyConnections implements BeanPostProcessor, PriorityOrdered {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof HikariDataSource pool) {
				return new LazyPool(pool);
			}
			return bean;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/** The lazy proxy, closing the pool when the application stops. */
	static final class LazyPool extends LazyConnectionDataSourceProxy implements AutoCloseable {

		private final HikariDataSource pool;

		LazyPool(HikariDataSource pool) {
			super(pool);
			this.pool = pool;
		}

		@Override
		public void close() {
			this.pool.close();
		}

	}

	/** The one clock of the application, in Vietnam's time zone whatever the server's. */
	@Bean
	Clock clock() {
		return Clock.system(VnFormat.ZONE);
	}

}
