package vn.ntm.planning;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A report a unit owes to another.
 *
 * @param recipient to whom, as written ("UBND thành phố")
 * @param schedule when, as a deadline ("định kỳ hằng tháng", "ngày 22 hằng tháng")
 */
public record DutyForm(long unitId, @Nullable Long recipientUnitId, String recipient, String title, String schedule,
		LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable Long planId) {
}
