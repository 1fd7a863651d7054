package vn.ntm.criteria.engine;

import java.math.BigInteger;
import java.util.Optional;
import java.util.Random;

import org.apache.commons.numbers.fraction.BigFraction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.criteria.engine.EngineFixtures.between;
import static vn.ntm.criteria.engine.EngineFixtures.chance;
import static vn.ntm.criteria.engine.EngineFixtures.oneOf;

/**
 * {@link Numbers#parse} reads the catalog's notation exactly and {@link Numbers#toText}
 * writes every value back in a form that reads as the same value.
 */
class NumbersPropertiesTests {

	private static final BigInteger MILLION = BigInteger.TEN.pow(6);

	static BigFraction fraction(Random random) {
		long numerator = between(random, -1_000_000_000_000L, 1_000_000_000_000L);
		long denominator = switch (random.nextInt(5)) {
			case 0 -> 1;
			case 1 -> BigInteger.TEN.pow(between(random, 1, 9)).longValueExact();
			case 2 ->
				(1L << between(random, 0, 12)) * BigInteger.valueOf(5).pow(between(random, 0, 8)).longValueExact();
			case 3 -> oneOf(random, 3L, 7L, 9L, 11L, 300L, 1413L);
			default -> between(random, 1L, 1_000_000L);
		};
		return BigFraction.of(numerator, denominator);
	}

	@Test
	void textOfAValueParsesBackToTheSameValue() {
		Properties.forAll(8_001L, 5_000, NumbersPropertiesTests::fraction, value -> {
			String text = Numbers.toText(value);
			assertThat(Numbers.parse(text)).contains(value);
			// a decimal when it has at most 6 places, else numerator/denominator
			boolean fewPlaces = MILLION.mod(value.getDenominator()).signum() == 0;
			if (fewPlaces) {
				assertThat(text).matches("-?\\d+(\\.\\d{0,5}[1-9])?");
			}
			else {
				assertThat(text).isEqualTo(value.getNumerator() + "/" + value.getDenominator());
			}
		});
	}

	/**
	 * "[-]digits[.digits][ / digits[.digits]]" with spaces here and there, and the value
	 * the test computes from the same digits.
	 */
	record Written(String text, @Nullable Ratio value) {
	}

	static Written written(Random random) {
		boolean negative = chance(random, 0.2);
		String whole = digits(random, between(random, 1, 8));
		String places = chance(random, 0.5) ? digits(random, between(random, 1, 6)) : null;
		Ratio value = decimal(whole, places);
		StringBuilder text = new StringBuilder(spaces(random)).append(negative ? "-" : "")
			.append(whole)
			.append(places == null ? "" : "." + places);
		if (negative) {
			value = new Ratio(value.num().negate(), value.den());
		}
		if (chance(random, 0.4)) {
			String divisorWhole = chance(random, 0.1) ? "0" : digits(random, between(random, 1, 4));
			String divisorPlaces = chance(random, 0.3) ? digits(random, between(random, 1, 3)) : null;
			Ratio divisor = decimal(divisorWhole, divisorPlaces);
			text.append(spaces(random))
				.append('/')
				.append(spaces(random))
				.append(divisorWhole)
				.append(divisorPlaces == null ? "" : "." + divisorPlaces);
			value = divisor.signum() == 0 ? null : value.dividedBy(divisor);
		}
		return new Written(text.append(spaces(random)).toString(), value);
	}

	private static String digits(Random random, int count) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append((char) ('0' + random.nextInt(10)));
		}
		return digits.toString();
	}

	private static String spaces(Random random) {
		return chance(random, 0.8) ? "" : oneOf(random, " ", "  ", "\t");
	}

	/** whole.places from its digits: (whole·10^k + places) / 10^k. */
	private static Ratio decimal(String whole, @Nullable String places) {
		String p = places == null ? "" : places;
		BigInteger scale = BigInteger.TEN.pow(p.length());
		BigInteger numerator = new BigInteger(whole).multiply(scale)
			.add(p.isEmpty() ? BigInteger.ZERO : new BigInteger(p));
		return new Ratio(numerator, scale);
	}

	@Test
	void parseReadsTheNotationExactly() {
		Properties.forAll(8_002L, 5_000, NumbersPropertiesTests::written, w -> {
			Optional<BigFraction> parsed = Numbers.parse(w.text());
			if (w.value() == null) {
				assertThat(parsed).as("division by zero").isEmpty();
				return;
			}
			assertThat(parsed).isPresent();
			assertThat(Ratio.of(parsed.get()).sameValue(w.value())).as("%s = %s", parsed.get(), w.value()).isTrue();
			// and what toText writes reads back the same
			assertThat(Numbers.parse(Numbers.toText(parsed.get()))).contains(parsed.get());
		});
	}

	@ParameterizedTest(name = "\"{0}\" → {1}")
	@CsvSource(delimiter = ';',
			value = { "200/3; 200/3", "80; 80", "16.38; 16.38", "-2; -2", "0.50; 0.5", " 7 / 2 ; 3.5", "1/8; 0.125",
					"1/3; 1/3", "100/3; 100/3", "1.5/0.5; 3", "00012; 12", "1/1000000; 0.000001",
					"1/10000000; 1/10000000", "-4/6; -2/3", "123456789.123456; 123456789.123456" })
	void parseAndTextExamples(String text, String canonical) {
		BigFraction value = Numbers.parse(text).orElseThrow();
		assertThat(Numbers.toText(value)).isEqualTo(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "abc", "1,5", "1e5", ".5", "5.", "--1", "1/-3", "1/0", "1/0.00", "1/", "/3",
			"2/3/4", "+1", "½", "1 2" })
	void parseRefusesWhatIsNotTheNotation(String text) {
		assertThat(Numbers.parse(text)).isEmpty();
	}

}
