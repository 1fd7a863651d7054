package vn.ntm.assessment.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.assessment.ValueInput;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.engine.EvaluationInput;
import vn.ntm.criteria.engine.Status;
import vn.ntm.criteria.engine.TitleVerdict;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Problem;
import vn.ntm.shared.Problem.Place;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.VnFormat;

/**
 * REST API for assessments and their evaluation: open an assessment, record what a
 * document states, read the evaluation of one unit or of every unit below a parent, and
 * evaluate figures without storing them. Every call is limited to the caller's units;
 * reason texts come in the request's language.
 */
@RestController
@RequestMapping("/api/v1")
class AssessmentApiController {

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final ReasonTexts texts;

	private final MatrixSource matrices;

	private final UnitManagement units;

	AssessmentApiController(AssessmentManagement assessments, CriteriaCatalog catalog, ReasonTexts texts,
			MatrixSource matrices, UnitManagement units) {
		this.units = units;
		this.assessments = assessments;
		this.catalog = catalog;
		this.texts = texts;
		this.matrices = matrices;
	}

	/** The unit's assessments, newest year first. */
	@GetMapping("/units/{id}/assessments")
	List<AssessmentView> ofUnit(@PathVariable long id) {
		return assessments.ofUnit(id);
	}

	/** Opens an assessment of a unit for a set version and year. */
	@PostMapping("/assessments")
	ResponseEntity<AssessmentView> open(@RequestBody NewAssessment request) {
		AssessmentView created = assessments.open(request);
		return ResponseEntity.created(URI.create("/api/v1/assessments/" + created.id())).body(created);
	}

	/** The assessment's header and what was entered in it. */
	@GetMapping("/assessments/{id}")
	AssessmentJson get(@PathVariable long id) {
		AssessmentView view = assessments.get(id);
		return AssessmentJson.of(view, assessments.input(id));
	}

	/**
	 * Records values and criterion results; send the {@code rowVersion} read with the
	 * assessment as {@code expectedVersion}.
	 */
	@PutMapping("/assessments/{id}/entries")
	AssessmentView record(@PathVariable long id, @Valid @RequestBody EntryRequest entry) {
		return assessments.record(id, new AssessmentEntry(entry.values(), entry.met(), entry.notMet(),
				entry.statedMetCount(), entry.source(), entry.expectedVersion()));
	}

	/**
	 * An entry as the API takes it: {@code expectedVersion} is required, so that a client
	 * that forgot it cannot overwrite someone else's save.
	 */
	record EntryRequest(@Nullable Map<String, @Nullable ValueInput> values, @Nullable List<String> met,
			@Nullable List<String> notMet, @Nullable Integer statedMetCount, @Nullable String source,
			@NotNull(message = "{assessment.expectedVersion.required}") Integer expectedVersion) {
	}

	@GetMapping("/assessments/{id}/evaluation")
	EvaluationJson evaluation(@PathVariable long id, Locale locale) {
		return new EvaluationJson.Writer(texts, locale).of(assessments.evaluate(id));
	}

	/**
	 * The evaluation of a unit for a set and year: of the stored assessment, or of
	 * nothing entered (which shows what is missing).
	 */
	@GetMapping("/units/{id}/evaluation")
	EvaluationJson evaluation(@PathVariable long id, @RequestParam long set, @RequestParam int year, Locale locale) {
		return new EvaluationJson.Writer(texts, locale).of(assessments.evaluate(id, set, year));
	}

	/** Evaluates what the request gives, stored nowhere. */
	@PostMapping("/evaluations")
	AdHocJson evaluate(@RequestBody AdHocRequest request, Locale locale) {
		List<Problem> problems = new ArrayList<>();
		if (request.unitId() == null) {
			problems.add(Problem.at(List.of(new Place("assessment.field.unitId", "")), "assessment.unit.required"));
		}
		if (request.setId() == null) {
			problems.add(Problem.at(List.of(new Place("assessment.field.setId", "")), "assessment.set.required"));
		}
		if (request.unitId() == null || request.setId() == null) {
			throw new RejectedInput("assessment.rejected", problems);
		}
		LocalDate asOf = request.asOf() != null ? request.asOf() : VnFormat.today();
		AssessmentEntry entry = new AssessmentEntry(request.values(), request.met(), request.notMet(),
				request.statedMetCount(), null, 0);
		return new AdHocJson(request.unitId(), request.setId(), asOf, new EvaluationJson.Writer(texts, locale)
			.result(assessments.evaluateEntry(request.unitId(), request.setId(), asOf, entry)));
	}

	/**
	 * Every unit below (and including) the unit that the set applies to, evaluated for
	 * the year: most criteria met first; {@code atRiskOnly} keeps those at risk of
	 * revocation or to be revoked. Paged as the matrix ({@code page}, {@code size}).
	 */
	@GetMapping("/units/{id}/evaluations/within")
	WithinJson within(@PathVariable long id, @RequestParam long set, @RequestParam int year,
			@RequestParam(defaultValue = "false") boolean atRiskOnly,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, Locale locale) {
		EvaluationJson.Writer writer = new EvaluationJson.Writer(texts, locale);
		List<UnitEvaluation> all = sorted(assessments.evaluateWithin(id, set, year)).stream()
			.filter(u -> !atRiskOnly || u.evaluation().revocation().atRiskOrRevoke())
			.toList();
		Paging paging = Paging.of(page, pageSize(size), all.size(), null);
		List<EvaluationJson.Row> rows = paging.of(all).stream().map(writer::row).toList();
		return new WithinJson(id, EvaluationJson.SetJson.of(catalog.summary(set)), year, all.size(), paging.page(),
				paging.pages(), paging.size(), rows);
	}

	/**
	 * The rows of one answer: {@code size}, else {@value #MATRIX_PAGE_SIZE}; 422 beyond
	 * the bounds.
	 */
	static int pageSize(@Nullable Integer size) {
		int pageSize = size == null ? MATRIX_PAGE_SIZE : size;
		if (pageSize < 1 || pageSize > MATRIX_MAX_PAGE_SIZE) {
			throw new BusinessRuleException("matrix.filter.invalid", String.valueOf(size), "aggregate.size");
		}
		return pageSize;
	}

	/** Rows of the matrix in one answer unless {@code size} says otherwise. */
	static final int MATRIX_PAGE_SIZE = 500;

	/** The most rows of the matrix in one answer. */
	static final int MATRIX_MAX_PAGE_SIZE = 2000;

	/**
	 * The assessment matrix of a parent: the set's criteria, one row per unit below the
	 * parent with each criterion's status, and per criterion how many rows meet it; the
	 * filters and order of the page ({@link MatrixQuery}). The rows come {@code size} at
	 * a time ({@value #MATRIX_PAGE_SIZE} unless asked, at most
	 * {@value #MATRIX_MAX_PAGE_SIZE}; {@code page} from 1), the totals count them all;
	 * {@code view=groups} answers the aggregate by the units directly below instead of
	 * rows, as the page of a large unit shows it.
	 */
	@GetMapping("/units/{id}/evaluations/matrix")
	MatrixJson matrix(@PathVariable long id, @RequestParam long set, @RequestParam int year,
			@RequestParam(required = false) @Nullable Integer below,
			@RequestParam(required = false) @Nullable String cls,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String dir,
			@RequestParam(required = false) @Nullable String view,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		String asked = view == null || view.isBlank() ? UnitGroups.UNITS : UnitGroups.view(view);
		if (asked.equals(UnitGroups.AUTO)) {
			throw new BusinessRuleException("matrix.filter.invalid", view, "aggregate.view");
		}
		int pageSize = pageSize(size);
		List<UnitRef> ofYear = units.unitsOfYear(id, year);
		EvaluationMatrix matrix = matrices.build(id, set, year, new MatrixQuery(below, cls, title, status, sort, dir),
				ofYear);
		List<MatrixRowJson> rows = List.of();
		List<MatrixGroupJson> groups = null;
		MatrixGroupJson total = null;
		Paging paging = null;
		if (asked.equals(UnitGroups.GROUPS)) {
			MatrixAggregate aggregate = MatrixAggregate.of(matrix, UnitGroups.of(id, ofYear));
			groups = aggregate.groups().stream().map(g -> MatrixGroupJson.of(g, aggregate.bands())).toList();
			total = MatrixGroupJson.of(aggregate.total(), aggregate.bands());
		}
		else {
			paging = Paging.of(page, pageSize, matrix.rows().size(), null);
			rows = paging.of(matrix.rows())
				.stream()
				.map(r -> new MatrixRowJson(r.unitId(), r.label(), r.assessmentId(), r.notation(), r.met(), r.total(),
						r.cells(), r.thresholdClass(), r.title(), r.holdsTitle(),
						r.status() == null ? null : r.status().name(), r.selfAssessed(), r.indicatorsMet(),
						r.indicatorsTotal()))
				.toList();
		}
		return new MatrixJson(id, EvaluationJson.SetJson.of(catalog.summary(set)), year, below, matrix.query(),
				matrix.sortParam(), matrix.descending() ? "desc" : "asc", matrix.criteria(), asked,
				matrix.rows().size(), paging == null ? null : paging.page(), paging == null ? null : paging.pages(),
				paging == null ? null : pageSize, rows, matrix.totals(), groups, total);
	}

	/** Most criteria met first, then by name. */
	static List<UnitEvaluation> sorted(List<UnitEvaluation> units) {
		return units.stream()
			.sorted(Comparator.comparingInt((UnitEvaluation u) -> -u.evaluation().summary().met())
				.thenComparing(UnitEvaluation::label))
			.toList();
	}

	/**
	 * An evaluation of figures given in the request: the unit and set version, the date
	 * (today when absent), and an entry as {@code PUT /assessments/{id}/entries} takes
	 * it.
	 */
	record AdHocRequest(@Nullable Long unitId, @Nullable Long setId, @Nullable LocalDate asOf,
			@Nullable Map<String, @Nullable ValueInput> values, @Nullable List<String> met,
			@Nullable List<String> notMet, @Nullable Integer statedMetCount) {
	}

	record AdHocJson(long unitId, long setId, LocalDate asOf, EvaluationJson.Result evaluation) {
	}

	/**
	 * The matrix: {@code rowCount} rows in all, {@code rows} those of the page (none with
	 * {@code view=groups}), {@code totals} per criterion over all rows; {@code groups}
	 * and {@code total} the aggregate ({@code view=groups} only).
	 */
	record MatrixJson(long rootId, EvaluationJson.SetJson set, int year, @Nullable Integer below, MatrixQuery filters,
			String sort, String dir, List<EvaluationMatrix.Column> criteria, String view, int rowCount,
			@Nullable Integer page, @Nullable Integer pages, @Nullable Integer pageSize, List<MatrixRowJson> rows,
			Map<String, Integer> totals, @Nullable List<MatrixGroupJson> groups, @Nullable MatrixGroupJson total) {
	}

	/**
	 * A unit directly below the root (or the root, for the total) and its rows: how many,
	 * how many entered, per criterion how many meet it, the average of criteria met, per
	 * band of criteria met how many, how many qualify and hold the title; {@code unit}
	 * when it is itself a row (a commune directly under a province).
	 */
	record MatrixGroupJson(long unitId, String label, boolean unit, int units, int entered, Map<String, Integer> met,
			@Nullable BigDecimal averageMet, List<BandJson> bands, int qualifying, int held) {

		static MatrixGroupJson of(MatrixAggregate.Group group, List<MatrixAggregate.Band> bands) {
			List<BandJson> counts = new ArrayList<>();
			for (int b = 0; b < bands.size(); b++) {
				MatrixAggregate.Band band = bands.get(b);
				counts.add(new BandJson(band.from(), band.all() ? null : band.to(), group.band(b)));
			}
			return new MatrixGroupJson(group.unitId(), group.label(), group.single(), group.units(), group.entered(),
					group.met(),
					group.units() == 0 ? null
							: BigDecimal.valueOf(group.metSum())
								.divide(BigDecimal.valueOf(group.units()), 2, java.math.RoundingMode.HALF_UP),
					counts, group.qualifying(), group.held());
		}

	}

	/** Units meeting from {@code from} to {@code to} criteria (no {@code to}: all). */
	record BandJson(int from, @Nullable Integer to, int count) {
	}

	/**
	 * A unit's row: {@code cells} as appraised; {@code selfAssessed} the unit's own
	 * status of the criteria whose appraised result differs.
	 */
	record MatrixRowJson(long unitId, String label, @Nullable Long assessmentId, String notation, int met, int total,
			Map<String, Status> cells, @Nullable String thresholdClass, TitleVerdict.Outcome title, boolean holdsTitle,
			@Nullable String status, Map<String, Status> selfAssessed, int indicatorsMet, int indicatorsTotal) {
	}

	/**
	 * {@code count} units in all, {@code units} those of {@code page} (from 1) of
	 * {@code pageSize}.
	 */
	record WithinJson(long rootId, EvaluationJson.SetJson set, int year, int count, int page, int pages, int pageSize,
			List<EvaluationJson.Row> units) {
	}

	/**
	 * An assessment and what was entered: values by indicator code, criteria stated met
	 * and not met (a criterion in both is a contradiction of the source).
	 */
	record AssessmentJson(AssessmentView assessment, Map<String, EvaluationJson.ValueJson> values, List<String> met,
			List<String> notMet, @Nullable Integer statedMetCount) {

		static AssessmentJson of(AssessmentView view, EvaluationInput input) {
			Map<String, EvaluationJson.ValueJson> values = new LinkedHashMap<>();
			new TreeSet<>(input.values().keySet())
				.forEach(code -> values.put(code, EvaluationJson.ValueJson.of(input.values().get(code))));
			List<String> met = new ArrayList<>();
			List<String> notMet = new ArrayList<>();
			input.claims().forEach((number, claims) -> {
				if (claims.contains(Boolean.TRUE)) {
					met.add(number);
				}
				if (claims.contains(Boolean.FALSE)) {
					notMet.add(number);
				}
			});
			met.sort(CRITERIA_ORDER);
			notMet.sort(CRITERIA_ORDER);
			return new AssessmentJson(view, values, met, notMet, input.statedMetCount());
		}

	}

	/** "2" before "10"; codes that are not numbers after, alphabetically. */
	static final Comparator<String> CRITERIA_ORDER = Comparator
		.comparing((String n) -> n.matches("\\d{1,9}") ? Integer.parseInt(n) : Integer.MAX_VALUE)
		.thenComparing(n -> n);

}
