package vn.ntm.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.assessment.AssessmentWorkflow;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.assessment.ValueInput;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.recognition.NewTitleAward;
import vn.ntm.recognition.Titles;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.VnFormat;

/**
 * The results and titles the seed plans state ({@code seed/results.yaml}), entered
 * through the ordinary facades — validated and audited like anyone's entry. The results
 * are history, not drafts: each assessment is then recorded as decided by its document
 * ({@link AssessmentWorkflow#recordFromDocument}), approved as of the document's date
 * ({@code decided}; the date of the figures when the document bears none, and the step
 * says so).
 */
@Component
class SeedResults {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final UnitManagement units;

	private final CriteriaCatalog catalog;

	private final Titles titles;

	private final AssessmentManagement assessments;

	private final AssessmentWorkflow workflow;

	SeedResults(UnitManagement units, CriteriaCatalog catalog, Titles titles, AssessmentManagement assessments,
			AssessmentWorkflow workflow) {
		this.units = units;
		this.catalog = catalog;
		this.titles = titles;
		this.assessments = assessments;
		this.workflow = workflow;
	}

	record File(List<TitleRow> titles, List<AssessmentRow> assessments) {
	}

	record TitleRow(String unit, LocalDate at, String title, int year, @Nullable String source) {
	}

	/**
	 * An assessment a document states; {@code decided} is the document's date, when it
	 * bears one.
	 */
	record AssessmentRow(String unit, @Nullable String village, LocalDate at, String set, int year,
			@Nullable Integer stated, @Nullable List<String> met, @Nullable List<String> notMet,
			@Nullable Map<String, String> values, @Nullable Map<String, List<Long>> fractions, @Nullable String source,
			@Nullable LocalDate decided) {
	}

	/** Loads the file; returns how many titles and assessments were entered. */
	int[] load() {
		File file = read();
		for (TitleRow row : file.titles()) {
			UnitRef unit = unit(row.unit(), null, row.at());
			titles.award(unit.id(), new NewTitleAward(row.title(), row.year(), null, null, null, row.source(), null));
		}
		for (AssessmentRow row : file.assessments()) {
			UnitRef unit = unit(row.unit(), row.village(), row.at());
			SetSummary set = catalog.inForce(row.set(), row.at())
				.orElseThrow(() -> new IllegalStateException("No set " + row.set() + " in force at " + row.at()));
			AssessmentView opened = assessments
				.open(new NewAssessment(unit.id(), set.id(), row.year(), row.at(), row.source(), null));
			Map<String, ValueInput> values = new LinkedHashMap<>();
			if (row.values() != null) {
				row.values()
					.forEach((code, number) -> values.put(code,
							new ValueInput(new BigDecimal(number), null, null, null, null, null, row.source())));
			}
			if (row.fractions() != null) {
				row.fractions()
					.forEach((code, pair) -> values.put(code,
							new ValueInput(null, pair.get(0), pair.get(1), null, null, null, row.source())));
			}
			assessments.record(opened.id(), new AssessmentEntry(values, row.met(), row.notMet(), row.stated(),
					row.source(), opened.rowVersion()));
		}
		return new int[] { file.titles().size(), file.assessments().size() };
	}

	/**
	 * Records the file's assessments as decided by their documents: those still drafts
	 * that nobody but the system has touched (a database loaded before this step existed
	 * gets them too). Returns how many.
	 */
	int decide() {
		int decided = 0;
		for (AssessmentRow row : read().assessments()) {
			UnitRef unit = unit(row.unit(), row.village(), row.at());
			SetSummary set = catalog.inForce(row.set(), row.at()).orElse(null);
			AssessmentView view = set == null ? null : assessments.find(unit.id(), set.id(), row.year()).orElse(null);
			if (view == null || !AssessmentStatus.DRAFT.name().equals(view.status())
					|| !SystemTask.ACTOR.equals(view.updatedBy() == null ? view.createdBy() : view.updatedBy())) {
				continue;
			}
			LocalDate on = row.decided() != null ? row.decided() : row.at();
			String document = (row.source() == null ? "Văn bản nguồn dữ liệu khởi tạo" : row.source())
					+ (row.decided() != null ? "; ngày văn bản " + VnFormat.date(row.decided())
							: "; văn bản không ghi ngày ký — ghi theo ngày số liệu " + VnFormat.date(row.at()));
			workflow.recordFromDocument(view.id(), on, document);
			decided++;
		}
		return decided;
	}

	private UnitRef unit(String code, @Nullable String village, LocalDate at) {
		UnitRef unit = units.findByCode(code, at)
			.orElseThrow(() -> new IllegalStateException("Seed unit " + code + " missing at " + at));
		if (village == null) {
			return unit;
		}
		return units.children(unit.id(), at)
			.stream()
			.filter(c -> c.name().equals(village))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Seed village " + village + " missing in " + code));
	}

	private static File read() {
		try (InputStream in = new ClassPathResource("seed/results.yaml").getInputStream()) {
			return YAML.readValue(in, File.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
