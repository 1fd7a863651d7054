package vn.ntm.platform.db;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Applies {@link ServerExposure}: after the embedded database was (or was not) chosen,
 * sets {@code ntm.seed.demo} and {@code server.address} when they were not given, or
 * stops the start with a message naming the settings.
 */
public class ServerExposureEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "ntmServerExposure";

	private final Log log;

	public ServerExposureEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(ServerExposureEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean local = environment.getProperty("ntm.local", Boolean.class, false);
		boolean embedded = environment.getProperty("ntm.embedded-db.active", Boolean.class, false);
		Boolean demo = environment.getProperty("ntm.seed.demo", Boolean.class);
		String address = environment.getProperty("server.address");
		ServerExposure exposure = ServerExposure.decide(local, embedded, demo, address);
		exposure.notes().forEach(log::info);
		Map<String, Object> properties = new HashMap<>();
		properties.put("ntm.seed.demo", exposure.demoAccounts());
		if (exposure.serverAddress() != null) {
			properties.put("server.address", exposure.serverAddress());
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
	}

	@Override
	public int getOrder() {
		// after EmbeddedDatabaseEnvironmentPostProcessor, which tells whether the
		// embedded database is used
		return Ordered.LOWEST_PRECEDENCE - 5;
	}

}
