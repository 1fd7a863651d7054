package vn.ntm.targets;

import java.time.LocalDate;
import java.util.List;

/**
 * The goals of parent units and the registry entries some goals count. Readers of a unit
 * read its goals and their status at any date; those who keep the unit's plans
 * ({@code PLAN_EDIT}) add and change goals and registry entries. Every change is audited;
 * a stale {@code expectedVersion} is refused; each invalid value is refused naming its
 * field, nothing saved.
 */
public interface Goals {

	/** The unit's goals, by due date. */
	List<Goal> goalsOf(long unitId);

	Goal goal(long goalId);

	/** Every goal of the unit evaluated at {@code at}, by due date. */
	List<GoalProgress> progress(long unitId, LocalDate at);

	/** One goal evaluated at {@code at}. */
	GoalProgress progressOf(long goalId, LocalDate at);

	Goal add(long unitId, GoalForm form);

	Goal change(long goalId, GoalForm form);

	/** The registry entries of the unit and the units below it, newest first. */
	List<GoalRegistryEntry> registryBelow(long unitId);

	GoalRegistryEntry addEntry(long unitId, GoalRegistryForm form);

	GoalRegistryEntry changeEntry(long entryId, GoalRegistryForm form);

	/** Whether the current user may add and change the unit's goals and entries. */
	boolean canEdit(long unitId);

}
