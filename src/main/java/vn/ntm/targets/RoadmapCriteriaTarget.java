package vn.ntm.targets;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A unit's target number of criteria of a title's set to meet in a year, as a plan sets
 * it (seed 000, table II: Xã Tam Phú, "tiêu chí xã NTM nâng cao", 18 in 2024).
 */
public record RoadmapCriteriaTarget(long id, long unitId, String unitName, String titleCode, String titleName, int year,
		int criteriaCount, @Nullable Long planId, @Nullable String source, @Nullable String planLabel,
		@Nullable String note, int rowVersion, String changedBy, Instant changedAt) {
}
