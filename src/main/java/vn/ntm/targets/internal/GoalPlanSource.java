package vn.ntm.targets.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import vn.ntm.targets.RoadmapTarget;
import vn.ntm.targets.Roadmaps;

/**
 * The one place goals read the roadmaps ({@link Roadmaps}): the units planned to reach a
 * title by a year, for projections.
 */
@Component
class GoalPlanSource {

	/**
	 * A unit planned to reach a title in a year (its earliest year when plans differ).
	 */
	record Planned(long unitId, String unitName, int year) {
	}

	private final Roadmaps roadmaps;

	GoalPlanSource(Roadmaps roadmaps) {
		this.roadmaps = roadmaps;
	}

	/**
	 * The units below the parent planned to reach one of the titles in a year up to
	 * {@code byYear}, each once.
	 */
	Optional<List<Planned>> plannedBelow(long parentId, List<String> titleCodes, int byYear) {
		Map<Long, Planned> planned = new LinkedHashMap<>();
		for (String code : titleCodes) {
			for (RoadmapTarget target : roadmaps.targetsBelow(parentId, code, null)) {
				if (target.year() <= byYear) {
					planned.merge(target.unitId(), new Planned(target.unitId(), target.unitName(), target.year()),
							(a, b) -> a.year() <= b.year() ? a : b);
				}
			}
		}
		return Optional.of(List.copyOf(planned.values()));
	}

}
