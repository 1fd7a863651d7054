package vn.ntm.shared;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A period of validity in days, both ends inclusive. A missing start means "not known /
 * since before our records"; a missing end means "still valid".
 */
public record Period(@Nullable LocalDate from, @Nullable LocalDate to) {

	public static final Period ALWAYS = new Period(null, null);

	public Period {
		if (from != null && to != null && to.isBefore(from)) {
			throw new BusinessRuleException("error.period.reversed", VnFormat.date(from), VnFormat.date(to));
		}
	}

	public static Period from(@Nullable LocalDate from) {
		return new Period(from, null);
	}

	public boolean contains(LocalDate date) {
		return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
	}

	public boolean overlaps(Period other) {
		boolean startsBeforeOtherEnds = from == null || other.to == null || !from.isAfter(other.to);
		boolean endsAfterOtherStarts = to == null || other.from == null || !to.isBefore(other.from);
		return startsBeforeOtherEnds && endsAfterOtherStarts;
	}

	public boolean isOpen() {
		return to == null;
	}

	/** This period cut to end the day before {@code date}. */
	public Period endingBefore(LocalDate date) {
		return new Period(from, date.minusDays(1));
	}

}
