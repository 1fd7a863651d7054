package vn.ntm.criteria.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine knows about the evaluated unit as of the date: its classifications
 * (scheme → values, inherited ones included), the titles it holds, and its lower units
 * (all levels below it that the set's conditions need).
 */
public record UnitFacts(long unitId, String label, Map<String, Set<String>> classifications, Set<String> titles,
		List<ChildFacts> lowerUnits) {

	public UnitFacts {
		classifications = Map.copyOf(classifications);
		titles = Set.copyOf(titles);
		lowerUnits = List.copyOf(lowerUnits);
	}

	public static UnitFacts of(long unitId, String label) {
		return new UnitFacts(unitId, label, Map.of(), Set.of(), List.of());
	}

}
