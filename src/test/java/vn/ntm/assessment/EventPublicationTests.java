package vn.ntm.assessment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The workflow's events go through Spring Modulith's JDBC publication registry (table
 * {@code event_publication}, platform V4): stored with the transition, completed when the
 * listener has run, kept incomplete when it failed and delivered again on resubmission —
 * what a restart does with {@code republish-outstanding-events-on-restart}.
 */
@IntegrationTest
class EventPublicationTests {

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	AssessmentWorkflow workflow;

	@Autowired
	AssessmentEventProbe probe;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldPublishApprovalAndReopeningAndCompleteTheirPublications() {
		long id = approvedFromDocument();
		AssessmentView view = SystemTask.call(() -> assessments.get(id));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(probe.received()).anySatisfy(
							e -> assertThat(e).isInstanceOfSatisfying(AssessmentApproved.class,
									a -> assertThat(a).isEqualTo(new AssessmentApproved(id, view.unitId(), view.setId(),
											view.setLabel(), 2023, LocalDate.of(2023, 12, 15), true, SystemTask.ACTOR,
											a.at())))));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(publications(AssessmentApproved.class, id)).singleElement()
				.satisfies(p -> assertThat(p.completed()).isTrue()));

		SystemTask.run(() -> workflow.reopen(id, "Phát hiện sai sót số liệu tiêu chí 17", view.rowVersion()));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(probe.received())
				.anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(AssessmentReopened.class, r -> {
					assertThat(r.assessmentId()).isEqualTo(id);
					assertThat(r.reason()).isEqualTo("Phát hiện sai sót số liệu tiêu chí 17");
				})));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(publications(AssessmentReopened.class, id)).singleElement()
				.satisfies(p -> assertThat(p.completed()).isTrue()));
	}

	@Test
	void shouldKeepAnEventWhoseListenerFailedAndDeliverItAgain() {
		long id = approvedFromDocument();
		int version = SystemTask.call(() -> assessments.get(id)).rowVersion();

		SystemTask.run(() -> workflow.reopen(id, AssessmentEventProbe.FAIL_ONCE + " — mở lại", version));
		// the listener failed: the publication stays, incomplete
		await().atMost(Duration.ofSeconds(30)).until(() -> probe.failed().contains(id));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(publications(AssessmentReopened.class, id)).singleElement()
				.satisfies(p -> assertThat(p.completed()).isFalse()));
		assertThat(probe.received()).noneMatch(e -> e instanceof AssessmentReopened r && r.assessmentId() == id);

		// what a restart does with the outstanding publications
		incomplete.resubmitIncompletePublications(
				p -> p.getEvent() instanceof AssessmentReopened r && r.assessmentId() == id);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(probe.received())
				.anyMatch(e -> e instanceof AssessmentReopened r && r.assessmentId() == id));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(publications(AssessmentReopened.class, id)).singleElement()
				.satisfies(p -> assertThat(p.completed()).isTrue()));
	}

	/** A new commune's 2023 assessment, recorded as approved by a decision. */
	private long approvedFromDocument() {
		long unit = data.commune("503", "Xã Sự kiện").id();
		long set = data.setId("QD318_XA_NTM");
		long id = SystemTask.call(() -> assessments.open(new NewAssessment(unit, set, 2023, null, null, null))).id();
		SystemTask.run(() -> workflow.recordFromDocument(id, LocalDate.of(2023, 12, 15),
				"Quyết định số 123/QĐ-UBND ngày 15/12/2023"));
		return id;
	}

	private List<Publication> publications(Class<?> type, long assessmentId) {
		return jdbc.sql("SELECT completion_date IS NOT NULL AS completed FROM event_publication"
				+ " WHERE event_type = :type AND serialized_event LIKE :id"
				// the probe's publications: recognition's dossiers listen too
				+ " AND listener_id LIKE '%.AssessmentEventProbe.%'")
			.param("type", type.getName())
			.param("id", "%\"assessmentId\":" + assessmentId + ",%")
			.query(Publication.class)
			.list();
	}

	record Publication(boolean completed) {
	}

}
