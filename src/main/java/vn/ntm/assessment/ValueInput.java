package vn.ntm.assessment;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.engine.ValueRules;

/**
 * A value entered for an indicator: exactly one of a number ({@code 87.5}), a count over
 * a count ({@code numerator} of {@code denominator} households), a yes/no ({@code flag}),
 * an answer ({@code choice}), or the indicator stated met or not met without its figure
 * ({@code verdict}, with the reason in {@code note}). Whether it suits its indicator is
 * decided by the engine's {@link ValueRules}, for every way values come in.
 */
public record ValueInput(@Nullable BigDecimal number, @Nullable Long numerator, @Nullable Long denominator,
		@Nullable Boolean flag, @Nullable String choice, @Nullable String note, @Nullable String source,
		@Nullable Boolean verdict) {

	public ValueInput(@Nullable BigDecimal number, @Nullable Long numerator, @Nullable Long denominator,
			@Nullable Boolean flag, @Nullable String choice, @Nullable String note, @Nullable String source) {
		this(number, numerator, denominator, flag, choice, note, source, null);
	}

	public static ValueInput number(BigDecimal number) {
		return new ValueInput(number, null, null, null, null, null, null, null);
	}

	public static ValueInput count(long numerator, long denominator) {
		return new ValueInput(null, numerator, denominator, null, null, null, null, null);
	}

	public static ValueInput flag(boolean flag) {
		return new ValueInput(null, null, null, flag, null, null, null, null);
	}

	/** The indicator stated met or not met without its figure, with the reason. */
	public static ValueInput verdict(boolean met, String reason) {
		return new ValueInput(null, null, null, null, null, reason, null, met);
	}

	/** The value as the engine's rules read it. */
	public ValueRules.Candidate candidate() {
		return new ValueRules.Candidate(number, numerator == null ? null : BigInteger.valueOf(numerator),
				denominator == null ? null : BigInteger.valueOf(denominator), flag, choice, verdict, note, source);
	}

}
