package vn.ntm.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ntm.shared.VnFormat;

/**
 * Beans that belong to no business module.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** The one clock of the application, in Vietnam's time zone whatever the server's. */
	@Bean
	Clock clock() {
		return Clock.system(VnFormat.ZONE);
	}

}
