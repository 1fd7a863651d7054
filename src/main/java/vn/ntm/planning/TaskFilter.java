package vn.ntm.planning;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * Which tasks of a plan to show: by lead (any part of the person, position or agency,
 * without diacritics), criterion, month the task's time touches, status; {@code null}
 * means any.
 */
public record TaskFilter(@Nullable String lead, @Nullable String criterion, @Nullable YearMonth month,
		@Nullable TaskStatus status) {

	public static TaskFilter all() {
		return new TaskFilter(null, null, null, null);
	}

}
