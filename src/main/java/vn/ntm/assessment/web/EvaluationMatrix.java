package vn.ntm.assessment.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.CriterionKind;
import vn.ntm.criteria.engine.CriterionResult;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.Status;

/**
 * The assessment matrix of a parent unit, as the documents lay it out: one row per unit
 * below the parent that the set applies to, one column per criterion, the notation ("17
 * (16, 19)") and met/total per row, and per criterion how many of the rows meet it.
 *
 * @param criteria the set's criteria in force, in order (conditions are not columns)
 * @param rows the units shown (after {@code below}), in the order asked for
 * @param totals per criterion number, how many rows meet it
 * @param below when given, only units meeting fewer criteria are shown
 */
record EvaluationMatrix(long rootId, List<Column> criteria, List<Line> rows, Map<String, Integer> totals,
		@Nullable Integer below, Sort sort, boolean descending) {

	/** A criterion column: its number and name (the header's tooltip). */
	record Column(String number, @Nullable String name) {
	}

	/** One unit's row: the status of each criterion by number. */
	record Line(long unitId, String label, @Nullable Long assessmentId, String notation, int met, int total,
			Map<String, Status> cells) {

		/** The status of a criterion, {@link Status#NO_DATA} when the unit has none. */
		public Status cell(String number) {
			return cells.getOrDefault(number, Status.NO_DATA);
		}

	}

	enum Sort {

		MET, NAME;

		static Sort of(@Nullable String text) {
			return "name".equalsIgnoreCase(text) ? NAME : MET;
		}

	}

	/**
	 * Builds the matrix from the evaluations of every unit within the root (the root
	 * itself is not a row). Most criteria met first unless sorted by name; ties go by
	 * name.
	 */
	static EvaluationMatrix of(long rootId, SetDefinition set, List<UnitEvaluation> within, @Nullable Integer below,
			@Nullable String sort, @Nullable String dir) {
		List<Column> columns = set.active()
			.stream()
			.filter(c -> c.kind() == CriterionKind.CRITERION)
			.map((CriterionDef c) -> new Column(c.number(), c.name()))
			.toList();
		Sort by = Sort.of(sort);
		boolean descending = dir == null || dir.isBlank() ? by == Sort.MET : "desc".equalsIgnoreCase(dir);
		Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
		Comparator<Line> byName = Comparator.comparing(Line::label, collator);
		Comparator<Line> order = by == Sort.NAME ? byName : Comparator.comparingInt(Line::met);
		if (descending) {
			order = order.reversed();
		}
		if (by == Sort.MET) {
			order = order.thenComparing(byName);
		}
		List<Line> rows = within.stream()
			.filter(u -> u.unitId() != rootId)
			.filter(u -> below == null || u.evaluation().summary().met() < below)
			.map(EvaluationMatrix::line)
			.sorted(order)
			.toList();
		Map<String, Integer> totals = new LinkedHashMap<>();
		for (Column column : columns) {
			totals.put(column.number(), (int) rows.stream().filter(r -> r.cell(column.number()) == Status.MET).count());
		}
		return new EvaluationMatrix(rootId, columns, rows, totals, below, by, descending);
	}

	private static Line line(UnitEvaluation unit) {
		Map<String, Status> cells = new LinkedHashMap<>();
		for (CriterionResult result : unit.evaluation().criteria()) {
			cells.put(result.number(), result.status());
		}
		return new Line(unit.unitId(), unit.label(), unit.assessmentId(), unit.evaluation().summary().notation(),
				unit.evaluation().summary().met(), unit.evaluation().summary().total(), cells);
	}

}
