package vn.ntm.assessment.web;

import java.text.Collator;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.assessment.ProgressState;
import vn.ntm.assessment.ProgressState.CriterionCheck;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.CriterionKind;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;

/**
 * The progress of submissions and appraisals across the units below a parent for a set
 * and year: one row per unit the set applies to, with its status (or "not opened"), since
 * when and for how many days, whom it waits for, the criteria not yet checked and those
 * returned with their reasons; totals per status; longest waiting first.
 *
 * @param rows the units in the state asked for, longest waiting first
 * @param totals units per state (before the filter), in the order of the path
 * @param state the state filter, if any
 * @param all every unit, whatever its state, in the order of the units of the year
 */
record ProgressReport(long rootId, LocalDate today, List<Row> rows, Map<String, Integer> totals, @Nullable String state,
		List<Row> all) {

	/** The state of a unit without an assessment for the set and year. */
	static final String NOT_OPENED = "NONE";

	/** The states in the order of the path. */
	static final List<String> STATES = List.of(NOT_OPENED, "DRAFT", "SUBMITTED", "RETURNED", "REVIEWED", "APPROVED");

	/** Whom an assessment waits for. */
	enum Waiting {

		/** The commune: to open, enter, submit, or correct what was returned. */
		UNIT,
		/** The officers responsible for the criteria not yet checked. */
		CRITERION_OFFICERS,
		/** The level above, for the review (thẩm tra). */
		REVIEW,
		/** The province, for the appraisal (thẩm định). */
		APPRAISAL,
		/** Nobody: approved. */
		DONE

	}

	/**
	 * A unit's row.
	 *
	 * @param state an {@link AssessmentStatus} name or {@link #NOT_OPENED}
	 * @param since when the unit reached the state (none when not opened)
	 * @param days whole days since then
	 * @param unchecked criteria without a check in the current round (while submitted)
	 * @param returned criteria returned by their officers, with the reasons
	 */
	record Row(long unitId, String label, @Nullable Long assessmentId, String state, @Nullable LocalDate since,
			@Nullable Long days, Waiting waiting, List<String> unchecked, List<CriterionCheck> returned,
			@Nullable String lastReturnReason) {

		public String stateKey() {
			return NOT_OPENED.equals(state) ? "matrix.status.NONE" : "assessment.status." + state;
		}

	}

	static ProgressReport of(long rootId, SetDefinition set, List<UnitEvaluation> within,
			Map<Long, ProgressState> states, LocalDate today, @Nullable String filter) {
		String wanted = filter == null || filter.isBlank() ? null : filter.strip().toUpperCase(Locale.ROOT);
		if (wanted != null && !STATES.contains(wanted)) {
			throw new BusinessRuleException("matrix.filter.invalid", filter, "matrix.filter.status");
		}
		List<String> criteria = set.active()
			.stream()
			.filter(c -> c.kind() == CriterionKind.CRITERION)
			.map(CriterionDef::number)
			.toList();
		List<Row> all = new ArrayList<>();
		for (UnitEvaluation unit : within) {
			if (unit.unitId() == rootId) {
				continue;
			}
			ProgressState state = unit.assessmentId() == null ? null : states.get(unit.assessmentId());
			all.add(row(unit, state, criteria, today));
		}
		Map<String, Integer> totals = new LinkedHashMap<>();
		STATES.forEach(s -> totals.put(s, 0));
		all.forEach(r -> totals.merge(r.state(), 1, Integer::sum));
		Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
		List<Row> rows = all.stream()
			.filter(r -> wanted == null || wanted.equals(r.state()))
			.sorted(Comparator.comparing((Row r) -> r.days() == null ? Long.MIN_VALUE : r.days())
				.reversed()
				.thenComparing(Row::label, collator))
			.toList();
		return new ProgressReport(rootId, today, rows, totals, wanted, List.copyOf(all));
	}

	private static Row row(UnitEvaluation unit, @Nullable ProgressState state, List<String> criteria, LocalDate today) {
		if (state == null) {
			return new Row(unit.unitId(), unit.label(), unit.assessmentId(), NOT_OPENED, null, null, Waiting.UNIT,
					List.of(), List.of(), null);
		}
		LocalDate since = state.since().atZone(VnFormat.ZONE).toLocalDate();
		long days = Math.max(0, ChronoUnit.DAYS.between(since, today));
		Set<String> checked = new HashSet<>();
		List<CriterionCheck> returned = new ArrayList<>();
		for (CriterionCheck check : state.checks()) {
			checked.add(check.criterion());
			if (check.returned()) {
				returned.add(check);
			}
		}
		returned.sort(Comparator.comparing(CriterionCheck::criterion, AssessmentApiController.CRITERIA_ORDER));
		List<String> unchecked = List.of();
		Waiting waiting = switch (state.status()) {
			case DRAFT, RETURNED -> Waiting.UNIT;
			case REVIEWED -> Waiting.APPRAISAL;
			case APPROVED -> Waiting.DONE;
			case SUBMITTED -> Waiting.CRITERION_OFFICERS;
		};
		if (state.status() == AssessmentStatus.SUBMITTED) {
			unchecked = criteria.stream().filter(n -> !checked.contains(n)).toList();
			if (unchecked.isEmpty()) {
				waiting = returned.isEmpty() ? Waiting.REVIEW : Waiting.UNIT;
			}
		}
		return new Row(unit.unitId(), unit.label(), unit.assessmentId(), state.status().name(), since, days, waiting,
				unchecked, List.copyOf(returned), state.lastReturnReason());
	}

}
