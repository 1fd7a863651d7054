package vn.ntm.targets.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The one place goals read the roadmaps (the units planned to reach a title by a year),
 * for projections. Empty while no roadmap is kept: nothing projects the goal then.
 */
@Component
class GoalPlanSource {

	/** A unit planned to reach a title in a year. */
	record Planned(long unitId, String unitName, int year) {
	}

	/**
	 * The units below the parent planned to reach one of the titles in a year up to
	 * {@code byYear}; empty when no roadmap is kept at all.
	 */
	Optional<List<Planned>> plannedBelow(long parentId, List<String> titleCodes, int byYear) {
		return Optional.empty();
	}

}
