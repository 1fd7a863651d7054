package vn.ntm.targets;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Plans that name different years for the same unit and title (a city's plan and its
 * province's): each target as its plan states it, earliest year first.
 */
public record RoadmapConflict(long unitId, String unitName, String titleCode, String titleName,
		List<RoadmapTarget> targets) {

	public RoadmapConflict {
		targets = List.copyOf(targets);
	}

	/** "Xã Tam Thanh: NTM kiểu mẫu năm 2024 theo …; năm 2025 theo …". */
	public String describe() {
		return unitName + ": " + RoadmapRule.shortName(titleCode, titleName) + " "
				+ targets.stream()
					.map(t -> "năm " + t.year() + (t.origin().isEmpty() ? "" : " theo " + t.origin()))
					.collect(Collectors.joining("; "));
	}

}
