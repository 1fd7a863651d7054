package vn.ntm.assessment.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentTracking;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.assessment.ProgressState;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.TitlesHeld;
import vn.ntm.orgunit.ClassificationScheme;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;

/**
 * Builds the matrix for the page, the .xlsx and the API alike: the evaluations of the
 * units below the parent (one read), the titles they hold (one query) and the status of
 * their assessments (one read) — never a query per row.
 */
@Component
class MatrixSource {

	private final AssessmentManagement assessments;

	private final AssessmentTracking tracking;

	private final CriteriaCatalog catalog;

	private final TitlesHeld titles;

	private final UnitManagement units;

	MatrixSource(AssessmentManagement assessments, AssessmentTracking tracking, CriteriaCatalog catalog,
			TitlesHeld titles, UnitManagement units) {
		this.assessments = assessments;
		this.tracking = tracking;
		this.catalog = catalog;
		this.titles = titles;
		this.units = units;
	}

	EvaluationMatrix build(long rootId, long setId, int year, MatrixQuery query) {
		return build(rootId, setId, year, query, null);
	}

	/**
	 * The matrix, with the units of the year when the caller has read them already (one
	 * recursive query fewer).
	 */
	EvaluationMatrix build(long rootId, long setId, int year, MatrixQuery query, @Nullable List<UnitRef> unitsOfYear) {
		List<UnitEvaluation> within = assessments.evaluateWithin(rootId, setId, year);
		// titles held by each unit on its own last day in the year
		Map<Long, Set<String>> held = new java.util.HashMap<>();
		if (!within.isEmpty()) {
			Set<Long> shown = new java.util.HashSet<>();
			within.forEach(u -> shown.add(u.unitId()));
			Map<LocalDate, List<Long>> byDay = new java.util.LinkedHashMap<>();
			LocalDate last = LocalDate.of(year, 12, 31);
			for (UnitRef unit : unitsOfYear != null ? unitsOfYear : units.unitsOfYear(rootId, year)) {
				if (shown.contains(unit.id())) {
					LocalDate day = unit.validTo() == null || unit.validTo().isAfter(last) ? last : unit.validTo();
					byDay.computeIfAbsent(day, d -> new java.util.ArrayList<>()).add(unit.id());
				}
			}
			byDay.forEach((day, ids) -> held.putAll(titles.titlesHeld(ids, day)));
		}
		Map<Long, ProgressState> states = tracking.states(rootId, year,
				within.stream().map(UnitEvaluation::assessmentId).filter(Objects::nonNull).toList());
		return EvaluationMatrix.of(rootId, catalog.definition(setId), within, held, states, query);
	}

	/**
	 * The scheme whose classes decide the set's thresholds (the region for QĐ 318, the
	 * commune group for QĐ 51/2025), if the set has one.
	 */
	@Nullable ClassificationScheme thresholdScheme(long setId) {
		String code = catalog.definition(setId).thresholdScheme();
		if (code == null) {
			return null;
		}
		return units.schemes().stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
	}

	/**
	 * Published sets for units below this one, as on the "within" page: national sets,
	 * and a province's own sets within that province.
	 */
	List<SetSummary> lowerSets(UnitDetails unit) {
		return catalog.sets()
			.stream()
			.filter(s -> s.isPublished() && s.unitLevel() > unit.version().level())
			.filter(s -> unit.version().level() == 0 || ownedAbove(s, unit))
			.toList();
	}

	private static boolean ownedAbove(SetSummary set, UnitDetails unit) {
		Long owner = set.ownerUnitId();
		return owner == null || owner == unit.id() || unit.ancestors().stream().anyMatch(a -> a.id() == owner);
	}

}
