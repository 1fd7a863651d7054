package vn.ntm.recognition;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ntm.assessment.AssessmentApproved;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentReopened;
import vn.ntm.assessment.AssessmentWorkflow;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dossier listens to its unit's assessment of its year: the approval and a reopening
 * are noted in its history by the system (after the assessment's transaction, on their
 * own thread); a unit without a dossier: nothing, the publication completed.
 */
@IntegrationTest
class DossierAssessmentNotesTests {

	@Autowired
	Dossiers dossiers;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	AssessmentWorkflow workflow;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldNoteTheApprovalAndTheReopeningOfTheAssessmentInTheLiveDossier() {
		UnitRef commune = data.commune("502", "Xã Nghe Đánh Giá");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		DossierView opened = DossiersTests.as(officer,
				() -> dossiers.open(new NewDossier(commune.id(), "XA_NTM", 2024, LocalDate.of(2024, 9, 2))));

		long id = approvedFromDocument(commune.id(), 2024, LocalDate.of(2024, 12, 15));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(notes(officer, opened.id())).singleElement().satisfies(e -> {
				assertThat(e.reason()).startsWith("Kết quả đánh giá năm 2024 (")
					.contains("đã được phê duyệt ngày 15/12/2024");
				assertThat(e.doneOn()).isEqualTo(LocalDate.of(2024, 12, 15));
				assertThat(e.actor()).isEqualTo(SystemTask.ACTOR);
				assertThat(e.stepCode()).isEqualTo("SUBMIT");
			}));
		// a note moves no step: the dossier is still a draft, at its first step
		DossierView after = DossiersTests.as(officer, () -> dossiers.find(opened.id()));
		assertThat(after.state()).isEqualTo("DRAFT");
		assertThat(after.version()).isEqualTo(opened.version());
		assertThat(after.can("SUBMIT")).isTrue();
		assertThat(audited(opened.id()))
			.anySatisfy(line -> assertThat(line).startsWith(SystemTask.ACTOR + ": ").contains("đã được phê duyệt"));

		int version = SystemTask.call(() -> assessments.get(id)).rowVersion();
		SystemTask.run(() -> workflow.reopen(id, "Phát hiện sai sót số liệu tiêu chí 17", version));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(notes(officer, opened.id())).hasSize(2)
				.last()
				.satisfies(e -> assertThat(e.reason()).contains(
						"được mở lại: Phát hiện sai sót số liệu tiêu chí 17 — cần kiểm tra lại điều kiện trước khi quyết định")));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(completed(AssessmentReopened.class, id)).containsExactly(true));
	}

	@Test
	void shouldDoNothingForAUnitWithoutADossier() {
		UnitRef commune = data.commune("502", "Xã Không Hồ Sơ");

		long id = approvedFromDocument(commune.id(), 2024, LocalDate.of(2024, 12, 20));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(completed(AssessmentApproved.class, id)).containsExactly(true));
		assertThat(jdbc.sql("""
				select count(*) from dossier_step_event e join dossier d on d.id = e.dossier_id
				where d.unit_id = :unit
				""").param("unit", commune.id()).query(Long.class).single()).isZero();
	}

	private long approvedFromDocument(long unit, int year, LocalDate decidedOn) {
		long set = data.setId("QD318_XA_NTM");
		long id = SystemTask.call(() -> assessments.open(new NewAssessment(unit, set, year, null, null, null))).id();
		SystemTask.run(() -> workflow.recordFromDocument(id, decidedOn, "Quyết định số 456/QĐ-UBND (kiểm thử)"));
		return id;
	}

	private List<DossierView.EventView> notes(UserView reader, long dossierId) {
		return DossiersTests.as(reader, () -> dossiers.find(dossierId))
			.events()
			.stream()
			.filter(e -> e.action().equals("NOTE"))
			.toList();
	}

	private List<String> audited(long dossierId) {
		return jdbc
			.sql("select actor || ': ' || summary from audit_event where entity_type = 'dossier' and entity_id = :id")
			.param("id", String.valueOf(dossierId))
			.query(String.class)
			.list();
	}

	/**
	 * The publications of the event to this listener (the probe of the tests has its
	 * own).
	 */
	private List<Boolean> completed(Class<?> type, long assessmentId) {
		return jdbc.sql("select completion_date is not null from event_publication"
				+ " where event_type = :type and serialized_event like :id and listener_id like '%.AssessmentNotes.%'")
			.param("type", type.getName())
			.param("id", "%\"assessmentId\":" + assessmentId + ",%")
			.query(Boolean.class)
			.list();
	}

}
