package vn.ntm.recognition;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

import vn.ntm.shared.VnFormat;

/**
 * A count out of a count (households surveyed out of all, satisfied out of surveyed),
 * kept exact; rounded once, only when shown: "85,3%".
 */
public record Ratio(long part, long whole) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** The exact percentage (34 significant digits), empty for a whole of zero. */
	public Optional<BigDecimal> percent() {
		if (whole == 0) {
			return Optional.empty();
		}
		return Optional
			.of(BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL128));
	}

	/** Whether the share is at or above {@code percent} % (exact comparison). */
	public boolean atLeast(BigDecimal percent) {
		return BigDecimal.valueOf(part).multiply(HUNDRED).compareTo(BigDecimal.valueOf(whole).multiply(percent)) >= 0;
	}

	/** "85,3%" rounded half-up once; "—" when the whole is zero. */
	public String format(int digits) {
		if (whole == 0) {
			return "—";
		}
		BigDecimal rounded = BigDecimal.valueOf(part)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(whole), digits, RoundingMode.HALF_UP);
		return VnFormat.fixed(rounded, digits) + "%";
	}

	/** "1.234/1.500 (82,3%)". */
	public String describe() {
		return VnFormat.number(part) + "/" + VnFormat.number(whole) + " (" + format(1) + ")";
	}

}
