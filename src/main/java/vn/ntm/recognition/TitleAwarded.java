package vn.ntm.recognition;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A unit was recognised with a title (published in the recording's transaction). */
public record TitleAwarded(long awardId, long unitId, String titleCode, int year, LocalDate heldFrom,
		@Nullable String decisionNumber) {
}
