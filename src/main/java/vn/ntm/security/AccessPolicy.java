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
	 */
	boolean canActOn(long unitId, Permission permission);

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
