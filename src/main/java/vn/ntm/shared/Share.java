package vn.ntm.shared;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A part of a whole (disbursed of allocated, a source of a total), kept exact and rounded
 * once, only when shown: {@code 42,0 %}. A share of nothing has no percentage.
 */
public record Share(Money part, Money whole) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public static Share of(Money part, Money whole) {
		return new Share(part, whole);
	}

	/**
	 * The exact-as-possible percentage (34 significant digits), empty for a zero whole.
	 */
	public Optional<BigDecimal> percent() {
		if (whole.isZero()) {
			return Optional.empty();
		}
		return Optional.of(part.dong().multiply(HUNDRED).divide(whole.dong(), MathContext.DECIMAL128));
	}

	/** The percentage rounded half-up to {@code digits} decimals. */
	public Optional<BigDecimal> percent(int digits) {
		if (whole.isZero()) {
			return Optional.empty();
		}
		return Optional.of(part.dong().multiply(HUNDRED).divide(whole.dong(), digits, RoundingMode.HALF_UP));
	}

	/** Whether the part is below {@code percent} % of the whole (exact comparison). */
	public boolean isBelow(BigDecimal percent) {
		return part.dong().multiply(HUNDRED).compareTo(whole.dong().multiply(percent)) < 0;
	}

	/** Whether this share is larger than the other one (exact cross-multiplication). */
	public boolean exceeds(Share other) {
		return part.dong().multiply(other.whole.dong()).compareTo(other.part.dong().multiply(whole.dong())) > 0;
	}

	/** "42,04%" (Vietnamese), rounded half-up once; "—" when the whole is zero. */
	public String format(int digits) {
		return percent(digits).map(p -> VnFormat.fixed(p, digits) + "%").orElse("—");
	}

}
