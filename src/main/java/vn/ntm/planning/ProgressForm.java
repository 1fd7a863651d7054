package vn.ntm.planning;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A progress report on a task: as of a day, the share done or the quantity done (or
 * both), and what happened.
 */
public record ProgressForm(@Nullable LocalDate reportedOn, @Nullable Integer percent, @Nullable BigDecimal quantityDone,
		@Nullable String note) {
}
