package vn.ntm.targets;

import org.jspecify.annotations.Nullable;

/**
 * A target number of criteria as entered: the unit, the title whose set is counted, the
 * year, the count and where it comes from; {@code expectedVersion} is the version read
 * when changing one (none for a new one).
 */
public record RoadmapCriteriaForm(@Nullable Long unitId, @Nullable String titleCode, @Nullable Integer year,
		@Nullable Integer criteriaCount, @Nullable Long planId, @Nullable String source, @Nullable String note,
		@Nullable Integer expectedVersion) {
}
