package vn.ntm.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans that belong to no business module.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** The one clock of the application, replaceable in tests. */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
