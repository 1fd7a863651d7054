package vn.ntm.criteria.engine;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import vn.ntm.orgunit.UnitType;

/**
 * What the engine knows about a lower unit as of the evaluation date.
 *
 * @param classifications scheme → values held at the date
 * @param titles titles held at the date
 * @param criteriaMet set code → criteria met in that set's evaluation for the year, where
 * known
 */
public record ChildFacts(long id, String label, UnitType type, Map<String, Set<String>> classifications,
		Set<String> titles, Map<String, Integer> criteriaMet) {

	public ChildFacts {
		classifications = Map.copyOf(classifications);
		titles = Set.copyOf(titles);
		criteriaMet = Map.copyOf(criteriaMet);
	}

	public @Nullable Integer criteriaMet(String setCode) {
		return criteriaMet.get(setCode);
	}

}
