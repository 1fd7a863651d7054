package vn.ntm.recognition;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A recognition dossier in a line: its unit, title and assessment year, its state
 * ({@code DRAFT}, {@code SUBMITTED}, {@code IN_REVIEW}, {@code RETURNED},
 * {@code APPROVED}, {@code WITHDRAWN}), the step it waits at (none when every step is
 * done) with that step's deadline if a plan sets one, and the day the unit submitted it.
 */
public record DossierSummary(long id, long unitId, String titleCode, int year, String state, @Nullable String stepName,
		@Nullable LocalDate stepDue, @Nullable LocalDate submittedOn) {
}
