package vn.ntm.criteria.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.numbers.fraction.BigFraction;
import vn.ntm.shared.VnFormat;

/**
 * Exact numbers for thresholds and values: decimals ("80", "16.38") and fractions
 * ("200/3" for two thirds in percent) are kept as fractions, so that 30 of 100 is exactly
 * 30% and two thirds of the households meet "at least 2/3".
 */
public final class Numbers {

	private static final Pattern FRACTION = Pattern
		.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(\\d+(?:\\.\\d+)?))?\\s*");

	private static final BigFraction HUNDRED = BigFraction.of(100);

	private Numbers() {
	}

	/** Parses "80", "16.38", "-2", "200/3" (file notation, dot as decimal mark). */
	public static Optional<BigFraction> parse(String text) {
		Matcher m = FRACTION.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		BigFraction value = of(new BigDecimal(m.group(1)));
		if (m.group(2) != null) {
			BigFraction divisor = of(new BigDecimal(m.group(2)));
			if (divisor.isZero()) {
				return Optional.empty();
			}
			value = value.divide(divisor);
		}
		return Optional.of(value);
	}

	public static BigFraction of(BigDecimal decimal) {
		BigDecimal stripped = decimal.stripTrailingZeros();
		if (stripped.scale() <= 0) {
			return BigFraction.of(stripped.toBigIntegerExact());
		}
		return BigFraction.of(stripped.unscaledValue(), BigInteger.TEN.pow(stripped.scale()));
	}

	/** The file notation of a value: a decimal when exact with few digits, else "n/d". */
	public static String toText(BigFraction value) {
		try {
			return value.bigDecimalValue(6, RoundingMode.UNNECESSARY).stripTrailingZeros().toPlainString();
		}
		catch (ArithmeticException notExact) {
			return value.getNumerator() + "/" + value.getDenominator();
		}
	}

	/** Vietnamese display with up to two decimals: 16,38; 1.307,61. */
	public static String display(BigFraction value) {
		return VnFormat.number(value.bigDecimalValue(2, RoundingMode.HALF_UP), 2);
	}

	/** {@code part} of {@code whole} in percent, exactly. */
	public static BigFraction percent(BigInteger part, BigInteger whole) {
		return BigFraction.of(part, whole).multiply(HUNDRED);
	}

	public static BigFraction percent(long part, long whole) {
		return percent(BigInteger.valueOf(part), BigInteger.valueOf(whole));
	}

}
