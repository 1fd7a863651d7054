package vn.ntm.assessment;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An assessment's header: what, for whom, when, and who changed it last. */
public record AssessmentView(long id, long unitId, String unitLabel, long setId, String setLabel, String setName,
		int year, LocalDate asOf, @Nullable Integer statedMetCount, String status, @Nullable String source,
		@Nullable String note, int valueCount, int claimCount, int rowVersion, String createdBy,
		@Nullable String updatedBy, @Nullable Instant updatedAt) {
}
