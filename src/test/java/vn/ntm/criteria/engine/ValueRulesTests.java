package vn.ntm.criteria.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.numbers.fraction.BigFraction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.ntm.shared.VnFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.criteria.engine.EngineFixtures.between;

/**
 * One owner for a valid value: {@link ValueRules} decides for the entry page, the API and
 * the Excel upload alike — percentages 0–100 unless the catalog allows more, numerators
 * at most their denominators, whole counts, no negative amounts, no control characters,
 * bounded texts, sane dates — and reads numbers written the Vietnamese way with one
 * parser. Properties run over seeded random cases ({@link Properties}).
 */
class ValueRulesTests {

	private static final IndicatorDef PERCENT = indicator(ValueType.PERCENT, null);

	private static final IndicatorDef COUNT = indicator(ValueType.COUNT, null);

	private static final IndicatorDef AMOUNT = indicator(ValueType.AMOUNT, null);

	private static IndicatorDef indicator(ValueType type, @Nullable BigFraction maxValue) {
		return new IndicatorDef("3.1", "Chỉ tiêu", type, null, false, IndicatorSource.ENTERED, Map.of(), null,
				List.of(), maxValue);
	}

	private static ValueRules.Candidate number(String number) {
		return new ValueRules.Candidate(new BigDecimal(number), null, null, null, null, null, null, null);
	}

	private static ValueRules.Candidate fraction(long numerator, long denominator) {
		return new ValueRules.Candidate(null, BigInteger.valueOf(numerator), BigInteger.valueOf(denominator), null,
				null, null, null, null);
	}

	private static Optional<String> refusal(IndicatorDef indicator, ValueRules.Candidate value) {
		return ValueRules.check(indicator, value).map(r -> r.field() + " " + r.key());
	}

	@Test
	void shouldRefuseWhatTheExcelUploadRefused() {
		assertThat(refusal(PERCENT, number("150"))).contains("VALUE engine.value.percentRange");
		assertThat(refusal(PERCENT, number("-20"))).contains("VALUE engine.value.percentRange");
		assertThat(refusal(AMOUNT, number("-20"))).contains("VALUE engine.value.negative");
		assertThat(refusal(PERCENT, fraction(15, 10))).contains("NUMERATOR engine.value.numeratorOverDenominator");
		assertThat(refusal(PERCENT, fraction(1, 0))).contains("DENOMINATOR engine.value.denominatorZero");
		assertThat(refusal(PERCENT, fraction(-1, 10))).contains("NUMERATOR engine.value.negative");
		assertThat(refusal(COUNT, number("2.5"))).contains("VALUE engine.value.whole");
		assertThat(refusal(PERCENT, number("87.5"))).isEmpty();
		assertThat(refusal(PERCENT, fraction(1276, 1413))).isEmpty();
		assertThat(refusal(COUNT, number("12"))).isEmpty();
		// unless the catalog allows more (a growth, a ratio to a reference)
		assertThat(refusal(indicator(ValueType.PERCENT, BigFraction.of(200)), number("150"))).isEmpty();
		assertThat(refusal(indicator(ValueType.PERCENT, BigFraction.of(200)), number("250")))
			.contains("VALUE engine.value.percentRange");
	}

	@Test
	void shouldRefuseControlCharactersAndLongTextsNamingTheField() {
		ValueRules.Candidate nul = new ValueRules.Candidate(new BigDecimal("80"), null, null, null, null, null,
				"ghi\u0000chú", null);
		assertThat(refusal(PERCENT, nul)).contains("NOTE engine.value.control");
		ValueRules.Candidate escape = new ValueRules.Candidate(new BigDecimal("80"), null, null, null, null, null, null,
				"nguồn\u001b[31m");
		assertThat(refusal(PERCENT, escape)).contains("SOURCE engine.value.control");
		ValueRules.Candidate lines = new ValueRules.Candidate(new BigDecimal("80"), null, null, null, null, null,
				"dòng 1\ndòng 2", null);
		assertThat(refusal(PERCENT, lines)).isEmpty();
		ValueRules.Candidate longSource = new ValueRules.Candidate(new BigDecimal("80"), null, null, null, null, null,
				null, "x".repeat(100_000));
		assertThat(ValueRules.check(PERCENT, longSource)).hasValueSatisfying(r -> {
			assertThat(r.field()).isEqualTo(ValueRules.Field.SOURCE);
			assertThat(r.key()).isEqualTo("engine.value.tooLong");
			assertThat(r.arguments("3.1")).containsExactly("3.1", "engine.value.field.SOURCE", 100_000, 500);
		});
	}

	@Test
	void shouldAskAReasonForAnIndicatorStatedWithoutItsFigure() {
		ValueRules.Candidate bare = new ValueRules.Candidate(null, null, null, null, null, false, null, null);
		assertThat(refusal(PERCENT, bare)).contains("NOTE engine.value.verdictReason");
		ValueRules.Candidate reasoned = new ValueRules.Candidate(null, null, null, null, null, false,
				"Báo cáo tiến độ nêu chưa đạt", null);
		assertThat(refusal(PERCENT, reasoned)).isEmpty();
		assertThat(ValueRules.value(reasoned)).isEqualTo(new Value.Verdict(false, "Báo cáo tiến độ nêu chưa đạt"));
		ValueRules.Candidate both = new ValueRules.Candidate(new BigDecimal("80"), null, null, null, null, true,
				"lý do", null);
		assertThat(refusal(PERCENT, both)).contains("VALUE engine.value.oneKind");
	}

	@Test
	void shouldKeepDatesInASaneRange() {
		assertThat(ValueRules.saneDate(LocalDate.of(1, 1, 1))).isFalse();
		assertThat(ValueRules.saneDate(LocalDate.of(9999, 12, 31))).isFalse();
		assertThat(ValueRules.saneDate(LocalDate.of(2023, 12, 31))).isTrue();
		assertThat(ValueRules.saneDate(null)).isTrue();
	}

	@Test
	void shouldReadNumbersAsPeopleTypeThemInVietnam() {
		assertThat(ValueRules.parseNumber("1.307,608")).contains(new BigDecimal("1307.608"));
		assertThat(ValueRules.parseNumber("8321,7")).contains(new BigDecimal("8321.7"));
		assertThat(ValueRules.parseNumber("10.599")).contains(new BigDecimal("10599"));
		assertThat(ValueRules.parseNumber("1.234.567")).contains(new BigDecimal("1234567"));
		assertThat(ValueRules.parseNumber("16.38")).contains(new BigDecimal("16.38"));
		assertThat(ValueRules.parseNumber(" -2 ")).contains(new BigDecimal("-2"));
		assertThat(ValueRules.parseNumber("1 276,5")).contains(new BigDecimal("1276.5"));
	}

	/** Written the English way or not numbers at all: refused, never guessed. */
	@ParameterizedTest
	@ValueSource(strings = { "1,234,567", "1,234.5", "12.34.5", "87,", "abc", "", "12 m2", "85%", "1e5", "--2" })
	void shouldRefuseWhatIsNoVietnameseNumber(String text) {
		assertThat(ValueRules.parseNumber(text)).isEmpty();
	}

	@Test
	void shouldReadBackEveryNumberAsVietnameseWriteIt() {
		Properties.forAll(20260110L, 2_000, random -> {
			long whole = between(random, -10_000_000_000L, 10_000_000_000L);
			int scale = between(random, 0, 6);
			return BigDecimal.valueOf(whole, scale);
		}, number -> {
			String written = VnFormat.number(number, 12);
			assertThat(ValueRules.parseNumber(written)).as(written)
				.hasValueSatisfying(read -> assertThat(read).isEqualByComparingTo(number));
		});
	}

	@Test
	void shouldAcceptAShareExactlyWhenItsNumeratorIsAtMostItsDenominator() {
		Properties.forAll(20260111L, 2_000, random -> {
			long denominator = between(random, 0, 5_000);
			long numerator = between(random, -5, 5_100);
			return new long[] { numerator, denominator };
		}, pair -> {
			Optional<ValueRules.Refusal> refusal = ValueRules.check(PERCENT, fraction(pair[0], pair[1]));
			boolean valid = pair[1] > 0 && pair[0] >= 0 && pair[0] <= pair[1];
			assertThat(refusal.isEmpty()).as(pair[0] + "/" + pair[1]).isEqualTo(valid);
		});
	}

	@Test
	void shouldAcceptAPercentageExactlyWithinItsRange() {
		Properties.forAll(20260112L, 2_000, random -> {
			BigDecimal value = BigDecimal.valueOf(between(random, -50_000, 25_000), between(random, 0, 3));
			BigFraction cap = random.nextBoolean() ? null : BigFraction.of(between(random, 101, 300));
			return new Object[] { value, cap };
		}, c -> {
			BigDecimal value = (BigDecimal) c[0];
			BigFraction cap = (BigFraction) c[1];
			IndicatorDef indicator = indicator(ValueType.PERCENT, cap);
			BigDecimal max = cap == null ? BigDecimal.valueOf(100) : cap.bigDecimalValue(10, RoundingMode.UNNECESSARY);
			boolean valid = value.signum() >= 0 && value.compareTo(max) <= 0;
			assertThat(ValueRules.check(indicator, number(value.toPlainString())).isEmpty()).as(value + " ≤ " + max)
				.isEqualTo(valid);
		});
	}

}
