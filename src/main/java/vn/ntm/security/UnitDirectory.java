package vn.ntm.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the security module needs to know about administrative units. Implemented by the
 * unit module.
 */
public interface UnitDirectory {

	boolean exists(long unitId);

	/**
	 * Whether the unit is one of {@code roots} or was, at any time, below one of them —
	 * or is a unit that a unit in those sub-trees was formed from (so that a merged
	 * commune's officers can read the history of the communes it replaced).
	 */
	boolean isWithin(long unitId, Collection<Long> roots);

	/**
	 * The units among {@code unitIds} that {@link #isWithin} accepts, answered together
	 * (a page asks for the dozen units it links to at once).
	 */
	default Set<Long> within(Collection<Long> unitIds, Collection<Long> roots) {
		Set<Long> within = new java.util.HashSet<>();
		for (Long id : unitIds) {
			if (isWithin(id, roots)) {
				within.add(id);
			}
		}
		return within;
	}

	/**
	 * Whether the unit sits, where it is now (or where it was on its last day, if it has
	 * ended), at or below one of {@code roots}, following parents only. Decides who may
	 * change the unit: unlike {@link #isWithin}, neither earlier positions nor lineage
	 * count.
	 */
	boolean isPlacedWithin(long unitId, Collection<Long> roots);

	/**
	 * The roots and every unit that was, at any time, below one of them (following
	 * parents of every version) and every unit they were formed from (following lineage
	 * back, with those units' sub-trees): the units a query of the user's work starts
	 * from, in SQL. A superset of the units the access rules accept, the hand-over to
	 * successors included.
	 */
	Set<Long> everBelow(Collection<Long> roots);

	/**
	 * The units an ended unit became (its successors, and theirs if they ended in turn);
	 * empty for a unit that has not ended. The hand-over of open work follows them.
	 */
	java.util.List<Long> successors(long unitId);

	/**
	 * Whether the unit exists today: it has not ended (or ends today or later). A unit
	 * created or moved under it today sits under it; under an ended unit it would have no
	 * parent.
	 */
	boolean isCurrent(long unitId);

	/**
	 * The unit's administrative level: 0 country, 1 province, 2 district, 3 commune, 4
	 * village.
	 */
	int level(long unitId);

	/**
	 * The unit's full name with its parent, for display, e.g. "Xã Tam Thanh – Thành phố
	 * Tam Kỳ".
	 */
	String label(long unitId);

	/** The unit currently valid with this official code, if any. */
	Optional<Long> findCurrentByCode(String code);

	/**
	 * The unit a code names for someone typing it in a form: the one valid today, else
	 * the only unit that ever held the code ("VN" is the country).
	 */
	Optional<Long> resolveCode(String code);

	/** The unit's current (or last) official code. */
	Optional<String> code(long unitId);

}
