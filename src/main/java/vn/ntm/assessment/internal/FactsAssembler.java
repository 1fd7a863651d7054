package vn.ntm.assessment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.TitlesHeld;
import vn.ntm.criteria.engine.ChildFacts;
import vn.ntm.criteria.engine.ChildSelector;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.EvaluationInput;
import vn.ntm.criteria.engine.Evaluator;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.IndicatorSource;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.UnitFacts;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;

/**
 * Gathers what the engine needs to know about a unit at a date: its classifications (for
 * thresholds), the titles it holds, and — only when the set counts lower units — the
 * lower units with their classifications, titles and, for "no commune below 15 criteria",
 * their own evaluations for the year.
 */
@Component
class FactsAssembler {

	private final UnitManagement units;

	private final TitlesHeld titles;

	private final CriteriaCatalog catalog;

	private final AssessmentStore store;

	FactsAssembler(UnitManagement units, TitlesHeld titles, CriteriaCatalog catalog, AssessmentStore store) {
		this.units = units;
		this.titles = titles;
		this.catalog = catalog;
		this.store = store;
	}

	UnitFacts facts(UnitRef unit, SetDefinition set, LocalDate asOf, int year) {
		List<ChildSelector> selectors = selectors(set);
		Map<String, SetDefinition> counted = counted(set, asOf);
		Set<String> schemes = schemes(set, selectors);
		counted.values().forEach(c -> schemes.addAll(c.schemesUsed()));
		Map<Long, Map<String, Set<String>>> classes = units.classificationsAt(unit.id(), schemes, asOf,
				!selectors.isEmpty());
		List<UnitRef> lower = List.of();
		if (!selectors.isEmpty()) {
			Set<Integer> levels = new LinkedHashSet<>();
			selectors.forEach(s -> levels.add(s.level()));
			lower = units.descendants(unit.id(), asOf).stream().filter(u -> levels.contains(u.level())).toList();
		}
		List<Long> ids = new ArrayList<>();
		ids.add(unit.id());
		lower.forEach(u -> ids.add(u.id()));
		Map<Long, Set<String>> held = titles.titlesHeld(ids, asOf);
		Map<String, Map<Long, Integer>> met = criteriaMet(counted, lower, classes, held, year);
		List<ChildFacts> children = new ArrayList<>();
		for (UnitRef child : lower) {
			Map<String, Integer> counts = new HashMap<>();
			met.forEach((code, byUnit) -> {
				Integer count = byUnit.get(child.id());
				if (count != null) {
					counts.put(code, count);
				}
			});
			children.add(new ChildFacts(child.id(), child.fullName(), child.type(),
					classes.getOrDefault(child.id(), Map.of()), held.getOrDefault(child.id(), Set.of()), counts));
		}
		return new UnitFacts(unit.id(), unit.fullName(), classes.getOrDefault(unit.id(), Map.of()),
				held.getOrDefault(unit.id(), Set.of()), children);
	}

	/**
	 * The versions in force at the date of the sets that CHILD_MIN_CRITERIA indicators
	 * name.
	 */
	private Map<String, SetDefinition> counted(SetDefinition set, LocalDate asOf) {
		Map<String, SetDefinition> counted = new HashMap<>();
		for (String code : setsCounted(set)) {
			catalog.inForce(code, asOf).ifPresent(v -> counted.put(code, catalog.definition(v.id())));
		}
		return counted;
	}

	/**
	 * For each counted set: the criteria each lower unit meets in its assessment for the
	 * year; units without an assessment are left out (their count is unknown).
	 */
	private Map<String, Map<Long, Integer>> criteriaMet(Map<String, SetDefinition> counted, List<UnitRef> lower,
			Map<Long, Map<String, Set<String>>> classes, Map<Long, Set<String>> held, int year) {
		Map<String, Map<Long, Integer>> met = new HashMap<>();
		counted.forEach((code, definition) -> {
			Map<Long, Integer> byUnit = new HashMap<>();
			met.put(code, byUnit);
			Map<Long, Long> assessments = store.idsFor(definition.id(), year, lower.stream().map(UnitRef::id).toList());
			Map<Long, EvaluationInput> inputs = store.inputs(assessments.values());
			for (UnitRef child : lower) {
				Long assessment = assessments.get(child.id());
				if (assessment != null) {
					UnitFacts facts = new UnitFacts(child.id(), child.fullName(),
							classes.getOrDefault(child.id(), Map.of()), held.getOrDefault(child.id(), Set.of()),
							List.of());
					byUnit.put(child.id(),
							Evaluator.evaluate(definition, facts, inputs.get(assessment)).summary().met());
				}
			}
		});
		return met;
	}

	/** The lower units the set's conditions count. */
	static List<ChildSelector> selectors(SetDefinition set) {
		List<ChildSelector> selectors = new ArrayList<>();
		for (CriterionDef criterion : set.active()) {
			for (IndicatorDef indicator : criterion.indicators()) {
				IndicatorSource source = indicator.source();
				if (source instanceof IndicatorSource.ChildShare share) {
					selectors.add(share.children());
				}
				else if (source instanceof IndicatorSource.ChildCount count) {
					selectors.add(count.children());
				}
				else if (source instanceof IndicatorSource.ChildMinCriteria min) {
					selectors.add(min.children());
				}
			}
		}
		return selectors;
	}

	private static Set<String> setsCounted(SetDefinition set) {
		Set<String> codes = new LinkedHashSet<>();
		for (CriterionDef criterion : set.active()) {
			for (IndicatorDef indicator : criterion.indicators()) {
				if (indicator.source() instanceof IndicatorSource.ChildMinCriteria min) {
					codes.add(min.setCode());
				}
			}
		}
		return codes;
	}

	/**
	 * The classification schemes that matter: the set's thresholds and the lower-unit
	 * filters.
	 */
	static Set<String> schemes(SetDefinition set, List<ChildSelector> selectors) {
		Set<String> schemes = new LinkedHashSet<>(set.schemesUsed());
		selectors.stream().map(ChildSelector::scheme).filter(java.util.Objects::nonNull).forEach(schemes::add);
		return schemes;
	}

}
