package vn.ntm.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A progress report as recorded, with the files attached to it. */
public record ProgressView(long id, long taskId, LocalDate reportedOn, @Nullable Integer percent,
		@Nullable BigDecimal quantityDone, @Nullable String note, String reportedBy, Instant reportedAt,
		List<AttachmentView> attachments) {
}
