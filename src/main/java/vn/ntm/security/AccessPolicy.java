package vn.ntm.security;

import java.util.Optional;

/**
 * The one place that decides what the current user may see and do. Every facade method
 * that reads or changes unit-bound data calls it; pages and API controllers never decide
 * access themselves.
 */
public interface AccessPolicy {

	/** The authenticated user; fails with 401/403 when there is none. */
	CurrentUser current();

	Optional<CurrentUser> currentIfAny();

	/** The units the current user may see. */
	UnitScope scope();

	void require(Permission permission);

	boolean canRead(long unitId);

	/**
	 * Which of the units the user may read: {@link #canRead} for many units at once,
	 * answered together and kept for the request like each answer of {@link #canRead} (a
	 * page asks for the units it links to before it is rendered).
	 */
	default java.util.Set<Long> canReadAll(java.util.Collection<Long> unitIds) {
		java.util.Set<Long> readable = new java.util.HashSet<>();
		unitIds.forEach(id -> {
			if (canRead(id)) {
				readable.add(id);
			}
		});
		return readable;
	}

	/** Fails with {@link AccessRefused} unless the unit is within the user's scope. */
	void requireRead(long unitId);

	/**
	 * Whether the user may edit the unit (correct it, record a change, merge, split or
	 * dissolve it): the permission, the unit placed (now, or on its last day) at or below
	 * one of the user's units, and at or below the role's lowest editable level. Units
	 * the user reads only through history or lineage are not editable. The same rule as
	 * {@link #canCreateUnder}.
	 */
	boolean canEdit(long unitId);

	void requireEdit(long unitId);

	/**
	 * Whether the user may do the work that {@code permission} names for the unit: the
	 * permission, and the unit placed (now, or on its last day) at or below one of the
	 * user's units; administrators anywhere. Unlike {@link #canEdit}, no level limit: a
	 * commune officer enters its own commune's assessment.
	 * <p>
	 * The work on assessments ({@code ASSESSMENT_*}) of a unit that has ended is handed
	 * over: it may also be done by the users where the units it became are placed — after
	 * 1/7/2025 Thành phố Đà Nẵng reviews and approves the 2025 assessment of Xã Tam Thanh
	 * (now Phường Quảng Phú), and the officers of Phường Quảng Phú work on it. Units,
	 * criteria sets and titles are not handed over.
	 */
	boolean canActOn(long unitId, Permission permission);

	/**
	 * Whether the unit is one of the user's own units — or an ended unit that became one
	 * of them (the hand-over: the officers of Phường Quảng Phú are those of the communes
	 * it was formed from). Decides who submits a unit's results and that a unit does not
	 * review or approve itself.
	 */
	boolean isOwnUnit(long unitId);

	/** The check of {@link #canActOn}, failing with {@link AccessRefused}. */
	void requireActOn(long unitId, Permission permission);

	/**
	 * Whether the user may create a unit of {@code childLevel} under {@code parentId} (or
	 * move one there that has not ended): the rule of {@link #canEdit} applied to the
	 * unit as it will be. It has no last day, so it sits under the parent from now on:
	 * the parent must still exist, and be placed at or below one of the user's units.
	 */
	void requireCreateUnder(long parentId, int childLevel);

	/** The check of {@link #requireCreateUnder}, as an answer. */
	boolean canCreateUnder(long parentId, int childLevel);

}
