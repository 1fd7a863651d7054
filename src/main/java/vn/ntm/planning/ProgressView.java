package vn.ntm.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A progress report as recorded. */
public record ProgressView(long id, long taskId, LocalDate reportedOn, @Nullable Integer percent,
		@Nullable BigDecimal quantityDone, @Nullable String note, String reportedBy, Instant reportedAt) {
}
