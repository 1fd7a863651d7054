package vn.ntm.targets;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What an officer enters for a roadmap target: the unit, the title, the year and where it
 * comes from (a plan, a source text or both); {@code expectedVersion} is the version read
 * when changing one.
 */
public record RoadmapTargetForm(@Nullable Long unitId, @Nullable String titleCode, @Nullable Integer year,
		@Nullable Long planId, @Nullable String source, @Nullable LocalDate dossierDue, @Nullable String note,
		@Nullable Integer expectedVersion) {
}
