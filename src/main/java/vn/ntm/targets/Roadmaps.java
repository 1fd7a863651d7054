package vn.ntm.targets;

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

	/** Whether the caller may enter roadmap targets for the unit. */
	boolean canEdit(long unitId);

}
