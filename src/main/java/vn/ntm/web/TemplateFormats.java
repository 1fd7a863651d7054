package vn.ntm.web;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.VnFormat;

/**
 * Vietnamese formats for templates, null-safe: {@code ${@vn.date(unit.validFrom)}} prints
 * an empty string for an unknown date.
 */
public class TemplateFormats {

	public String number(@Nullable Number value) {
		return value == null ? "" : VnFormat.number(value);
	}

	public String number(@Nullable Number value, int fractionDigits) {
		return value == null ? "" : VnFormat.fixed(value, fractionDigits);
	}

	public String date(@Nullable LocalDate date) {
		return date == null ? "" : VnFormat.date(date);
	}

	/** "01/01/2021 – 31/12/2025", with "…" for an open end. */
	public String period(@Nullable LocalDate from, @Nullable LocalDate to) {
		return (from == null ? "…" : VnFormat.date(from)) + " – " + (to == null ? "…" : VnFormat.date(to));
	}

	public String dateTime(@Nullable Instant instant) {
		return instant == null ? "" : VnFormat.dateTime(instant);
	}

	/** The ISO form used in links ({@code ?at=2025-07-01}). */
	/** Whether the day has passed (a period that ended before today), in Vietnam time. */
	public boolean past(@Nullable LocalDate date) {
		return date != null && date.isBefore(vn.ntm.shared.VnFormat.today());
	}

	public String iso(@Nullable LocalDate date) {
		return date == null ? "" : date.toString();
	}

	/** Whole days from the instant to today (Vietnam time); null for none. */
	public @Nullable Long daysSince(@Nullable Instant instant) {
		if (instant == null) {
			return null;
		}
		LocalDate from = instant.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
		return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(from, vn.ntm.shared.VnFormat.today()));
	}

	/** Whole days from today to the date (negative when it has passed); null for none. */
	public @Nullable Long daysUntil(@Nullable LocalDate date) {
		return date == null ? null : java.time.temporal.ChronoUnit.DAYS.between(vn.ntm.shared.VnFormat.today(), date);
	}

}
