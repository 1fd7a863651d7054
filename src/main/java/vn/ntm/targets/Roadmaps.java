package vn.ntm.targets;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Roadmaps (lộ trình): per unit, the title to reach and its year, as plans set them.
 * Reading needs the unit (or the parent) in the caller's scope, and answers only the
 * units the caller may read; entering needs the permission to plan for the unit. Every
 * change is audited; a stale {@code expectedVersion} is refused (409); a bad value is
 * refused naming its field (422), nothing half-saved.
 */
public interface Roadmaps {

	/**
	 * The targets of the parent and of every unit ever below it that the caller may read,
	 * of the title and year when given, by unit name, title and year.
	 */
	List<RoadmapTarget> targetsBelow(long parentUnitId, @Nullable String titleCode, @Nullable Integer year);

	/** The unit's targets, by year and title. */
	List<RoadmapTarget> targetsOf(long unitId);

	RoadmapTarget target(long targetId);

	RoadmapTarget addTarget(RoadmapTargetForm form);

	RoadmapTarget updateTarget(long targetId, RoadmapTargetForm form);

	void removeTarget(long targetId, int expectedVersion);

	/** The board of the parent: units × years coloured by status at the date. */
	RoadmapBoard board(long parentUnitId, @Nullable String titleCode, LocalDate at);

	/**
	 * Units below the parent for which two plans name different years for the same title.
	 */
	List<RoadmapConflict> conflictsBelow(long parentUnitId, @Nullable String titleCode);

	/** The target numbers of criteria of the parent and the units below it. */
	List<RoadmapCriteriaTarget> criteriaTargetsBelow(long parentUnitId, @Nullable Integer year);

	/**
	 * Records a target number of criteria: a new one (no {@code expectedVersion}) or a
	 * change of the one of the same unit, title, year and plan.
	 */
	RoadmapCriteriaTarget setCriteriaTarget(RoadmapCriteriaForm form);

	void removeCriteriaTarget(long id, int expectedVersion);

	/**
	 * Copies the targets one plan sets (e.g. the province's) for the units below the
	 * parent that the caller plans for into another plan (e.g. the city's); targets the
	 * destination already holds for a unit and title are left as they are. Answers how
	 * many were copied.
	 */
	int copyTargets(long parentUnitId, RoadmapCopy copy);

	/** Whether the caller may enter roadmap targets for the unit. */
	boolean canEdit(long unitId);

}
