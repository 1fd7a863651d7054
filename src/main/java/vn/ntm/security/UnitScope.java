package vn.ntm.security;

import java.util.Set;

/**
 * The units a user may see: everything ({@code unrestricted}, administrators) or the
 * sub-trees of {@code roots} over time, including the units those sub-trees were formed
 * from.
 */
public record UnitScope(boolean unrestricted, Set<Long> roots) {

	public static UnitScope everything() {
		return new UnitScope(true, Set.of());
	}

}
