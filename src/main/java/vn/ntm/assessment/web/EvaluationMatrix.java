package vn.ntm.assessment.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.assessment.ProgressState;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.CriterionKind;
import vn.ntm.criteria.engine.CriterionResult;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.Status;
import vn.ntm.criteria.engine.TitleVerdict;
import vn.ntm.shared.BusinessRuleException;

/**
 * The assessment matrix of a parent unit, as the documents lay it out: one row per unit
 * below the parent that the set applies to, one column per criterion, the notation ("17
 * (16, 19)") and met/total per row, and per criterion how many of the rows meet it.
 *
 * @param criteria the set's criteria in force, in order (conditions are not columns)
 * @param rows the units shown (after the filters), in the order asked for
 * @param totals per criterion number, how many rows meet it
 * @param below when given, only units meeting fewer criteria are shown
 * @param sortCriterion the criterion whose column orders the rows (with
 * {@link Sort#CRITERION})
 * @param query the filters and order as asked (for links and exports)
 */
record EvaluationMatrix(long rootId, List<Column> criteria, List<Line> rows, Map<String, Integer> totals,
		@Nullable Integer below, Sort sort, boolean descending, @Nullable String sortCriterion, MatrixQuery query) {

	/** A criterion column: its number and name (the header's tooltip). */
	record Column(String number, @Nullable String name) {
	}

	/**
	 * One unit's row: the status of each criterion by number (as appraised, where someone
	 * appraised it), the class whose thresholds apply (a region, a commune group), the
	 * title verdict, whether the unit holds the set's title, the status of its assessment
	 * (none when not opened), the unit's own status of the criteria whose appraised
	 * result differs from it, and the indicators met of those judged.
	 */
	record Line(long unitId, String label, @Nullable Long assessmentId, String notation, int met, int total,
			Map<String, Status> cells, @Nullable String thresholdClass, TitleVerdict.Outcome title, boolean holdsTitle,
			@Nullable AssessmentStatus status, Map<String, Status> selfAssessed, int indicatorsMet,
			int indicatorsTotal) {

		/** The status of a criterion, {@link Status#NO_DATA} when the unit has none. */
		public Status cell(String number) {
			return cells.getOrDefault(number, Status.NO_DATA);
		}

		/**
		 * Whether the criterion's appraised result differs from the unit's own (the cell
		 * is marked).
		 */
		public boolean appraised(String number) {
			return selfAssessed.containsKey(number);
		}

		/** The unit's own status of a criterion whose appraised result differs. */
		public @Nullable Status self(String number) {
			return selfAssessed.get(number);
		}

		/** "40/44". */
		public String indicatorRatio() {
			return indicatorsMet + "/" + indicatorsTotal;
		}

	}

	enum Sort {

		MET, NAME, CRITERION

	}

	/** What the title filter asks for. */
	enum TitleFilter {

		/** Đủ điều kiện công nhận. */
		QUALIFIES,
		/** Chưa đủ điều kiện. */
		DOES_NOT_QUALIFY,
		/** Chưa đủ số liệu để kết luận. */
		INCOMPLETE,
		/** Đã được công nhận (holds the set's title). */
		HELD,
		/** Chưa được công nhận. */
		NOT_HELD;

		boolean accepts(Line line) {
			return switch (this) {
				case QUALIFIES -> line.title() == TitleVerdict.Outcome.QUALIFIES;
				case DOES_NOT_QUALIFY -> line.title() == TitleVerdict.Outcome.DOES_NOT_QUALIFY;
				case INCOMPLETE -> line.title() == TitleVerdict.Outcome.INCOMPLETE;
				case HELD -> line.holdsTitle();
				case NOT_HELD -> !line.holdsTitle();
			};
		}

	}

	/** The status filter's value for units without an assessment. */
	static final String NO_ASSESSMENT = "NONE";

	/**
	 * Builds the matrix from the evaluations of every unit within the root (the root
	 * itself is not a row). Most criteria met first unless sorted otherwise; ties go by
	 * name.
	 * @param held the titles each unit holds at the date
	 * @param states the workflow state of each assessment, by assessment id
	 */
	static EvaluationMatrix of(long rootId, SetDefinition set, List<UnitEvaluation> within, Map<Long, Set<String>> held,
			Map<Long, ProgressState> states, MatrixQuery query) {
		// the criteria, or the conditions of a set made only of conditions
		CriterionKind counted = set.active().stream().anyMatch(c -> c.kind() == CriterionKind.CRITERION)
				? CriterionKind.CRITERION : CriterionKind.CONDITION;
		List<Column> columns = set.active()
			.stream()
			.filter(c -> c.kind() == counted)
			.map((CriterionDef c) -> new Column(c.number(), c.name()))
			.toList();
		String sortText = query.sort() == null ? "" : query.sort().strip();
		Sort by;
		String criterion = null;
		if (sortText.startsWith("c:")) {
			by = Sort.CRITERION;
			criterion = sortText.substring(2);
			String number = criterion;
			if (columns.stream().noneMatch(c -> c.number().equals(number))) {
				throw new BusinessRuleException("matrix.filter.invalid", sortText, "matrix.sort");
			}
		}
		else if ("name".equalsIgnoreCase(sortText)) {
			by = Sort.NAME;
		}
		else if (sortText.isEmpty() || "met".equalsIgnoreCase(sortText)) {
			by = Sort.MET;
		}
		else {
			throw new BusinessRuleException("matrix.filter.invalid", sortText, "matrix.sort");
		}
		String dir = query.dir();
		boolean descending = dir == null || dir.isBlank() ? by == Sort.MET : "desc".equalsIgnoreCase(dir);
		TitleFilter titleFilter = blank(query.title()) ? null
				: parse(TitleFilter.class, query.title(), "matrix.filter.title");
		String status = blank(query.status()) ? null : query.status().strip().toUpperCase(Locale.ROOT);
		if (status != null && !status.equals(NO_ASSESSMENT)) {
			parse(AssessmentStatus.class, status, "matrix.filter.status");
		}
		String cls = blank(query.cls()) ? null : query.cls().strip();
		Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
		Comparator<Line> byName = Comparator.comparing(Line::label, collator);
		String sortNumber = criterion;
		Comparator<Line> order = switch (by) {
			case NAME -> byName;
			case MET -> Comparator.comparingInt(Line::met);
			case CRITERION -> Comparator.comparingInt((Line l) -> rank(l.cell(sortNumber)));
		};
		if (descending) {
			order = order.reversed();
		}
		if (by != Sort.NAME) {
			order = order.thenComparing(byName);
		}
		String titleCode = set.title();
		List<Line> rows = within.stream()
			.filter(u -> u.unitId() != rootId)
			.filter(u -> query.below() == null || u.evaluation().summary().met() < query.below())
			.map(u -> line(u, titleCode != null && held.getOrDefault(u.unitId(), Set.of()).contains(titleCode),
					u.assessmentId() == null || !states.containsKey(u.assessmentId()) ? null
							: states.get(u.assessmentId()).status()))
			.filter(l -> cls == null || cls.equals(l.thresholdClass()))
			.filter(l -> titleFilter == null || titleFilter.accepts(l))
			.filter(l -> status == null || (status.equals(NO_ASSESSMENT) ? l.assessmentId() == null
					: l.status() != null && l.status().name().equals(status)))
			.sorted(order)
			.toList();
		Map<String, Integer> totals = new LinkedHashMap<>();
		for (Column column : columns) {
			totals.put(column.number(), (int) rows.stream().filter(r -> r.cell(column.number()) == Status.MET).count());
		}
		return new EvaluationMatrix(rootId, columns, rows, totals, query.below(), by, descending, criterion, query);
	}

	/** Met above undecided above failing, for ordering by a criterion's column. */
	private static int rank(Status status) {
		return status == Status.MET ? 2 : status.failing() ? 0 : 1;
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BusinessRuleException("matrix.filter.invalid", text, field);
		}
	}

	/**
	 * Whether a row has a criterion whose appraised result differs from the unit's own
	 * (the legend of "*"; a template's selection over 8,248 rows exceeds SpEL's limit).
	 */
	public boolean anyAppraised() {
		return rows.stream().anyMatch(r -> !r.selfAssessed().isEmpty());
	}

	/** The sort parameter as links and exports repeat it: "met", "name", "c:16". */
	public String sortParam() {
		return switch (sort) {
			case MET -> "met";
			case NAME -> "name";
			case CRITERION -> "c:" + sortCriterion;
		};
	}

	private static Line line(UnitEvaluation unit, boolean holds, @Nullable AssessmentStatus status) {
		Map<String, Status> cells = new LinkedHashMap<>();
		Map<String, Status> self = new LinkedHashMap<>();
		List<CriterionResult> results = unit.evaluation().summary().ofConditions() ? unit.evaluation().conditions()
				: unit.evaluation().criteria();
		for (CriterionResult result : results) {
			cells.put(result.number(), result.status());
			if (result.appraisedDifferently()) {
				self.put(result.number(), result.selfStatus());
			}
		}
		var summary = unit.evaluation().summary();
		return new Line(unit.unitId(), unit.label(), unit.assessmentId(), summary.notation(), summary.met(),
				summary.total(), cells, unit.evaluation().thresholdClass(), unit.evaluation().title().outcome(), holds,
				status, self, summary.indicatorsMet(), summary.indicatorsTotal());
	}

}
