package vn.ntm.platform.db;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo accounts (published password) and the embedded database (superuser without
 * password) only for the README's run command on this machine: the packaged application
 * started without database settings creates no demo account and listens on 127.0.0.1, or
 * refuses a reachable address naming the settings to give.
 */
class ServerExposureTests {

	@Test
	void shouldGiveTheReadmeRunItsDemoAccountsOnThisMachineOnly() {
		// ./mvnw spring-boot:run (ntm.local from the pom), embedded database
		ServerExposure run = ServerExposure.decide(true, true, null, null);
		assertThat(run.demoAccounts()).isTrue();
		assertThat(run.serverAddress()).isEqualTo("127.0.0.1");
	}

	@Test
	void shouldKeepThePackagedApplicationWithoutDatabaseSettingsOffTheNetworkAndWithoutDemoAccounts() {
		// java -jar ntm-monitor.jar, nothing set
		ServerExposure jar = ServerExposure.decide(false, true, null, null);
		assertThat(jar.demoAccounts()).isFalse();
		assertThat(jar.serverAddress()).isEqualTo("127.0.0.1");
		assertThat(jar.notes()).singleElement().asString().contains("127.0.0.1").contains("SPRING_DATASOURCE_URL");
	}

	@Test
	void shouldListenEverywhereOnARealDatabaseWithoutDemoAccounts() {
		for (boolean local : new boolean[] { true, false }) {
			ServerExposure server = ServerExposure.decide(local, false, null, null);
			assertThat(server.demoAccounts()).isFalse();
			assertThat(server.serverAddress()).isNull();
		}
		assertThat(ServerExposure.decide(false, false, false, "0.0.0.0").serverAddress()).isNull();
	}

	@Test
	void shouldKeepDemoAccountsAskedForOnThisMachine() {
		// the tests' profile: ntm.seed.demo=true, also on an external database
		ServerExposure tests = ServerExposure.decide(false, false, true, null);
		assertThat(tests.demoAccounts()).isTrue();
		assertThat(tests.serverAddress()).isEqualTo("127.0.0.1");
		assertThat(ServerExposure.decide(true, true, false, null).demoAccounts()).isFalse();
		assertThat(ServerExposure.decide(false, true, true, "localhost").demoAccounts()).isTrue();
		assertThat(ServerExposure.decide(false, true, true, "::1").serverAddress()).isNull();
	}

	@Test
	void shouldRefuseAPublishedPasswordOrAnUnprotectedDatabaseOnAReachableAddress() {
		assertThatThrownBy(() -> ServerExposure.decide(true, true, null, "0.0.0.0"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("demo accounts")
			.hasMessageContaining("server.address=0.0.0.0")
			.hasMessageContaining("SPRING_DATASOURCE_URL");
		assertThatThrownBy(() -> ServerExposure.decide(false, false, true, "192.168.1.20"))
			.hasMessageContaining("ntm.seed.demo=true");
		assertThatThrownBy(() -> ServerExposure.decide(false, true, null, "0.0.0.0"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("embedded")
			.hasMessageContaining("SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD")
			.hasMessageContaining("NTM_ADMIN_PASSWORD");
		// a developer's own choice on their machine: the embedded database without demo
		// accounts
		assertThat(ServerExposure.decide(true, true, false, "0.0.0.0").serverAddress()).isNull();
	}

	@Test
	void shouldSetTheDecisionIntoTheEnvironmentWithoutOverridingWhatWasGiven() {
		StandardEnvironment jar = environment(Map.of("ntm.embedded-db.active", "true"));
		new ServerExposureEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(jar,
				new SpringApplication());
		assertThat(jar.getProperty("server.address")).isEqualTo("127.0.0.1");
		assertThat(jar.getProperty("ntm.seed.demo", Boolean.class)).isFalse();

		StandardEnvironment run = environment(Map.of("ntm.embedded-db.active", "true", "ntm.local", "true"));
		new ServerExposureEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(run,
				new SpringApplication());
		assertThat(run.getProperty("ntm.seed.demo", Boolean.class)).isTrue();

		StandardEnvironment given = environment(
				Map.of("ntm.embedded-db.active", "true", "server.address", "127.0.0.1", "ntm.seed.demo", "false"));
		new ServerExposureEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(given,
				new SpringApplication());
		assertThat(given.getProperty("ntm.seed.demo", Boolean.class)).isFalse();
		assertThat(given.getProperty("server.address")).isEqualTo("127.0.0.1");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
		return environment;
	}

}
