package vn.ntm.assessment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ntm.NtmApplication;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event survives a restart before its listener completes: a first instance of the
 * application (a second application context on the tests' database) publishes an
 * assessment event whose listener ({@link RestartProbe}) is still running when the
 * instance stops; a second instance, started on the same database with
 * {@code spring.modulith.events.republish-outstanding-events-on-restart=true}, delivers
 * the outstanding publication again at start, the listener completes and the publication
 * is marked completed.
 */
@IntegrationTest
class EventRestartTests {

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	AssessmentWorkflow workflow;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldDeliverAnEventAgainAfterARestartCutItsListenerShort() {
		long id = approvedFromDocument();
		int version = SystemTask.call(() -> assessments.get(id)).rowVersion();

		try (ConfigurableApplicationContext first = instance(true)) {
			AssessmentWorkflow firstWorkflow = first.getBean(AssessmentWorkflow.class);
			SystemTask.run(() -> firstWorkflow.reopen(id, RestartProbe.MARK + " — mở lại trước khi dừng", version));
			await().atMost(Duration.ofSeconds(30)).until(() -> RestartProbe.started.contains(id));
			// stored with the reopening, not completed: its listener is still running
			assertThat(publications(id)).singleElement().isEqualTo(false);
		}
		// the instance is gone; the listener it left behind gives up without completing
		RestartProbe.release.countDown();
		assertThat(publications(id)).singleElement().isEqualTo(false);
		assertThat(RestartProbe.completed).doesNotContain(id);

		try (ConfigurableApplicationContext second = instance(false)) {
			await().atMost(Duration.ofSeconds(60)).until(() -> RestartProbe.completed.contains(id));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(publications(id)).singleElement().isEqualTo(true));
		}
	}

	/**
	 * Another instance of the application on the tests' database (already migrated and
	 * seeded), without its own web port in use, its job runner or a new database.
	 */
	private ConfigurableApplicationContext instance(boolean holdListener) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", environment.getRequiredProperty("spring.datasource.url"));
		properties.put("spring.datasource.username", environment.getProperty("spring.datasource.username", ""));
		properties.put("spring.datasource.password", environment.getProperty("spring.datasource.password", ""));
		// the database is there already: neither an embedded server nor a fresh test
		// database
		properties.put("ntm.embedded-db.active", true);
		properties.put("server.port", 0);
		properties.put("spring.jmx.enabled", false);
		properties.put("ntm.jobs.enabled", false);
		properties.put("spring.modulith.events.republish-outstanding-events-on-restart", true);
		properties.put("ntm.test.restart-probe.enabled", true);
		properties.put("ntm.test.restart-probe.hold", holdListener);
		// as command-line arguments: they outrank the environment, so an external
		// server's
		// SPRING_DATASOURCE_URL (.ci/run) cannot send this instance to another database
		// than the tests' own
		String[] args = properties.entrySet()
			.stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(NtmApplication.class).profiles("test").run(args);
	}

	/** A new commune's 2023 assessment, recorded as approved by a decision. */
	private long approvedFromDocument() {
		long unit = data.commune("503", "Xã Khởi Động Lại").id();
		long set = data.setId("QD318_XA_NTM");
		long id = SystemTask.call(() -> assessments.open(new NewAssessment(unit, set, 2023, null, null, null))).id();
		SystemTask.run(() -> workflow.recordFromDocument(id, LocalDate.of(2023, 12, 15),
				"Quyết định số 124/QĐ-UBND ngày 15/12/2023"));
		return id;
	}

	/**
	 * Whether each publication of the assessment's reopening to the probe is completed.
	 */
	private List<Boolean> publications(long assessmentId) {
		return jdbc
			.sql("SELECT completion_date IS NOT NULL FROM event_publication WHERE event_type = :type"
					+ " AND listener_id LIKE :listener AND serialized_event LIKE :id")
			.param("type", AssessmentReopened.class.getName())
			.param("listener", "%" + RestartProbe.class.getName() + "%")
			.param("id", "%\"assessmentId\":" + assessmentId + ",%")
			.query(Boolean.class)
			.list();
	}

}
