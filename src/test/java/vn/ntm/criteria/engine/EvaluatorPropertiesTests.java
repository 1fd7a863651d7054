package vn.ntm.criteria.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.commons.numbers.fraction.BigFraction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ntm.orgunit.UnitType;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.criteria.engine.EngineFixtures.bare;
import static vn.ntm.criteria.engine.EngineFixtures.between;
import static vn.ntm.criteria.engine.EngineFixtures.chance;
import static vn.ntm.criteria.engine.EngineFixtures.compare;
import static vn.ntm.criteria.engine.EngineFixtures.criterion;
import static vn.ntm.criteria.engine.EngineFixtures.described;
import static vn.ntm.criteria.engine.EngineFixtures.entered;
import static vn.ntm.criteria.engine.EngineFixtures.evaluate;
import static vn.ntm.criteria.engine.EngineFixtures.expect;
import static vn.ntm.criteria.engine.EngineFixtures.indicator;
import static vn.ntm.criteria.engine.EngineFixtures.indicatorResult;
import static vn.ntm.criteria.engine.EngineFixtures.number;
import static vn.ntm.criteria.engine.EngineFixtures.oneOf;
import static vn.ntm.criteria.engine.EngineFixtures.only;
import static vn.ntm.criteria.engine.EngineFixtures.set;
import static vn.ntm.criteria.engine.EngineFixtures.subset;

/**
 * Properties of the evaluation engine, each checked against a small oracle written here
 * (exact rationals by cross-multiplication, counts, the rules as the catalog documents
 * them) over generated cases with fixed seeds, plus the boundary examples that matter in
 * the documents (2 of 3 against "200/3", 3 of 10 failing with a critical criterion…).
 * <p>
 * A failure names the seed, the try and the case; {@link Properties#replay} runs that
 * case alone.
 */
class EvaluatorPropertiesTests {

	private static final RevocationRule QD_18 = new RevocationRule(50, 30);

	/**
	 * The smallest step used to probe "just above / just below" independently of scale.
	 */
	private static final Ratio TINY = Ratio.of(1, 1_000_000_000_000L);

	/** The oracle of a comparison: {@code cmp} is the sign of value − required. */
	private static boolean holds(Op op, int cmp) {
		return switch (op) {
			case GE -> cmp >= 0;
			case GT -> cmp > 0;
			case LE -> cmp <= 0;
			case LT -> cmp < 0;
			case EQ -> cmp == 0;
		};
	}

	private static Status metOrNot(boolean met) {
		return met ? Status.MET : Status.NOT_MET;
	}

	private static void count(Map<String, Integer> tally, String what) {
		tally.merge(what, 1, Integer::sum);
	}

	// =====================================================================
	// 1. Threshold comparisons at the boundaries
	// =====================================================================

	/**
	 * @param thresholdText the threshold as a catalog writes it (parsed by the engine)
	 * @param threshold the same, parsed by the test
	 * @param probe how the value was chosen relative to the threshold
	 * @param exact the value as an exact number (a Fraction's percentage)
	 * @param byClass whether the threshold is the unit's class-specific one (a decoy with
	 * the opposite comparison is the general one)
	 */
	record ThresholdCase(Op op, String thresholdText, Ratio threshold, String probe, Value value, Ratio exact,
			boolean byClass) {
	}

	private static final List<String> NAMED_THRESHOLDS = List.of("200/3", "100/3", "2/3", "30", "50", "60", "70", "80",
			"100", "16.38", "0", "90.5");

	static ThresholdCase thresholdCase(Random random) {
		Op op = oneOf(random, Op.values());
		String text;
		Ratio step;
		int kind = random.nextInt(10);
		if (kind < 3) {
			text = oneOf(random, NAMED_THRESHOLDS);
			int slash = text.indexOf('/');
			step = slash >= 0 ? Ratio.of(1, Long.parseLong(text.substring(slash + 1)))
					: Ratio.of(BigDecimal.ONE.movePointLeft(Math.max(0, new BigDecimal(text).scale())));
		}
		else if (kind < 7) {
			int scale = between(random, 0, 3);
			long unscaled = between(random, -50L * pow10(scale), 200L * pow10(scale));
			text = BigDecimal.valueOf(unscaled, scale).toPlainString();
			step = Ratio.of(1, pow10(scale));
		}
		else {
			int q = between(random, 2, 12);
			int p = between(random, 0, 150 * q);
			text = p + "/" + q;
			step = Ratio.of(1, q);
		}
		Ratio t = Ratio.parse(text);
		List<String> probes = new ArrayList<>(
				List.of("t", "t+step", "t-step", "t+tiny", "t-tiny", "t+random*step/2", "random"));
		if (t.signum() >= 0) {
			probes.addAll(List.of("share=t", "share=t", "share>t", "share<t", "share random"));
		}
		String probe = oneOf(random, probes);
		Value value;
		Ratio exact;
		if (probe.startsWith("share")) {
			// t = P/Q percent ⇔ a/b = P/(100·Q): the smallest counts, times k
			BigInteger p = t.num();
			BigInteger q = t.den().multiply(BigInteger.valueOf(100));
			BigInteger g = p.gcd(q);
			long a0 = p.divide(g).longValueExact();
			long b0 = q.divide(g).longValueExact();
			long k = between(random, 1, 7);
			long a = a0 * k;
			long b = b0 * k;
			switch (probe) {
				case "share>t" -> a += 1;
				case "share<t" -> a = a > 0 ? a - 1 : a;
				case "share random" -> {
					b = between(random, 1, 400);
					a = between(random, 0, b + 20);
				}
				default -> {
				}
			}
			value = Value.Fraction.of(a, b);
			exact = Ratio.percent(a, b);
		}
		else {
			exact = switch (probe) {
				case "t" -> t;
				case "t+step" -> t.plus(step);
				case "t-step" -> t.minus(step);
				case "t+tiny" -> t.plus(TINY);
				case "t-tiny" -> t.minus(TINY);
				case "t+random*step/2" -> t.plus(step.times(Ratio.of(between(random, -4, 4), 2)));
				default -> Ratio.of(between(random, -5000, 25000), between(random, 1, 100));
			};
			value = new Value.Number(exact.fraction());
		}
		return new ThresholdCase(op, text, t, probe, value, exact, chance(random, 0.3));
	}

	private static long pow10(int n) {
		return BigInteger.TEN.pow(n).longValueExact();
	}

	/** The requirement whose result is always the opposite (for EQ, another one). */
	private static Op decoy(Op op) {
		return switch (op) {
			case GE -> Op.LT;
			case LT -> Op.GE;
			case GT -> Op.LE;
			case LE -> Op.GT;
			case EQ -> Op.GT;
		};
	}

	private static Evaluation evaluateThreshold(ThresholdCase c) {
		BigFraction required = Numbers.parse(c.thresholdText()).orElseThrow();
		ValueType type = c.value() instanceof Value.Fraction ? ValueType.PERCENT : ValueType.AMOUNT;
		Map<String, Requirement> requirements = c.byClass()
				? Map.of(IndicatorDef.ALL, compare(decoy(c.op()), required), "MIEN_NUI", compare(c.op(), required))
				: Map.of(IndicatorDef.ALL, compare(c.op(), required));
		IndicatorDef def = new IndicatorDef("1.1", "Chỉ tiêu", type, null, false, IndicatorSource.ENTERED, requirements,
				null, List.of());
		SetDefinition set = set(List.of(criterion("1", MetRule.ALL, List.of(def))), null, c.byClass() ? "VUNG" : null,
				List.of());
		UnitFacts unit = new UnitFacts(1, "Xã thử",
				c.byClass() ? Map.of("VUNG", Set.of("MIEN_NUI")) : Map.of("VUNG", Set.of("DBSH")), Set.of(), List.of());
		return Evaluator.evaluate(set, unit, new EvaluationInput(Map.of("1.1", c.value()), Map.of(), null));
	}

	@Test
	void indicatorIsMetExactlyWhenTheExactComparisonHolds() {
		Map<String, Integer> tally = new TreeMap<>();
		Properties.forAll(1_001L, 3_000, EvaluatorPropertiesTests::thresholdCase, c -> {
			int cmp = c.exact().compareTo(c.threshold());
			Status expected = metOrNot(holds(c.op(), cmp));
			Evaluation evaluation = evaluateThreshold(c);
			IndicatorResult result = indicatorResult(evaluation, "1.1");
			assertThat(result.status()).as("indicator").isEqualTo(expected);
			assertThat(only(evaluation).status()).as("criterion").isEqualTo(expected);
			assertThat(result.requirement()).isEqualTo(compare(c.op(), c.threshold().fraction()));
			if (c.value() instanceof Value.Fraction) {
				assertThat(Ratio.of(c.value().numeric()).sameValue(c.exact())).as("percentage of a fraction").isTrue();
			}
			count(tally, cmp == 0 ? "tie" : "no tie");
			count(tally, cmp == 0 && c.value() instanceof Value.Fraction ? "fraction tie" : "other");
		});
		// the generator must really probe the boundary
		assertThat(tally.get("tie")).isGreaterThan(500);
		assertThat(tally.get("fraction tie")).isGreaterThan(200);
	}

	@ParameterizedTest(name = "{0} of {1} vs {2} {3} → {4}")
	@CsvSource({ "2, 3, GE, 200/3, MET", "2, 3, GT, 200/3, NOT_MET", "2, 3, EQ, 200/3, MET", "2, 3, LE, 200/3, MET",
			"2, 3, LT, 200/3, NOT_MET", "4, 6, GE, 200/3, MET", "1, 3, GE, 200/3, NOT_MET", "1, 3, GE, 100/3, MET",
			"667, 1000, GE, 200/3, MET", "666, 1000, GE, 200/3, NOT_MET", "30, 100, GE, 30, MET",
			"30, 100, EQ, 30, MET", "3, 10, GE, 30, MET", "29, 100, GE, 30, NOT_MET", "299, 1000, GE, 30, NOT_MET",
			"30, 100, GT, 30, NOT_MET", "1, 2, GE, 50, MET", "3, 5, GE, 60, MET", "5, 5, GE, 100, MET",
			"9, 10, GE, 100, NOT_MET", "0, 7, LE, 0, MET", "1276, 1413, GE, 90.3, MET",
			"1276, 1413, GE, 90.305, NOT_MET", "1276, 1413, LT, 90.305, MET", "1276, 1413, GE, 90.31, NOT_MET" })
	void countsOverCountsCompareByTheirExactPercentage(long part, long whole, Op op, String threshold,
			Status expected) {
		ThresholdCase c = new ThresholdCase(op, threshold, Ratio.parse(threshold), "example",
				Value.Fraction.of(part, whole), Ratio.percent(part, whole), false);
		assertThat(indicatorResult(evaluateThreshold(c), "1.1").status()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} vs {1} {2} → {3}")
	@CsvSource({ "66.67, GE, 200/3, MET", "66.66, GE, 200/3, NOT_MET", "66.666666666667, GE, 200/3, MET",
			"66.666666666666, GE, 200/3, NOT_MET", "16.38, GE, 16.38, MET", "16.379, GE, 16.38, NOT_MET",
			"16.38, LT, 16.38, NOT_MET", "16.37, LT, 16.38, MET", "80, EQ, 80.00, MET", "-2, LE, -2, MET",
			"-2.001, GE, -2, NOT_MET", "100, LE, 100, MET", "100.001, LE, 100, NOT_MET" })
	void numbersCompareExactlyWithDecimalAndFractionThresholds(String value, Op op, String threshold, Status expected) {
		Ratio exact = Ratio.parse(value);
		ThresholdCase c = new ThresholdCase(op, threshold, Ratio.parse(threshold), "example",
				new Value.Number(exact.fraction()), exact, false);
		assertThat(indicatorResult(evaluateThreshold(c), "1.1").status()).isEqualTo(expected);
	}

	// =====================================================================
	// 2. Missing data, ALL and AT_LEAST
	// =====================================================================

	enum Kind {

		/** ≥ 50 (%); a named answer instead of a number cannot be compared. */
		COMPARE,
		/** Must be "Có". */
		EXPECT,
		/** A text requirement: a flag is a judgement, a number needs one. */
		DESCRIBED,
		/** No requirement known. */
		NO_THRESHOLD,
		/** {@code input = true}, with a requirement its value would fail. */
		INPUT

	}

	/**
	 * @param judgeable whether the value given is of a kind the requirement can judge
	 */
	record Spec(String code, Kind kind, boolean given, boolean passes, boolean judgeable, @Nullable Value value) {
	}

	record RuleCase(MetRule rule, List<Spec> specs) {
	}

	static RuleCase ruleCase(Random random) {
		int k = between(random, 1, 6);
		double given = oneOf(random, 0.0, 0.3, 0.7, 1.0);
		double passes = oneOf(random, 0.5, 0.9, 1.0);
		List<Spec> specs = new ArrayList<>();
		for (int i = 1; i <= k; i++) {
			int roll = random.nextInt(100);
			Kind kind = roll < 40 ? Kind.COMPARE
					: roll < 55 ? Kind.EXPECT : roll < 70 ? Kind.DESCRIBED : roll < 85 ? Kind.NO_THRESHOLD : Kind.INPUT;
			boolean isGiven = chance(random, given);
			boolean pass = chance(random, passes);
			boolean judgeable = kind == Kind.EXPECT || kind == Kind.NO_THRESHOLD || chance(random, 0.85);
			Value value = null;
			if (isGiven) {
				value = switch (kind) {
					case COMPARE -> !judgeable ? new Value.Choice("Tốt") : percentValue(random, pass);
					case EXPECT -> new Value.Flag(pass);
					case DESCRIBED -> judgeable ? new Value.Flag(pass) : number(between(random, 0, 100), 1);
					case NO_THRESHOLD -> number(between(random, 0, 1000), 10);
					case INPUT -> percentValue(random, false);
				};
			}
			specs.add(new Spec("1." + i, kind, isGiven, pass, judgeable, value));
		}
		MetRule rule = chance(random, 0.5) ? MetRule.ALL : new MetRule.AtLeast(between(random, 1, k + 1));
		return new RuleCase(rule, specs);
	}

	/** A value of at least 50% (the boundary included) when {@code pass}, else below. */
	private static Value percentValue(Random random, boolean pass) {
		if (chance(random, 0.5)) {
			long whole = between(random, 1, 40);
			long part = pass ? between(random, (whole + 1) / 2, whole) : between(random, 0, (whole - 1) / 2);
			return Value.Fraction.of(part, whole);
		}
		return pass ? number(between(random, 500, 1000), 10) : number(between(random, 0, 499), 10);
	}

	private static IndicatorDef def(Spec spec) {
		return switch (spec.kind()) {
			case COMPARE -> entered(spec.code(), ValueType.PERCENT, compare(Op.GE, BigFraction.of(50)));
			case EXPECT -> entered(spec.code(), ValueType.BOOLEAN, expect(true));
			case DESCRIBED -> entered(spec.code(), ValueType.LEVEL, described("Đạt mức 2 trở lên"));
			case NO_THRESHOLD -> entered(spec.code(), ValueType.AMOUNT, null);
			case INPUT -> indicator(spec.code(), ValueType.PERCENT, true, IndicatorSource.ENTERED,
					compare(Op.GE, BigFraction.of(50)), null);
		};
	}

	private static Status expectedIndicator(Spec spec) {
		if (spec.kind() == Kind.INPUT) {
			return Status.INFO;
		}
		if (!spec.given()) {
			return Status.NO_DATA;
		}
		return switch (spec.kind()) {
			case NO_THRESHOLD -> Status.NO_THRESHOLD;
			case COMPARE -> spec.judgeable() ? metOrNot(spec.passes()) : Status.NO_DATA;
			case DESCRIBED -> spec.judgeable() ? metOrNot(spec.passes()) : Status.NEEDS_JUDGEMENT;
			default -> metOrNot(spec.passes());
		};
	}

	/** The criterion's rule, as the catalog documents it, over the judged indicators. */
	private static Status expectedCriterion(RuleCase c) {
		List<Spec> judged = c.specs().stream().filter(s -> s.kind() != Kind.INPUT).toList();
		if (judged.isEmpty()) {
			return Status.NO_DATA;
		}
		long met = judged.stream().filter(s -> expectedIndicator(s) == Status.MET).count();
		long failing = judged.stream().filter(s -> expectedIndicator(s) == Status.NOT_MET).count();
		long given = judged.stream().filter(Spec::given).count();
		if (c.rule() instanceof MetRule.AtLeast atLeast) {
			// a criterion asking for more than it has is met when all of them are
			long needed = Math.min(atLeast.count(), judged.size());
			if (met >= needed) {
				return Status.MET;
			}
			if (judged.size() - failing < needed) {
				return Status.NOT_MET;
			}
		}
		else {
			if (failing > 0) {
				return Status.NOT_MET;
			}
			if (met == judged.size()) {
				return Status.MET;
			}
		}
		return given == 0 ? Status.NO_DATA : Status.INCOMPLETE;
	}

	private static Evaluation evaluateRule(RuleCase c, boolean withInputs) {
		Map<String, Value> values = new HashMap<>();
		for (Spec spec : c.specs()) {
			if (spec.value() != null && (withInputs || spec.kind() != Kind.INPUT)) {
				values.put(spec.code(), spec.value());
			}
		}
		List<IndicatorDef> defs = c.specs().stream().map(EvaluatorPropertiesTests::def).toList();
		return evaluate(set(List.of(criterion("1", c.rule(), defs)), null), values);
	}

	@Test
	void criterionFollowsItsRuleAndNeverGuessesMissingData() {
		Map<String, Integer> tally = new TreeMap<>();
		Properties.forAll(2_002L, 3_000, EvaluatorPropertiesTests::ruleCase, c -> {
			Evaluation evaluation = evaluateRule(c, true);
			for (Spec spec : c.specs()) {
				assertThat(indicatorResult(evaluation, spec.code()).status()).as(spec.code())
					.isEqualTo(expectedIndicator(spec));
			}
			Status expected = expectedCriterion(c);
			CriterionResult result = only(evaluation);
			assertThat(result.status()).isEqualTo(expected);
			assertThat(result.basis())
				.isEqualTo(expected == Status.NO_DATA ? CriterionResult.Basis.NONE : CriterionResult.Basis.INDICATORS);
			// an indicator without a requirement never makes an ALL criterion met
			if (c.rule() instanceof MetRule.All
					&& c.specs().stream().anyMatch(s -> s.kind() == Kind.NO_THRESHOLD && s.given())) {
				assertThat(result.status()).isNotEqualTo(Status.MET);
			}
			assertThat(evaluation.missingThresholds()).containsExactlyElementsOf(
					c.specs().stream().filter(s -> s.kind() == Kind.NO_THRESHOLD).map(Spec::code).toList());
			// input figures never count: without them, nothing changes
			assertThat(only(evaluateRule(c, false)).status()).as("without input values").isEqualTo(expected);
			count(tally, c.rule().getClass().getSimpleName() + " " + expected);
		});
		assertThat(tally).containsKeys("All MET", "All NOT_MET", "All INCOMPLETE", "All NO_DATA", "AtLeast MET",
				"AtLeast NOT_MET", "AtLeast INCOMPLETE", "AtLeast NO_DATA");
	}

	@Test
	void missingDataExamples() {
		IndicatorDef a = entered("1.1", ValueType.PERCENT, compare(Op.GE, BigFraction.of(50)));
		IndicatorDef b = entered("1.2", ValueType.PERCENT, compare(Op.GE, BigFraction.of(50)));
		IndicatorDef c = entered("1.3", ValueType.AMOUNT, null);
		IndicatorDef input = indicator("1.4", ValueType.AMOUNT, true, IndicatorSource.ENTERED,
				compare(Op.GE, BigFraction.of(50)), null);
		SetDefinition all = set(List.of(criterion("1", MetRule.ALL, List.of(a, b))), null);
		assertThat(only(evaluate(all, Map.of())).status()).isEqualTo(Status.NO_DATA);
		assertThat(only(evaluate(all, Map.of("1.1", number(50, 1)))).status()).isEqualTo(Status.INCOMPLETE);
		assertThat(only(evaluate(all, Map.of("1.1", number(49, 1)))).status()).isEqualTo(Status.NOT_MET);
		assertThat(only(evaluate(all, Map.of("1.1", number(50, 1), "1.2", Value.Fraction.of(1, 2)))).status())
			.isEqualTo(Status.MET);
		SetDefinition noThreshold = set(List.of(criterion("1", MetRule.ALL, List.of(a, c))), null);
		assertThat(only(evaluate(noThreshold, Map.of("1.1", number(90, 1), "1.3", number(7, 1)))).status())
			.isEqualTo(Status.INCOMPLETE);
		SetDefinition onlyInputs = set(List.of(criterion("1", MetRule.ALL, List.of(input))), null);
		assertThat(only(evaluate(onlyInputs, Map.of("1.4", number(90, 1)))).status()).isEqualTo(Status.NO_DATA);
		SetDefinition withInput = set(List.of(criterion("1", MetRule.ALL, List.of(a, input))), null);
		assertThat(only(evaluate(withInput, Map.of("1.1", number(90, 1), "1.4", number(1, 1)))).status())
			.isEqualTo(Status.MET);
		SetDefinition twoOfThree = set(List.of(criterion("1", new MetRule.AtLeast(2),
				List.of(a, b, entered("1.5", ValueType.PERCENT, compare(Op.GE, BigFraction.of(50)))))), null);
		assertThat(only(evaluate(twoOfThree, Map.of("1.1", number(90, 1), "1.2", number(1, 1)))).status())
			.isEqualTo(Status.INCOMPLETE);
		assertThat(only(evaluate(twoOfThree, Map.of("1.1", number(1, 1), "1.2", number(1, 1)))).status())
			.isEqualTo(Status.NOT_MET);
		assertThat(only(evaluate(twoOfThree, Map.of("1.1", number(90, 1), "1.5", number(50, 1)))).status())
			.isEqualTo(Status.MET);
	}

	// =====================================================================
	// 3. Points
	// =====================================================================

	/** Points and maxima in half points (the oracle adds integers). */
	record PointsSpec(String code, @Nullable Long maxHalves, @Nullable Long halves, boolean input) {
	}

	record PointsCase(long minHalves, List<PointsSpec> specs) {
	}

	static PointsCase pointsCase(Random random) {
		int k = between(random, 1, 6);
		double given = oneOf(random, 0.0, 0.4, 0.8, 1.0);
		double bounded = oneOf(random, 0.0, 0.6, 1.0);
		List<PointsSpec> specs = new ArrayList<>();
		for (int i = 1; i <= k; i++) {
			if (chance(random, 0.12)) {
				specs.add(new PointsSpec("1." + i, null, 400L, true));
				continue;
			}
			Long max = chance(random, bounded) ? (long) between(random, 0, 40) : null;
			Long halves = chance(random, given) ? (long) between(random, 0, max == null ? 40 : max.intValue()) : null;
			specs.add(new PointsSpec("1." + i, max, halves, false));
		}
		List<PointsSpec> judged = specs.stream().filter(s -> !s.input()).toList();
		long known = judged.stream().filter(s -> s.halves() != null).mapToLong(PointsSpec::halves).sum();
		long possible = judged.stream()
			.filter(s -> s.halves() == null && s.maxHalves() != null)
			.mapToLong(PointsSpec::maxHalves)
			.sum();
		long min = switch (random.nextInt(6)) {
			case 0 -> known;
			case 1 -> known + possible;
			case 2 -> known + possible + 1;
			case 3 -> known + 1;
			default -> between(random, 1, 120);
		};
		return new PointsCase(Math.max(1, min), specs);
	}

	private static Status expectedPoints(PointsCase c) {
		List<PointsSpec> judged = c.specs().stream().filter(s -> !s.input()).toList();
		if (judged.isEmpty()) {
			return Status.NO_DATA;
		}
		long known = 0;
		long possible = 0;
		int missing = 0;
		boolean bounded = true;
		for (PointsSpec spec : judged) {
			if (spec.halves() != null) {
				known += spec.halves();
			}
			else {
				missing++;
				if (spec.maxHalves() == null) {
					bounded = false;
				}
				else {
					possible += spec.maxHalves();
				}
			}
		}
		if (known >= c.minHalves()) {
			return Status.MET;
		}
		if (missing == 0 || (bounded && known + possible < c.minHalves())) {
			return Status.NOT_MET;
		}
		return missing == judged.size() ? Status.NO_DATA : Status.INCOMPLETE;
	}

	private static Status evaluatePoints(PointsCase c) {
		Map<String, Value> values = new HashMap<>();
		List<IndicatorDef> defs = new ArrayList<>();
		for (PointsSpec spec : c.specs()) {
			defs.add(indicator(spec.code(), ValueType.POINTS, spec.input(), IndicatorSource.ENTERED, null,
					spec.maxHalves() == null ? null : BigFraction.of(spec.maxHalves(), 2)));
			if (spec.halves() != null) {
				values.put(spec.code(), number(spec.halves(), 2));
			}
		}
		MetRule rule = new MetRule.Points(BigFraction.of(c.minHalves(), 2));
		return only(evaluate(set(List.of(criterion("1", rule, defs)), null), values)).status();
	}

	@Test
	void pointsCriterionIsDecidedOnlyWhenTheMissingPointsCannotChangeIt() {
		Map<String, Integer> tally = new TreeMap<>();
		Properties.forAll(3_003L, 3_000, EvaluatorPropertiesTests::pointsCase, c -> {
			Status expected = expectedPoints(c);
			assertThat(evaluatePoints(c)).isEqualTo(expected);
			count(tally, expected.name());
		});
		assertThat(tally).containsKeys("MET", "NOT_MET", "INCOMPLETE", "NO_DATA");
	}

	@ParameterizedTest(name = "{0} (min {1} half points) → {2}")
	@CsvSource(delimiter = ';',
			value = { "given 100; 100; MET", "given 99; 100; NOT_MET", "given 99, missing max 1; 100; INCOMPLETE",
					"given 98, missing max 1; 100; NOT_MET", "given 60, missing; 100; INCOMPLETE",
					"given 60, missing max 10, missing; 100; INCOMPLETE",
					"missing max 40, missing max 40; 100; NOT_MET", "missing max 50, missing max 50; 100; NO_DATA",
					"missing, missing max 10; 100; NO_DATA", "given 0, given 0; 1; NOT_MET", "given 101; 100; MET" })
	void pointsExamples(String specs, long minHalves, Status expected) {
		List<PointsSpec> list = new ArrayList<>();
		int i = 0;
		for (String spec : specs.split(",")) {
			String[] words = spec.strip().split(" ");
			i++;
			Long max = words.length == 3 ? Long.parseLong(words[2]) : null;
			Long halves = words[0].equals("given") ? Long.parseLong(words[1]) : null;
			list.add(new PointsSpec("1." + i, max, halves, false));
		}
		PointsCase c = new PointsCase(minHalves, list);
		assertThat(expectedPoints(c)).as("oracle").isEqualTo(expected);
		assertThat(evaluatePoints(c)).isEqualTo(expected);
	}

	// =====================================================================
	// 4. Conditions over lower units
	// =====================================================================

	private static final List<UnitType> DISTRICTS = List.of(UnitType.HUYEN, UnitType.QUAN, UnitType.THI_XA,
			UnitType.THANH_PHO_THUOC_TINH);

	private static final List<UnitType> COMMUNES = List.of(UnitType.XA, UnitType.PHUONG, UnitType.THI_TRAN,
			UnitType.DAC_KHU);

	private static final List<UnitType> VILLAGES = List.of(UnitType.THON, UnitType.BAN, UnitType.AP, UnitType.XOM,
			UnitType.TO_DAN_PHO, UnitType.KHU_PHO);

	private static final List<String> AREAS = List.of("MIEN_NUI", "DONG_BANG", "VEN_BIEN");

	private static final List<String> TITLES = List.of("XA_NTM", "THON_NTM", "XA_NTM_NANG_CAO");

	private static final String MIN_SET = "QD318_XA_NTM";

	/** The level of a type, as the test knows it (communes 3, villages 4). */
	private static int levelOf(UnitType type) {
		return COMMUNES.contains(type) ? 3 : VILLAGES.contains(type) ? 4 : 2;
	}

	record ChildCase(ChildSelector selector, String title, List<ChildFacts> children, String threshold,
			int countThreshold, int minThreshold) {

		@Override
		public String toString() {
			return "ChildCase[selector=" + selector + ", title=" + title + ", threshold=" + threshold + ", count ≥ "
					+ countThreshold + ", min ≥ " + minThreshold + ", children=\n    "
					+ children.stream().map(Object::toString).collect(Collectors.joining("\n    ")) + "]";
		}

	}

	static ChildCase childCase(Random random) {
		int level = oneOf(random, 3, 4);
		List<UnitType> levelTypes = level == 3 ? COMMUNES : VILLAGES;
		Set<UnitType> types = chance(random, 0.5) ? Set.of() : subset(random, levelTypes, 0.5);
		String scheme = null;
		Set<String> values = Set.of();
		if (chance(random, 0.5)) {
			scheme = "DIA_BAN";
			if (chance(random, 0.75)) {
				values = subset(random, AREAS, 0.4);
				values = values.isEmpty() ? Set.of(oneOf(random, AREAS)) : values;
			}
		}
		ChildSelector selector = new ChildSelector(level, types, scheme, values);
		double holds = oneOf(random, 0.3, 0.6, 0.67, 0.9, 1.0);
		int n = between(random, 0, 12);
		List<ChildFacts> children = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			UnitType type;
			int roll = random.nextInt(100);
			if (roll < 50 && !types.isEmpty()) {
				type = oneOf(random, List.copyOf(types));
			}
			else if (roll < 80) {
				type = oneOf(random, levelTypes);
			}
			else {
				type = oneOf(random, oneOf(random, DISTRICTS, COMMUNES, VILLAGES));
			}
			Map<String, Set<String>> classes = new HashMap<>();
			switch (random.nextInt(5)) {
				case 0 -> {
				}
				case 1 -> classes.put("DIA_BAN", Set.of());
				case 2, 3 -> classes.put("DIA_BAN", Set.of(oneOf(random, AREAS)));
				default -> classes.put("DIA_BAN", subset(random, AREAS, 0.6));
			}
			if (chance(random, 0.3)) {
				classes.put("VUNG", Set.of(oneOf(random, "DBSH", "TDMNPB", "MIEN_NUI")));
			}
			Set<String> titles = new TreeSet<>(subset(random, TITLES, 0.25));
			if (chance(random, holds)) {
				titles.add(level == 3 ? "XA_NTM" : "THON_NTM");
			}
			Map<String, Integer> criteriaMet = new HashMap<>();
			if (chance(random, 0.85)) {
				criteriaMet.put(MIN_SET, between(random, 12, 19));
			}
			if (chance(random, 0.3)) {
				criteriaMet.put("OTHER_SET", between(random, 0, 5));
			}
			children.add(new ChildFacts(i, "Đơn vị " + i, type, classes, titles, criteriaMet));
		}
		String title = chance(random, 0.85) ? (level == 3 ? "XA_NTM" : "THON_NTM") : oneOf(random, TITLES);
		String threshold = chance(random, 0.7) ? oneOf(random, "50", "60", "100", "200/3", "100/3", "75", "0")
				: between(random, 0, 100) + "/" + between(random, 1, 3);
		return new ChildCase(selector, title, children, threshold, between(random, 0, 6), between(random, 12, 19));
	}

	/** The oracle's selection: level, types, then the classification filter. */
	private static List<ChildFacts> selected(ChildCase c) {
		ChildSelector s = c.selector();
		List<ChildFacts> selected = new ArrayList<>();
		for (ChildFacts child : c.children()) {
			if (levelOf(child.type()) != s.level()) {
				continue;
			}
			if (!s.types().isEmpty() && !s.types().contains(child.type())) {
				continue;
			}
			if (s.scheme() != null) {
				Set<String> held = child.classifications().getOrDefault(s.scheme(), Set.of());
				boolean matches = s.values().isEmpty() ? !held.isEmpty()
						: held.stream().anyMatch(v -> s.values().contains(v));
				if (!matches) {
					continue;
				}
			}
			selected.add(child);
		}
		return selected;
	}

	private static Evaluation evaluateChildren(IndicatorSource source, ValueType type, Requirement requirement,
			List<ChildFacts> children) {
		IndicatorDef def = indicator("1.1", type, false, source, requirement, null);
		SetDefinition set = set(List.of(criterion("1", MetRule.ALL, List.of(def))), null);
		UnitFacts unit = new UnitFacts(1, "Huyện thử", Map.of("DIA_BAN", Set.of("MIEN_NUI")), Set.of("XA_NTM"),
				children);
		return Evaluator.evaluate(set, unit, EvaluationInput.EMPTY);
	}

	@Test
	void childShareIsTheExactShareOfSelectedUnitsHoldingTheTitle() {
		Map<String, Integer> tally = new TreeMap<>();
		Properties.forAll(4_004L, 3_000, EvaluatorPropertiesTests::childCase, c -> {
			List<ChildFacts> selected = selected(c);
			long holding = selected.stream().filter(u -> u.titles().contains(c.title())).count();
			IndicatorSource source = new IndicatorSource.ChildShare(c.title(), c.selector());
			Requirement required = compare(Op.GE, Numbers.parse(c.threshold()).orElseThrow());
			Evaluation evaluation = evaluateChildren(source, ValueType.PERCENT, required, c.children());
			IndicatorResult result = indicatorResult(evaluation, "1.1");
			if (selected.isEmpty()) {
				assertThat(result.value()).isNull();
				assertThat(result.status()).isEqualTo(Status.NO_DATA);
				assertThat(result.reasons()).extracting(Reason::key).contains("engine.derived.noLowerUnits");
				count(tally, "none selected");
				return;
			}
			assertThat(result.value()).isEqualTo(Value.Fraction.of(holding, selected.size()));
			int cmp = Ratio.percent(holding, selected.size()).compareTo(Ratio.parse(c.threshold()));
			assertThat(result.status()).isEqualTo(metOrNot(cmp >= 0));
			assertThat(only(evaluation).status()).isEqualTo(metOrNot(cmp >= 0));
			// units the selector does not take change nothing, nor does their order
			List<ChildFacts> shuffled = new ArrayList<>(selected);
			Collections.shuffle(shuffled, new Random(selected.size()));
			IndicatorResult alone = indicatorResult(evaluateChildren(source, ValueType.PERCENT, required, shuffled),
					"1.1");
			assertThat(alone.value()).isEqualTo(result.value());
			assertThat(alone.status()).isEqualTo(result.status());
			count(tally, cmp == 0 ? "tie" : "no tie");
			count(tally, selected.size() < c.children().size() ? "some ignored" : "none ignored");
		});
		assertThat(tally.get("tie")).isGreaterThan(150);
		assertThat(tally.get("none selected")).isGreaterThan(100);
		assertThat(tally.get("some ignored")).isGreaterThan(500);
	}

	@Test
	void childCountCountsSelectedUnitsHoldingTheTitle() {
		Properties.forAll(4_005L, 2_000, EvaluatorPropertiesTests::childCase, c -> {
			long holding = selected(c).stream().filter(u -> u.titles().contains(c.title())).count();
			Evaluation evaluation = evaluateChildren(new IndicatorSource.ChildCount(c.title(), c.selector()),
					ValueType.COUNT, compare(Op.GE, BigFraction.of(c.countThreshold())), c.children());
			IndicatorResult result = indicatorResult(evaluation, "1.1");
			// a count is a count: none selected is 0 of 0, not a missing value
			assertThat(result.value()).isEqualTo(new Value.Number(BigFraction.of(holding)));
			assertThat(result.status()).isEqualTo(metOrNot(holding >= c.countThreshold()));
		});
	}

	@Test
	void childMinCriteriaIsTheLowestKnownCountOrNothing() {
		Map<String, Integer> tally = new TreeMap<>();
		Properties.forAll(4_006L, 2_000, EvaluatorPropertiesTests::childCase, c -> {
			List<ChildFacts> selected = selected(c);
			Evaluation evaluation = evaluateChildren(new IndicatorSource.ChildMinCriteria(MIN_SET, c.selector()),
					ValueType.COUNT, compare(Op.GE, BigFraction.of(c.minThreshold())), c.children());
			IndicatorResult result = indicatorResult(evaluation, "1.1");
			boolean allKnown = selected.stream().allMatch(u -> u.criteriaMet().containsKey(MIN_SET));
			if (selected.isEmpty() || !allKnown) {
				assertThat(result.value()).isNull();
				assertThat(result.status()).isEqualTo(Status.NO_DATA);
				assertThat(result.reasons()).extracting(Reason::key)
					.containsExactly(selected.isEmpty() ? "engine.derived.noLowerUnits" : "engine.derived.minUnknown");
				count(tally, "undecided");
				return;
			}
			int min = selected.stream().mapToInt(u -> u.criteriaMet().get(MIN_SET)).min().orElseThrow();
			assertThat(result.value()).isEqualTo(new Value.Number(BigFraction.of(min)));
			assertThat(result.status()).isEqualTo(metOrNot(min >= c.minThreshold()));
			count(tally, "decided");
		});
		assertThat(tally.get("decided")).isGreaterThan(300);
	}

	private static ChildFacts child(int id, UnitType type, String area, String... titles) {
		return new ChildFacts(id, "Đơn vị " + id, type, area.isEmpty() ? Map.of() : Map.of("DIA_BAN", Set.of(area)),
				Set.of(titles), Map.of());
	}

	@ParameterizedTest(name = "{0} of {1} communes NTM vs ≥ {2} → {3}")
	@CsvSource({ "2, 3, 200/3, MET", "1, 3, 200/3, NOT_MET", "3, 5, 60, MET", "2, 5, 60, NOT_MET", "1, 2, 50, MET",
			"4, 4, 100, MET", "9, 10, 100, NOT_MET", "0, 1, 0, MET" })
	void childShareExamples(int holding, int total, String threshold, Status expected) {
		List<ChildFacts> children = new ArrayList<>();
		for (int i = 1; i <= total; i++) {
			children.add(child(i, UnitType.XA, "", i <= holding ? new String[] { "XA_NTM" } : new String[0]));
		}
		// a ward holding nothing and a village holding the title are not communes of the
		// selector
		children.add(child(100, UnitType.PHUONG, ""));
		children.add(child(101, UnitType.THON, "", "XA_NTM"));
		ChildSelector communes = new ChildSelector(3, Set.of(UnitType.XA), null, Set.of());
		IndicatorResult result = indicatorResult(evaluateChildren(new IndicatorSource.ChildShare("XA_NTM", communes),
				ValueType.PERCENT, compare(Op.GE, Numbers.parse(threshold).orElseThrow()), children), "1.1");
		assertThat(result.value()).isEqualTo(Value.Fraction.of(holding, total));
		assertThat(result.status()).isEqualTo(expected);
	}

	@Test
	void childShareFiltersByClassification() {
		List<ChildFacts> villages = List.of(child(1, UnitType.THON, "MIEN_NUI", "THON_NTM"),
				child(2, UnitType.BAN, "MIEN_NUI", "THON_NTM"), child(3, UnitType.THON, "DONG_BANG"),
				child(4, UnitType.THON, "DONG_BANG"), child(5, UnitType.THON, ""));
		ChildSelector mountain = new ChildSelector(4, Set.of(), "DIA_BAN", Set.of("MIEN_NUI"));
		ChildSelector classified = new ChildSelector(4, Set.of(), "DIA_BAN", Set.of());
		ChildSelector all = new ChildSelector(4, Set.of(), null, Set.of());
		Requirement hundred = compare(Op.GE, BigFraction.of(100));
		assertThat(indicatorResult(evaluateChildren(new IndicatorSource.ChildShare("THON_NTM", mountain),
				ValueType.PERCENT, hundred, villages), "1.1")
			.status()).isEqualTo(Status.MET);
		assertThat(indicatorResult(evaluateChildren(new IndicatorSource.ChildShare("THON_NTM", classified),
				ValueType.PERCENT, hundred, villages), "1.1")
			.value()).isEqualTo(Value.Fraction.of(2, 4));
		assertThat(indicatorResult(
				evaluateChildren(new IndicatorSource.ChildShare("THON_NTM", all), ValueType.PERCENT, hundred, villages),
				"1.1")
			.value()).isEqualTo(Value.Fraction.of(2, 5));
		assertThat(indicatorResult(evaluateChildren(new IndicatorSource.ChildShare("THON_NTM", mountain),
				ValueType.PERCENT, hundred, List.of(child(3, UnitType.THON, "DONG_BANG"))), "1.1")
			.status()).isEqualTo(Status.NO_DATA);
	}

	// =====================================================================
	// 5. Revocation, 6. Summary and notation, title
	// =====================================================================

	enum Claim {

		MET, NOT_MET, BOTH, ABSENT;

		@Nullable Set<Boolean> claims() {
			return switch (this) {
				case MET -> Set.of(true);
				case NOT_MET -> Set.of(false);
				case BOTH -> Set.of(true, false);
				case ABSENT -> null;
			};
		}

		boolean failing() {
			return this == NOT_MET || this == BOTH;
		}

	}

	record Crit(String number, CriterionKind kind, boolean retired, boolean critical, Claim claim) {

		boolean counted() {
			return kind == CriterionKind.CRITERION && !retired;
		}

		@Override
		public String toString() {
			return number + (kind == CriterionKind.CONDITION ? "(condition)" : "") + (retired ? "(retired)" : "")
					+ (critical ? "*" : "") + "=" + claim;
		}

	}

	/**
	 * Criteria without indicators (only the claims decide them), in set order, with
	 * conditions and retired criteria mixed in, and claims for numbers the set does not
	 * have.
	 */
	record ClaimsCase(@Nullable RevocationRule rule, List<Crit> all, Map<String, Claim> unknown,
			@Nullable Integer stated, List<String> prerequisites, Set<String> titles) {

		List<Crit> counted() {
			return all.stream().filter(Crit::counted).toList();
		}

		List<Crit> active() {
			return all.stream().filter(c -> !c.retired()).toList();
		}

		/**
		 * A set that confers no title of its own, so that revocation is weighed whatever
		 * the unit holds (RecognitionTests covers units without the set's title).
		 */
		SetDefinition set() {
			SetDefinition titled = EngineFixtures.set(
					all.stream().map(c -> bare(c.number(), c.kind(), c.critical(), c.retired())).toList(), rule, null,
					prerequisites);
			return new SetDefinition(titled.id(), titled.code(), titled.version(), titled.name(), null,
					titled.thresholdScheme(), titled.thresholdRules(), titled.prerequisites(), titled.revocation(),
					titled.criteria(), titled.titleNames());
		}

		EvaluationInput input() {
			Map<String, Set<Boolean>> claims = new HashMap<>();
			for (Crit c : all) {
				if (c.claim().claims() != null) {
					claims.put(c.number(), c.claim().claims());
				}
			}
			unknown.forEach((number, claim) -> claims.put(number, claim.claims()));
			return new EvaluationInput(Map.of(), claims, stated);
		}

		Evaluation evaluate() {
			return Evaluator.evaluate(set(), new UnitFacts(1, "Xã thử", Map.of(), titles, List.of()), input());
		}

	}

	/**
	 * Mostly QĐ 18/2022's rule over 10, 19 or 20 criteria, with the failing count drawn
	 * uniformly so that exactly 30% and 50% occur often.
	 */
	static ClaimsCase revocationCase(Random random) {
		int n = switch (random.nextInt(4)) {
			case 0 -> 10;
			case 1 -> 20;
			case 2 -> 19;
			default -> between(random, 1, 30);
		};
		int failing = between(random, 0, n);
		int undecided = chance(random, 0.5) ? 0 : between(random, 0, n - failing);
		double critical = oneOf(random, 0.0, 0.2, 0.5);
		List<Claim> claims = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			claims.add(i < failing ? (chance(random, 0.3) ? Claim.BOTH : Claim.NOT_MET)
					: i < failing + undecided ? Claim.ABSENT : Claim.MET);
		}
		Collections.shuffle(claims, random);
		List<Crit> all = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			all.add(new Crit(String.valueOf(i + 1), CriterionKind.CRITERION, false, chance(random, critical),
					claims.get(i)));
		}
		addNoise(random, all);
		RevocationRule rule = switch (random.nextInt(10)) {
			case 0 -> null;
			case 1, 2 -> {
				int share = between(random, 1, 100);
				yield new RevocationRule(share, between(random, 0, share));
			}
			default -> QD_18;
		};
		return new ClaimsCase(rule, all, Map.of(), null, List.of(), Set.of());
	}

	/**
	 * Failing conditions and retired criteria that must not count, anywhere in the set.
	 */
	private static void addNoise(Random random, List<Crit> all) {
		int conditions = between(random, 0, 2);
		for (int i = 1; i <= conditions; i++) {
			all.add(random.nextInt(all.size() + 1), new Crit("ĐK" + i, CriterionKind.CONDITION, false,
					chance(random, 0.5), oneOf(random, Claim.values())));
		}
		int retired = between(random, 0, 2);
		for (int i = 1; i <= retired; i++) {
			all.add(random.nextInt(all.size() + 1), new Crit("R" + i, CriterionKind.CRITERION, true,
					chance(random, 0.5), oneOf(random, Claim.values())));
		}
	}

	/** QĐ 18/2022 read literally: ≥ F% fail, or ≥ C% fail with a critical one. */
	private static boolean revokes(RevocationRule rule, int failing, int total, boolean critical) {
		Ratio share = Ratio.percent(failing, total);
		return share.compareTo(Ratio.of(rule.failShare(), 1)) >= 0
				|| (critical && share.compareTo(Ratio.of(rule.criticalFailShare(), 1)) >= 0);
	}

	private static RevocationVerdict.Outcome expectedRevocation(ClaimsCase c) {
		List<Crit> counted = c.counted();
		if (c.rule() == null || counted.isEmpty()) {
			return RevocationVerdict.Outcome.NO_RULE;
		}
		int n = counted.size();
		int failing = (int) counted.stream().filter(k -> k.claim().failing()).count();
		boolean critical = counted.stream().anyMatch(k -> k.claim().failing() && k.critical());
		List<Crit> undecided = counted.stream().filter(k -> k.claim() == Claim.ABSENT).toList();
		if (revokes(c.rule(), failing, n, critical)) {
			return RevocationVerdict.Outcome.REVOKE;
		}
		// could some of the undecided criteria still fail so that the rule applies?
		for (int more = 1; more <= undecided.size(); more++) {
			boolean withCritical = critical || undecided.stream().anyMatch(Crit::critical);
			if (revokes(c.rule(), failing + more, n, withCritical)) {
				return RevocationVerdict.Outcome.INCOMPLETE;
			}
		}
		if (failing > 0) {
			return RevocationVerdict.Outcome.AT_RISK;
		}
		return undecided.isEmpty() ? RevocationVerdict.Outcome.SAFE : RevocationVerdict.Outcome.INCOMPLETE;
	}

	@Test
	void revocationFollowsTheSharesOfFailingCriteria() {
		Map<String, Integer> tally = new TreeMap<>();
		Properties.forAll(5_005L, 3_000, EvaluatorPropertiesTests::revocationCase, c -> {
			RevocationVerdict verdict = c.evaluate().revocation();
			RevocationVerdict.Outcome expected = expectedRevocation(c);
			assertThat(verdict.outcome()).isEqualTo(expected);
			List<Crit> counted = c.counted();
			int failing = (int) counted.stream().filter(k -> k.claim().failing()).count();
			assertThat(verdict.total()).isEqualTo(counted.size());
			assertThat(verdict.failing()).isEqualTo(failing);
			assertThat(verdict.criticalFailing()).containsExactlyElementsOf(
					counted.stream().filter(k -> k.claim().failing() && k.critical()).map(Crit::number).toList());
			if (c.rule() != null) {
				assertThat(expected == RevocationVerdict.Outcome.SAFE)
					.isEqualTo(counted.stream().allMatch(k -> k.claim() == Claim.MET));
			}
			count(tally, expected.name());
			if (QD_18.equals(c.rule()) && failing * 100 == 30 * counted.size()) {
				count(tally, "exactly 30%" + (verdict.criticalFailing().isEmpty() ? "" : " with critical"));
			}
			if (QD_18.equals(c.rule()) && failing * 100 == 50 * counted.size()) {
				count(tally, "exactly 50%");
			}
		});
		assertThat(tally).containsKeys("NO_RULE", "SAFE", "AT_RISK", "REVOKE", "INCOMPLETE");
		assertThat(tally.get("exactly 30%")).isGreaterThan(10);
		assertThat(tally.get("exactly 30% with critical")).isGreaterThan(10);
		assertThat(tally.get("exactly 50%")).isGreaterThan(30);
	}

	/**
	 * {@code failing} criteria fail (the first critical when {@code critical}),
	 * {@code undecided} have no result (the first critical when
	 * {@code undecidedCritical}), the rest are met.
	 */
	@ParameterizedTest(name = "{1} of {0} failing (critical {2}), {3} undecided (critical {4}) → {5}")
	@CsvSource({ "10, 3, true, 0, false, REVOKE, 30", "10, 3, false, 0, false, AT_RISK, 30",
			"10, 5, false, 0, false, REVOKE, 50", "10, 2, true, 0, false, AT_RISK, 20",
			"10, 4, false, 0, false, AT_RISK, 40", "10, 0, false, 0, false, SAFE, 0",
			"10, 0, false, 1, false, INCOMPLETE, 0", "10, 2, true, 1, false, INCOMPLETE, 20",
			"10, 2, false, 1, false, AT_RISK, 20", "10, 2, false, 1, true, INCOMPLETE, 20",
			"10, 4, false, 1, false, INCOMPLETE, 40", "20, 6, true, 0, false, REVOKE, 30",
			"20, 5, true, 0, false, AT_RISK, 25", "20, 10, false, 0, false, REVOKE, 50",
			"20, 9, false, 0, false, AT_RISK, 45", "19, 6, true, 0, false, REVOKE, '31,58'",
			"19, 5, true, 0, false, AT_RISK, '26,32'", "19, 10, false, 0, false, REVOKE, '52,63'",
			"19, 9, false, 0, false, AT_RISK, '47,37'", "19, 2, true, 0, false, AT_RISK, '10,53'",
			"1000, 299, true, 0, false, AT_RISK, '29,9'", "1000, 300, true, 0, false, REVOKE, 30",
			"1000, 499, false, 0, false, AT_RISK, '49,9'", "1000, 500, false, 0, false, REVOKE, 50" })
	void revocationExamples(int n, int failing, boolean critical, int undecided, boolean undecidedCritical,
			RevocationVerdict.Outcome expected, String share) {
		List<Crit> all = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			boolean isFailing = i <= failing;
			boolean isUndecided = !isFailing && i <= failing + undecided;
			boolean isCritical = (isFailing && critical && i == 1)
					|| (isUndecided && undecidedCritical && i == failing + 1);
			all.add(new Crit(String.valueOf(i), CriterionKind.CRITERION, false, isCritical,
					isFailing ? Claim.NOT_MET : isUndecided ? Claim.ABSENT : Claim.MET));
		}
		ClaimsCase c = new ClaimsCase(QD_18, all, Map.of(), null, List.of(), Set.of());
		assertThat(expectedRevocation(c)).as("oracle").isEqualTo(expected);
		RevocationVerdict verdict = c.evaluate().revocation();
		assertThat(verdict.outcome()).isEqualTo(expected);
		assertThat(verdict.failingShare()).isEqualTo(share);
		ClaimsCase noRule = new ClaimsCase(null, all, Map.of(), null, List.of(), Set.of());
		assertThat(noRule.evaluate().revocation().outcome()).isEqualTo(RevocationVerdict.Outcome.NO_RULE);
	}

	/** Random claims, a stated count that is right, wrong or absent, unknown numbers. */
	static ClaimsCase summaryCase(Random random) {
		int n = between(random, 1, 25);
		int[] weights = { between(random, 0, 10), between(random, 0, 4), between(random, 0, 2), between(random, 0, 3) };
		int sum = weights[0] + weights[1] + weights[2] + weights[3];
		List<Crit> all = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			Claim claim = Claim.MET;
			if (sum > 0) {
				int roll = random.nextInt(sum);
				for (int w = 0; w < 4; w++) {
					if (roll < weights[w]) {
						claim = Claim.values()[w];
						break;
					}
					roll -= weights[w];
				}
			}
			all.add(new Crit(String.valueOf(i), CriterionKind.CRITERION, false, chance(random, 0.2), claim));
		}
		addNoise(random, all);
		Map<String, Claim> unknown = new LinkedHashMap<>();
		if (chance(random, 0.2)) {
			unknown.put("X" + between(random, 1, 3), oneOf(random, Claim.MET, Claim.NOT_MET, Claim.BOTH));
		}
		long listed = all.stream()
			.filter(k -> k.counted() && (k.claim() == Claim.MET || k.claim() == Claim.BOTH))
			.count();
		Integer stated = switch (random.nextInt(4)) {
			case 0 -> null;
			case 1 -> Integer.valueOf(Math.max(0, (int) listed + oneOf(random, -2, -1, 1, 3)));
			default -> Integer.valueOf((int) listed);
		};
		List<String> prerequisites = chance(random, 0.3) ? List.of("XA_NTM") : List.of();
		Set<String> titles = chance(random, 0.7) ? Set.of("XA_NTM") : Set.of();
		return new ClaimsCase(QD_18, all, unknown, stated, prerequisites, titles);
	}

	@Test
	void summaryCountsClaimsAndFlagsWhatTheSourceGetsWrong() {
		Map<String, Integer> tally = new TreeMap<>();
		Properties.forAll(6_006L, 3_000, EvaluatorPropertiesTests::summaryCase, c -> {
			Evaluation evaluation = c.evaluate();
			Summary summary = evaluation.summary();
			List<Crit> counted = c.counted();
			List<String> met = counted.stream().filter(k -> k.claim() == Claim.MET).map(Crit::number).toList();
			List<String> failing = counted.stream().filter(k -> k.claim().failing()).map(Crit::number).toList();
			List<String> undecided = counted.stream().filter(k -> k.claim() == Claim.ABSENT).map(Crit::number).toList();
			assertThat(summary.met()).isEqualTo(met.size());
			assertThat(summary.total()).isEqualTo(counted.size());
			assertThat(summary.metList()).containsExactlyElementsOf(met);
			assertThat(summary.failingList()).containsExactlyElementsOf(failing);
			assertThat(summary.undecided()).containsExactlyElementsOf(undecided);
			assertThat(summary.notation())
				.isEqualTo(failing.isEmpty() ? "" + met.size() : met.size() + " (" + String.join(", ", failing) + ")");
			assertThat(summary.ratio()).isEqualTo(met.size() + "/" + counted.size());
			for (Crit k : c.active()) {
				Status status = switch (k.claim()) {
					case MET -> Status.MET;
					case NOT_MET -> Status.NOT_MET;
					case BOTH -> Status.CONFLICT;
					case ABSENT -> Status.NO_DATA;
				};
				List<CriterionResult> results = k.kind() == CriterionKind.CRITERION ? evaluation.criteria()
						: evaluation.conditions();
				assertThat(results).filteredOn(r -> r.number().equals(k.number()))
					.singleElement()
					.extracting(CriterionResult::status)
					.isEqualTo(status);
			}
			assertThat(evaluation.sourceFlags()).containsExactlyInAnyOrderElementsOf(expectedFlags(c, met.size()));
			count(tally, evaluation.sourceFlags().stream().map(Reason::key).collect(Collectors.joining("+")));
		});
		assertThat(tally.keySet()).anyMatch(k -> k.contains("engine.flag.both"))
			.anyMatch(k -> k.contains("engine.flag.countVersusList"))
			.anyMatch(k -> k.contains("engine.flag.countVersusResult"))
			.anyMatch(k -> k.contains("engine.flag.unknownCriterion"))
			.anyMatch(k -> k.contains("engine.flag.unmentioned"))
			.contains("");
	}

	private static List<Reason> expectedFlags(ClaimsCase c, int met) {
		List<Reason> flags = new ArrayList<>();
		c.unknown().keySet().forEach(number -> flags.add(Reason.of("engine.flag.unknownCriterion", number)));
		c.active()
			.stream()
			.filter(k -> k.claim() == Claim.BOTH)
			.forEach(k -> flags.add(Reason.of("engine.flag.both", k.number())));
		boolean anyClaim = !c.unknown().isEmpty() || c.all().stream().anyMatch(k -> k.claim() != Claim.ABSENT);
		if (anyClaim) {
			long listed = c.counted().stream().filter(k -> k.claim() == Claim.MET || k.claim() == Claim.BOTH).count();
			if (c.stated() != null && c.stated() != listed) {
				flags.add(Reason.of("engine.flag.countVersusList", c.stated(), listed));
			}
			if (c.stated() != null && c.stated() != met && listed != met) {
				flags.add(Reason.of("engine.flag.countVersusResult", c.stated(), met));
			}
			List<String> unmentioned = c.counted()
				.stream()
				.filter(k -> k.claim() == Claim.ABSENT)
				.map(Crit::number)
				.toList();
			if (!unmentioned.isEmpty()) {
				flags.add(Reason.of("engine.flag.unmentioned", String.join(", ", unmentioned)));
			}
		}
		return flags;
	}

	@Test
	void titleQualifiesOnlyWhenEverythingIsMetAndPrerequisitesHeld() {
		Map<String, Integer> tally = new TreeMap<>();
		Properties.forAll(6_007L, 2_000, EvaluatorPropertiesTests::summaryCase, c -> {
			boolean prerequisitesHeld = c.titles().containsAll(c.prerequisites());
			boolean anyFailing = c.active().stream().anyMatch(k -> k.claim().failing());
			boolean anyUndecided = c.active().stream().anyMatch(k -> k.claim() == Claim.ABSENT);
			TitleVerdict.Outcome expected = !prerequisitesHeld || anyFailing ? TitleVerdict.Outcome.DOES_NOT_QUALIFY
					: anyUndecided || c.active().isEmpty() ? TitleVerdict.Outcome.INCOMPLETE
							: TitleVerdict.Outcome.QUALIFIES;
			assertThat(c.evaluate().title().outcome()).isEqualTo(expected);
			count(tally, expected.name());
		});
		assertThat(tally).containsKeys("QUALIFIES", "DOES_NOT_QUALIFY", "INCOMPLETE");
	}

	@Test
	void summaryExampleLikeTamPhu() {
		// 1 met, 2 stated both, 3 not met, 4 met, 5 not mentioned; the source writes 2
		List<Crit> all = List.of(new Crit("1", CriterionKind.CRITERION, false, false, Claim.MET),
				new Crit("2", CriterionKind.CRITERION, false, false, Claim.BOTH),
				new Crit("3", CriterionKind.CRITERION, false, false, Claim.NOT_MET),
				new Crit("10", CriterionKind.CRITERION, false, false, Claim.MET),
				new Crit("5", CriterionKind.CRITERION, false, false, Claim.ABSENT));
		Evaluation evaluation = new ClaimsCase(QD_18, all, Map.of(), 2, List.of(), Set.of()).evaluate();
		assertThat(evaluation.summary().notation()).isEqualTo("2 (2, 3)");
		assertThat(evaluation.summary().ratio()).isEqualTo("2/5");
		assertThat(evaluation.sourceFlags()).containsExactlyInAnyOrder(Reason.of("engine.flag.both", "2"),
				Reason.of("engine.flag.countVersusList", 2, 3L), Reason.of("engine.flag.unmentioned", "5"));
		// 2 of 5 failing (40%), none critical, 5 undecided could make it 60%
		assertThat(evaluation.revocation().outcome()).isEqualTo(RevocationVerdict.Outcome.INCOMPLETE);
	}

	// =====================================================================
	// 7. Formulas
	// =====================================================================

	record FormulaCase(String expression, @Nullable Value a, @Nullable Value b, boolean divisible) {

		@Nullable Ratio numeric(@Nullable Value value) {
			if (value == null) {
				return null;
			}
			if (value instanceof Value.Fraction f) {
				return new Ratio(f.numerator().multiply(BigInteger.valueOf(100)), f.denominator());
			}
			if (value instanceof Value.Flag flag) {
				return Ratio.of(flag.value() ? 1 : 0, 1);
			}
			return Ratio.of(((Value.Number) value).value());
		}

	}

	static FormulaCase formulaCase(Random random) {
		String expression = oneOf(random, "[5.1] / [5.2]", "[5.1]/[5.2]", " [ 5.1 ] / [5.2] ");
		if (chance(random, 0.15)) {
			long b = between(random, 1L, 1_000_000L);
			long q = between(random, 0L, 1_000_000L);
			return new FormulaCase(expression, number(b * q, 1), number(b, 1), true);
		}
		Value a = chance(random, 0.1) ? null : positive(random, true);
		Value b = switch (random.nextInt(10)) {
			case 0 -> null;
			case 1 -> oneOf(random, number(0, 1), new Value.Flag(false), Value.Fraction.of(0, between(random, 1, 9)));
			default -> positive(random, false);
		};
		return new FormulaCase(expression, a, b, false);
	}

	/** A decimal with up to 6 places up to 10^12, a count over a count, or a flag. */
	private static Value positive(Random random, boolean zeroAllowed) {
		int roll = random.nextInt(20);
		if (roll < 3) {
			long whole = between(random, 1, 1000);
			return Value.Fraction.of(between(random, zeroAllowed ? 0 : 1, whole), whole);
		}
		if (roll < 4) {
			return new Value.Flag(true);
		}
		int scale = between(random, 0, 6);
		long unscaled = between(random, zeroAllowed ? 0L : 1L, oneOf(random, 1_000L, 1_000_000L, 1_000_000_000_000L));
		return new Value.Number(Numbers.of(BigDecimal.valueOf(unscaled, scale)));
	}

	private static Evaluation evaluateFormula(String expression, @Nullable Value a, @Nullable Value b,
			@Nullable Requirement requirement) {
		IndicatorDef first = indicator("5.1", ValueType.AMOUNT, true, IndicatorSource.ENTERED, null, null);
		IndicatorDef second = indicator("5.2", ValueType.AMOUNT, true, IndicatorSource.ENTERED, null, null);
		IndicatorDef ratio = indicator("5.3", ValueType.AMOUNT, false, new IndicatorSource.Formula(expression),
				requirement, null);
		Map<String, Value> values = new HashMap<>();
		if (a != null) {
			values.put("5.1", a);
		}
		if (b != null) {
			values.put("5.2", b);
		}
		return evaluate(set(List.of(criterion("5", MetRule.ALL, List.of(first, second, ratio))), null), values);
	}

	@Test
	void formulaDividesExactlyEnoughAndSaysWhyWhenItCannot() {
		Map<String, Integer> tally = new TreeMap<>();
		Ratio tolerance = new Ratio(BigInteger.ONE, BigInteger.TEN.pow(20));
		Properties.forAll(7_007L, 2_000, EvaluatorPropertiesTests::formulaCase, c -> {
			IndicatorResult result = indicatorResult(
					evaluateFormula(c.expression(), c.a(), c.b(), compare(Op.GE, BigFraction.of(1))), "5.3");
			Ratio a = c.numeric(c.a());
			Ratio b = c.numeric(c.b());
			if (a == null || b == null) {
				List<String> missing = new ArrayList<>();
				if (a == null) {
					missing.add("5.1");
				}
				if (b == null) {
					missing.add("5.2");
				}
				assertThat(result.value()).isNull();
				assertThat(result.status()).isEqualTo(Status.NO_DATA);
				assertThat(result.reasons())
					.containsExactly(Reason.of("engine.formula.missing", "5.3", String.join(", ", missing)));
				count(tally, "missing");
				return;
			}
			if (b.signum() == 0) {
				assertThat(result.value()).isNull();
				assertThat(result.status()).isEqualTo(Status.NO_DATA);
				assertThat(result.reasons())
					.containsExactly(Reason.of("engine.formula.divZero", "5.3", c.expression().strip()));
				count(tally, "divZero");
				return;
			}
			Ratio exact = a.dividedBy(b);
			assertThat(result.value()).isInstanceOf(Value.Number.class);
			Ratio computed = Ratio.of(result.value().numeric());
			if (c.divisible() || a.signum() == 0) {
				assertThat(computed.sameValue(exact)).as("exact quotient %s, got %s", exact, computed).isTrue();
			}
			// relative error below 10^-20: 20 significant digits agree
			assertThat(computed.minus(exact).abs().compareTo(exact.abs().times(tolerance)))
				.as("%s ≈ %s", computed, exact)
				.isLessThanOrEqualTo(0);
			assertThat(result.status()).isEqualTo(metOrNot(computed.compareTo(Ratio.of(1, 1)) >= 0));
			count(tally, "computed");
		});
		assertThat(tally.get("missing")).isGreaterThan(100);
		assertThat(tally.get("divZero")).isGreaterThan(100);
		assertThat(tally.get("computed")).isGreaterThan(1_000);
	}

	@Test
	void formulaExamples() {
		// Tam Kỳ: 2,031,183.13 m² of green land for 123,991 people
		IndicatorResult green = indicatorResult(evaluateFormula("[5.1] / [5.2]", decimal("2031183.13"),
				decimal("123991"), compare(Op.GE, BigFraction.of(10))), "5.3");
		assertThat(green.value().display()).isEqualTo("16,38");
		assertThat(green.status()).isEqualTo(Status.MET);
		IndicatorResult third = indicatorResult(evaluateFormula("[5.1] / [5.2]", decimal("1"), decimal("3"), null),
				"5.3");
		assertThat(new BigDecimal(third.value().numeric().getNumerator())
			.divide(new BigDecimal(third.value().numeric().getDenominator()), new java.math.MathContext(20)))
			.isEqualByComparingTo("0.33333333333333333333");
		assertThat(indicatorResult(evaluateFormula("[5.1] / [5.2]", decimal("5"), decimal("0"), null), "5.3").reasons())
			.extracting(Reason::key)
			.containsExactly("engine.formula.divZero");
		assertThat(indicatorResult(evaluateFormula("[5.1] / [5.2]", null, decimal("4"), null), "5.3").reasons())
			.containsExactly(Reason.of("engine.formula.missing", "5.3", "5.1"));
		assertThat(indicatorResult(evaluateFormula("[5.1] / [5.2]", null, null, null), "5.3").reasons())
			.containsExactly(Reason.of("engine.formula.missing", "5.3", "5.1, 5.2"));
	}

	private static Value decimal(String text) {
		return new Value.Number(Numbers.of(new BigDecimal(text)));
	}

	record ShareFormulaCase(String expression, long part, long whole, Op op, String threshold) {
	}

	/**
	 * A share computed by a formula from two counts, compared with a threshold equal to
	 * that share: the same comparison as a Fraction of the same counts.
	 */
	@Test
	void formulaShareAtAFractionThresholdComparesLikeTheFraction() {
		Properties.forAll(7_008L, 1_000, random -> {
			long whole = between(random, 1, 30);
			long part = between(random, 0, whole);
			String expression = oneOf(random, "[5.1] * 100 / [5.2]", "[5.1] / [5.2] * 100");
			return new ShareFormulaCase(expression, part, whole, oneOf(random, Op.values()), 100 * part + "/" + whole);
		}, c -> {
			Requirement required = compare(c.op(), Numbers.parse(c.threshold()).orElseThrow());
			IndicatorResult byFormula = indicatorResult(
					evaluateFormula(c.expression(), number(c.part(), 1), number(c.whole(), 1), required), "5.3");
			assertThat(byFormula.status()).isEqualTo(metOrNot(holds(c.op(), 0)));
		});
	}

}
