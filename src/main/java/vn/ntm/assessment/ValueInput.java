package vn.ntm.assessment;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A value entered for an indicator: exactly one of a number ({@code 87.5}), a count over
 * a count ({@code numerator} of {@code denominator} households), a yes/no ({@code flag}),
 * or an answer ({@code choice}).
 */
public record ValueInput(@Nullable BigDecimal number, @Nullable Long numerator, @Nullable Long denominator,
		@Nullable Boolean flag, @Nullable String choice, @Nullable String note, @Nullable String source) {

	public static ValueInput number(BigDecimal number) {
		return new ValueInput(number, null, null, null, null, null, null);
	}

	public static ValueInput count(long numerator, long denominator) {
		return new ValueInput(null, numerator, denominator, null, null, null, null);
	}

	public static ValueInput flag(boolean flag) {
		return new ValueInput(null, null, null, flag, null, null, null);
	}

}
