package vn.ntm.criteria.engine;

import java.math.BigInteger;

import org.apache.commons.numbers.fraction.BigFraction;
import org.jspecify.annotations.Nullable;

/**
 * A value entered for, or computed for, an indicator.
 */
public sealed interface Value permits Value.Number, Value.Fraction, Value.Flag, Value.Choice, Value.Verdict {

	/**
	 * The value as a number for comparisons: a count over a count as its percentage, a
	 * flag as 1 or 0; none for a named answer.
	 */
	@Nullable BigFraction numeric();

	/** The value as people read it: "90,30% (1.276/1.413)", "16,38", "Có". */
	String display();

	/** A number: a percentage, an amount, a level, a count, points. */
	record Number(BigFraction value) implements Value {

		@Override
		public BigFraction numeric() {
			return value;
		}

		@Override
		public String display() {
			return Numbers.display(value);
		}

	}

	/** A count over a count (1.276 of 1.413 households): a percentage known exactly. */
	record Fraction(BigInteger numerator, BigInteger denominator) implements Value {

		public Fraction {
			if (denominator.signum() <= 0 || numerator.signum() < 0) {
				throw new IllegalArgumentException("a count over a positive count");
			}
		}

		public static Fraction of(long numerator, long denominator) {
			return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
		}

		@Override
		public BigFraction numeric() {
			return Numbers.percent(numerator, denominator);
		}

		@Override
		public String display() {
			return Numbers.display(numeric()) + "% (" + vn.ntm.shared.VnFormat.number(numerator) + "/"
					+ vn.ntm.shared.VnFormat.number(denominator) + ")";
		}

	}

	/** Yes or no (có / không, đạt / không đạt). */
	record Flag(boolean value) implements Value {

		@Override
		public BigFraction numeric() {
			return value ? BigFraction.ONE : BigFraction.ZERO;
		}

		@Override
		public String display() {
			return value ? "Có" : "Không";
		}

	}

	/** One of a set of named answers. */
	record Choice(String value) implements Value {

		@Override
		public @Nullable BigFraction numeric() {
			return null;
		}

		@Override
		public String display() {
			return value;
		}

	}

	/**
	 * The indicator stated met or not met without its figure ("đạt / không đạt", as
	 * progress reports often name only the codes of the indicators not yet met), with the
	 * reason given. It decides the indicator whatever its requirement; it is no number.
	 */
	record Verdict(boolean met, @Nullable String reason) implements Value {

		@Override
		public @Nullable BigFraction numeric() {
			return null;
		}

		@Override
		public String display() {
			return met ? "Đạt" : "Không đạt";
		}

	}

}
