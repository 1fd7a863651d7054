package vn.ntm.shared;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An exact amount of money in đồng: a {@link BigDecimal} end to end, never a floating
 * point number. Amounts are read and shown Vietnamese-style in a {@link MoneyUnit}:
 * {@code 1.307,608 tỷ đồng}, {@code 8.321,7 triệu đồng} (a dot groups thousands, a comma
 * marks decimals). Two amounts are equal when they are the same number of đồng, whatever
 * their scale.
 */
public record Money(BigDecimal dong) implements Comparable<Money> {

	public static final Money ZERO = new Money(BigDecimal.ZERO);

	/** "1.307,608" or "8.321,7" or "240": dot-grouped digits, optional comma decimals. */
	private static final Pattern VIETNAMESE = Pattern.compile("-?\\d{1,3}(\\.\\d{3})*(,\\d+)?|-?\\d+(,\\d+)?");

	public Money {
		BigDecimal stripped = dong.stripTrailingZeros();
		dong = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	public static Money ofDong(long dong) {
		return new Money(BigDecimal.valueOf(dong));
	}

	public static Money of(BigDecimal amount, MoneyUnit unit) {
		return new Money(amount.multiply(unit.factor()));
	}

	/** An amount written Vietnamese-style in the unit: {@code of("282,776", TY)}. */
	public static Money of(String vietnamese, MoneyUnit unit) {
		return of(
				parseNumber(vietnamese).orElseThrow(() -> new IllegalArgumentException("not a number: " + vietnamese)),
				unit);
	}

	/**
	 * Reads "1.307,608 tỷ đồng", "8.321,7 tr.đồng", "240 triệu đồng" or a number of đồng
	 * ("1.500.000"); empty when the text is not such an amount.
	 */
	public static Optional<Money> parse(String text) {
		String cleaned = VnText.clean(text);
		int split = 0;
		while (split < cleaned.length() && "-0123456789.,".indexOf(cleaned.charAt(split)) >= 0) {
			split++;
		}
		Optional<BigDecimal> number = parseNumber(cleaned.substring(0, split));
		if (number.isEmpty()) {
			return Optional.empty();
		}
		String rest = cleaned.substring(split).trim();
		if (rest.isEmpty()) {
			return Optional.of(new Money(number.get()));
		}
		return MoneyUnit.parse(rest).map(unit -> of(number.get(), unit));
	}

	/** A number written Vietnamese-style: "1.307,608" → 1307.608. */
	public static Optional<BigDecimal> parseNumber(String text) {
		String trimmed = text.trim();
		if (!VIETNAMESE.matcher(trimmed).matches()) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(trimmed.replace(".", "").replace(',', '.')));
	}

	public Money plus(Money other) {
		return new Money(dong.add(other.dong));
	}

	public Money minus(Money other) {
		return new Money(dong.subtract(other.dong));
	}

	public Money negate() {
		return new Money(dong.negate());
	}

	public boolean isZero() {
		return dong.signum() == 0;
	}

	public boolean isPositive() {
		return dong.signum() > 0;
	}

	public boolean isNegative() {
		return dong.signum() < 0;
	}

	public boolean exceeds(Money other) {
		return compareTo(other) > 0;
	}

	public Money max(Money other) {
		return compareTo(other) >= 0 ? this : other;
	}

	public Money min(Money other) {
		return compareTo(other) <= 0 ? this : other;
	}

	/** The amount in {@code unit}, exact. */
	public BigDecimal in(MoneyUnit unit) {
		BigDecimal value = dong.divide(unit.factor());
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	/**
	 * The figure in {@code unit} without the unit, exact (every decimal the amount has):
	 * {@code 1.307,608}.
	 */
	public String figure(MoneyUnit unit) {
		BigDecimal value = in(unit);
		return VnFormat.number(value, Math.max(0, value.scale()));
	}

	/** "1.307,608 tỷ đồng". */
	public String format(MoneyUnit unit) {
		return figure(unit) + " " + unit.label();
	}

	public String format(MoneyUnit unit, Locale locale) {
		return figure(unit) + " " + unit.label(locale);
	}

	/**
	 * The largest unit in which the amount is at least one: tỷ from 1 tỷ, triệu from 1
	 * triệu, else đồng.
	 */
	public MoneyUnit naturalUnit() {
		BigDecimal abs = dong.abs();
		if (abs.compareTo(MoneyUnit.TY.factor()) >= 0) {
			return MoneyUnit.TY;
		}
		if (abs.compareTo(MoneyUnit.TRIEU.factor()) >= 0) {
			return MoneyUnit.TRIEU;
		}
		return MoneyUnit.DONG;
	}

	@Override
	public int compareTo(Money other) {
		return dong.compareTo(other.dong);
	}

	@Override
	public String toString() {
		return format(naturalUnit());
	}

}
