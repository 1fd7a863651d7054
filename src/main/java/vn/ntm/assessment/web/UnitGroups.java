package vn.ntm.assessment.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.BusinessRuleException;

/**
 * The units of a year below a root, each placed in the unit directly below the root that
 * it lies in: a province of the country; a district of a province before 1/7/2025, or a
 * commune directly under the province after it. The rows of the views that start from
 * aggregates ({@link #aggregates}): the country's 8,248 xã as one table are 44 MB of
 * HTML.
 *
 * <p>
 * The units of the year are {@code UnitManagement.unitsOfYear}'s, each as of its own last
 * day in the year, so a commune that ended on 30/06/2025 counts under the district and
 * province it lay in then, and a new one under the province it lies in now; the units
 * that ended in the year and became the root (Quảng Nam for the Đà Nẵng of 2025) count as
 * the root.
 */
final class UnitGroups {

	/**
	 * Above this many units a view starts from aggregates (one row per unit directly
	 * below the root, then drill down), and a list of units is shown this many at a time:
	 * a province of the country before 2025 has up to ~470 xã, after the reform up to
	 * ~170; the matrix is about 5 KB of HTML per unit, so a page stays under 1.5 MB.
	 */
	static final int DETAIL_LIMIT = 250;

	/** The {@code view} parameter: let the number of units decide. */
	static final String AUTO = "auto";

	/** The {@code view} parameter: one row per unit directly below the root. */
	static final String GROUPS = "groups";

	/** The {@code view} parameter: one row per unit, {@link #DETAIL_LIMIT} a page. */
	static final String UNITS = "units";

	private final long rootId;

	private final Map<Long, UnitRef> byId = new HashMap<>();

	private final Map<Long, Integer> order = new HashMap<>();

	private final Set<Long> tops = new HashSet<>();

	private final Map<Long, UnitRef> groupOf = new HashMap<>();

	private UnitGroups(long rootId, List<UnitRef> ofYear) {
		this.rootId = rootId;
		int rootLevel = ofYear.stream().filter(u -> u.id() == rootId).mapToInt(UnitRef::level).findFirst().orElse(0);
		for (UnitRef unit : ofYear) {
			byId.put(unit.id(), unit);
			order.put(unit.id(), order.size());
			if (unit.id() == rootId || unit.level() <= rootLevel) {
				// the root, and the units that ended in the year and became it
				tops.add(unit.id());
			}
		}
	}

	/**
	 * @param ofYear the units of the year below the root, root first
	 */
	static UnitGroups of(long rootId, List<UnitRef> ofYear) {
		return new UnitGroups(rootId, ofYear);
	}

	long rootId() {
		return rootId;
	}

	/**
	 * The unit directly below the root (or below a unit that became it) in which the unit
	 * lies, the unit itself when it lies directly below the root.
	 */
	UnitRef groupOf(long unitId) {
		UnitRef known = groupOf.get(unitId);
		if (known != null) {
			return known;
		}
		UnitRef unit = byId.get(unitId);
		if (unit == null) {
			throw new IllegalArgumentException("unit " + unitId + " is not a unit of the year");
		}
		UnitRef current = unit;
		for (int depth = 0; depth < 10; depth++) {
			Long parent = current.parentId();
			if (parent == null || tops.contains(parent) || !byId.containsKey(parent)) {
				break;
			}
			current = byId.get(parent);
		}
		groupOf.put(unitId, current);
		return current;
	}

	/** The groups of these units, in the order of the units of the year (level, name). */
	List<UnitRef> groups(Collection<Long> unitIds) {
		Set<UnitRef> groups = new LinkedHashSet<>();
		unitIds.forEach(id -> groups.add(groupOf(id)));
		List<UnitRef> sorted = new ArrayList<>(groups);
		sorted.sort(Comparator.comparingInt((UnitRef u) -> order.getOrDefault(u.id(), Integer.MAX_VALUE)));
		return sorted;
	}

	/**
	 * Whether the view of these units starts from aggregates: asked for ({@code groups}),
	 * or left to the count ({@code auto}, the default) and there are more than
	 * {@link #DETAIL_LIMIT} units lying in fewer groups than units.
	 */
	boolean aggregates(@Nullable String view, Collection<Long> unitIds) {
		String asked = view(view);
		if (asked.equals(UNITS)) {
			return false;
		}
		if (asked.equals(GROUPS)) {
			return !unitIds.isEmpty();
		}
		return unitIds.size() > DETAIL_LIMIT && groups(unitIds).size() < unitIds.size();
	}

	/**
	 * The {@code view} parameter checked: {@code auto}, {@code groups} or {@code units}.
	 */
	static String view(@Nullable String view) {
		String asked = view == null || view.isBlank() ? AUTO : view.strip().toLowerCase(Locale.ROOT);
		if (!asked.equals(AUTO) && !asked.equals(GROUPS) && !asked.equals(UNITS)) {
			throw new BusinessRuleException("matrix.filter.invalid", view, "aggregate.view");
		}
		return asked;
	}

}
