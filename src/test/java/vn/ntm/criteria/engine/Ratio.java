package vn.ntm.criteria.engine;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The tests' own exact rational number (numerator over a positive denominator, not
 * necessarily reduced), so that the oracles compare by cross-multiplying integers instead
 * of trusting the arithmetic under test.
 */
record Ratio(BigInteger num, BigInteger den) implements Comparable<Ratio> {

	static final Ratio ZERO = of(0, 1);

	Ratio {
		if (den.signum() <= 0) {
			throw new IllegalArgumentException("positive denominator: " + num + "/" + den);
		}
	}

	static Ratio of(long num, long den) {
		return new Ratio(BigInteger.valueOf(num), BigInteger.valueOf(den));
	}

	static Ratio of(BigDecimal decimal) {
		return decimal.scale() <= 0 ? new Ratio(decimal.toBigIntegerExact(), BigInteger.ONE)
				: new Ratio(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
	}

	/** "80", "16.38", "-2", "200/3", "6/4" — parsed here without the engine's help. */
	static Ratio parse(String text) {
		int slash = text.indexOf('/');
		if (slash < 0) {
			return of(new BigDecimal(text.strip()));
		}
		return of(new BigDecimal(text.substring(0, slash).strip()))
			.dividedBy(of(new BigDecimal(text.substring(slash + 1).strip())));
	}

	/** A count over a count as a percentage: 100·part/whole. */
	static Ratio percent(long part, long whole) {
		return of(100 * part, whole);
	}

	static Ratio of(BigFraction fraction) {
		return new Ratio(fraction.getNumerator(), fraction.getDenominator());
	}

	Ratio plus(Ratio other) {
		return new Ratio(num.multiply(other.den).add(other.num.multiply(den)), den.multiply(other.den));
	}

	Ratio minus(Ratio other) {
		return plus(new Ratio(other.num.negate(), other.den));
	}

	Ratio times(Ratio other) {
		return new Ratio(num.multiply(other.num), den.multiply(other.den));
	}

	Ratio dividedBy(Ratio other) {
		if (other.num.signum() == 0) {
			throw new ArithmeticException("division by zero");
		}
		BigInteger n = num.multiply(other.den);
		BigInteger d = den.multiply(other.num);
		return d.signum() < 0 ? new Ratio(n.negate(), d.negate()) : new Ratio(n, d);
	}

	Ratio abs() {
		return new Ratio(num.abs(), den);
	}

	int signum() {
		return num.signum();
	}

	BigFraction fraction() {
		return BigFraction.of(num, den);
	}

	@Override
	public int compareTo(Ratio other) {
		return num.multiply(other.den).compareTo(other.num.multiply(den));
	}

	boolean sameValue(Ratio other) {
		return compareTo(other) == 0;
	}

	@Override
	public String toString() {
		return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
	}

}
