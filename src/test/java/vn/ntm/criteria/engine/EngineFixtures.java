package vn.ntm.criteria.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;
import org.jspecify.annotations.Nullable;

/**
 * Small builders for the engine's records and random helpers for the generators of the
 * property tests.
 */
final class EngineFixtures {

	private EngineFixtures() {
	}

	// ---------------------------------------------------------------- builders

	static Requirement.Compare compare(Op op, BigFraction value) {
		return new Requirement.Compare(op, value, null, null, null);
	}

	static Requirement.Expect expect(boolean value) {
		return new Requirement.Expect(value, null, null, null);
	}

	static Requirement.Described described(String text) {
		return new Requirement.Described(text, null, null, null);
	}

	/** An entered indicator with one requirement for every unit (or none). */
	static IndicatorDef entered(String code, ValueType type, @Nullable Requirement requirement) {
		return indicator(code, type, false, IndicatorSource.ENTERED, requirement, null);
	}

	static IndicatorDef indicator(String code, ValueType type, boolean input, IndicatorSource source,
			@Nullable Requirement requirement, @Nullable BigFraction maxPoints) {
		Map<String, Requirement> requirements = requirement == null ? Map.of() : Map.of(IndicatorDef.ALL, requirement);
		return new IndicatorDef(code, "Chỉ tiêu " + code, type, null, input, source, requirements, maxPoints,
				List.of());
	}

	static CriterionDef criterion(String number, MetRule rule, List<IndicatorDef> indicators) {
		return new CriterionDef(number, "Tiêu chí " + number, null, CriterionKind.CRITERION, rule, false, false,
				indicators);
	}

	/** A criterion without indicators: only a result entered for it decides it. */
	static CriterionDef bare(String number, CriterionKind kind, boolean critical, boolean retired) {
		return new CriterionDef(number, "Tiêu chí " + number, null, kind, MetRule.ALL, critical, retired, List.of());
	}

	static SetDefinition set(List<CriterionDef> criteria, @Nullable RevocationRule revocation) {
		return set(criteria, revocation, null, List.of());
	}

	static SetDefinition set(List<CriterionDef> criteria, @Nullable RevocationRule revocation,
			@Nullable String thresholdScheme, List<String> prerequisites) {
		return new SetDefinition(1, "TEST", 1, "Bộ tiêu chí thử", "XA_NTM", thresholdScheme, List.of(), prerequisites,
				revocation, criteria, Map.of("XA_NTM", "Xã NTM", "THON_NTM", "Thôn NTM"));
	}

	static Evaluation evaluate(SetDefinition set, Map<String, Value> values) {
		return Evaluator.evaluate(set, UnitFacts.of(1, "Xã thử"), new EvaluationInput(values, Map.of(), null));
	}

	static CriterionResult only(Evaluation evaluation) {
		List<CriterionResult> all = new ArrayList<>(evaluation.criteria());
		all.addAll(evaluation.conditions());
		if (all.size() != 1) {
			throw new IllegalStateException("expected one criterion, got " + all.size());
		}
		return all.get(0);
	}

	static IndicatorResult indicatorResult(Evaluation evaluation, String code) {
		return evaluation.criteria()
			.stream()
			.flatMap(c -> c.indicators().stream())
			.filter(i -> i.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no indicator " + code));
	}

	static Value.Number number(long numerator, long denominator) {
		return new Value.Number(BigFraction.of(numerator, denominator));
	}

	static Value.Number number(BigInteger numerator, BigInteger denominator) {
		return new Value.Number(BigFraction.of(numerator, denominator));
	}

	// ---------------------------------------------------------------- random helpers

	/** Uniform in {@code [from, to]} (both inclusive). */
	static int between(Random random, int from, int to) {
		return from + random.nextInt(to - from + 1);
	}

	static long between(Random random, long from, long to) {
		return from + Math.floorMod(random.nextLong(), to - from + 1);
	}

	static boolean chance(Random random, double probability) {
		return random.nextDouble() < probability;
	}

	@SafeVarargs
	static <T> T oneOf(Random random, T... choices) {
		return choices[random.nextInt(choices.length)];
	}

	static <T> T oneOf(Random random, List<T> choices) {
		return choices.get(random.nextInt(choices.size()));
	}

	/** Each element with probability {@code probability}, in the given order. */
	static <T> Set<T> subset(Random random, Collection<T> all, double probability) {
		Set<T> chosen = new LinkedHashSet<>();
		for (T element : all) {
			if (chance(random, probability)) {
				chosen.add(element);
			}
		}
		return chosen;
	}

}
