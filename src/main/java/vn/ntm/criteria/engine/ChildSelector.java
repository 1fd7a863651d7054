package vn.ntm.criteria.engine;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import vn.ntm.orgunit.UnitType;

/**
 * Which lower units a condition counts, as of the evaluation date: those at {@code level}
 * (3 communes, 4 villages) below the unit, of the given types (all types of that level
 * when empty), optionally only those classified {@code scheme} = one of {@code values}
 * (e.g. villages in mountain areas).
 */
public record ChildSelector(int level, Set<UnitType> types, @Nullable String scheme, Set<String> values) {

	public ChildSelector {
		types = Set.copyOf(types);
		values = Set.copyOf(values);
		if (level < 1 || level > 4) {
			throw new IllegalArgumentException("level 1–4");
		}
		for (UnitType type : types) {
			if (type.level() != level) {
				throw new IllegalArgumentException(type + " is not of level " + level);
			}
		}
		if (scheme == null && !values.isEmpty()) {
			throw new IllegalArgumentException("values without a scheme");
		}
	}

	public boolean selects(ChildFacts child) {
		if (child.type().level() != level || (!types.isEmpty() && !types.contains(child.type()))) {
			return false;
		}
		if (scheme == null) {
			return true;
		}
		Set<String> held = child.classifications().getOrDefault(scheme, Set.of());
		return values.isEmpty() ? !held.isEmpty() : held.stream().anyMatch(values::contains);
	}

}
