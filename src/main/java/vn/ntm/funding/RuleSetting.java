package vn.ntm.funding;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A rule as it applies to one province and year: on or off, its day (month, day), its
 * percentage, its number of years or its amount in đồng.
 */
public record RuleSetting(FundingRule rule, boolean enabled, @Nullable Integer month, @Nullable Integer day,
		@Nullable BigDecimal percent, @Nullable Integer years, @Nullable BigDecimal amount) {

	/**
	 * The rule's day in {@code year}; the last day of the month when the day is beyond.
	 */
	public LocalDate dateIn(int year) {
		if (month == null || day == null) {
			throw new IllegalStateException("rule " + rule + " has no date");
		}
		java.time.YearMonth ym = java.time.YearMonth.of(year, month);
		return ym.atDay(Math.min(day, ym.lengthOfMonth()));
	}

}
