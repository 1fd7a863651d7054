package vn.ntm.recognition;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.documents.Upload;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.SystemTask;
import vn.ntm.support.TestData;

/**
 * What dossier tests need: a satisfaction bar the tests define for xã NTM (no text states
 * one), an assessment with every criterion met, a PDF to upload.
 */
@Component
public class DossierFixtures {

	/** The bar the tests set for xã NTM 2024–2025: no reference states one. */
	public static final int TEST_BAR = 80;

	public static final String PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
			+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

	private final JdbcClient jdbc;

	private final AssessmentManagement assessments;

	private final TestData data;

	private final UnitManagement units;

	DossierFixtures(JdbcClient jdbc, AssessmentManagement assessments, TestData data, UnitManagement units) {
		this.units = units;
		this.jdbc = jdbc;
		this.assessments = assessments;
		this.data = data;
	}

	public void testBar() {
		jdbc.sql("""
				insert into dossier_satisfaction_bar (title_code, from_year, to_year, percent, source)
				values ('XA_NTM', 2024, 2025, :bar, 'Ngưỡng do bài kiểm thử đặt (không có văn bản nêu ngưỡng cho xã)')
				on conflict do nothing
				""").param("bar", TEST_BAR).update();
	}

	/** Every criterion of QĐ 318 (xã NTM) stated met for the unit's year. */
	public void allCriteriaMet(long unitId, int year) {
		long set = data.setId("QD318_XA_NTM");
		AssessmentView view = SystemTask.call(() -> assessments.find(unitId, set, year)
			.orElseGet(() -> assessments.open(new NewAssessment(unitId, set, year, null, null, null))));
		List<String> met = IntStream.rangeClosed(1, 19).mapToObj(String::valueOf).toList();
		SystemTask.call(() -> assessments.record(view.id(),
				new AssessmentEntry(null, met, List.of(), 19, "Báo cáo kết quả (kiểm thử)", view.rowVersion())));
	}

	/**
	 * A commune of Thành phố Tam Kỳ (Quảng Nam) from 1/1/2020 to 30/6/2025, as the
	 * communes of the reform: placed, after its end, where it was on its last day.
	 */
	public UnitRef communeBeforeReform(String name) {
		UnitRef commune = data.commune("502", name);
		SystemTask.call(() -> units.dissolve(commune.id(), LocalDate.of(2025, 7, 1), "Kiểm thử", null,
				units.details(commune.id(), LocalDate.of(2024, 1, 1)).rowVersion()));
		return commune;
	}

	public static Upload pdf(String name) {
		return new Upload(name, new ByteArrayResource(PDF.getBytes(StandardCharsets.UTF_8)));
	}

	public static SurveyForm survey(int surveyed, int satisfied, Integer version) {
		return new SurveyForm(1000, surveyed, satisfied, null, null, "Ủy ban MTTQ Việt Nam xã", null, null, null,
				List.of(), version);
	}

}
