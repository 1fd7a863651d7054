package vn.ntm.targets;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A goal of a parent unit: its wording, what it measures, its date, whether it is only
 * reported so far (with its source), and its row version.
 */
public record Goal(long id, long unitId, String label, GoalMeasure measure, LocalDate dueOn, boolean reported,
		@Nullable String source, @Nullable String note, int version, String changedBy, Instant changedAt) {
}
