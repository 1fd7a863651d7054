package vn.ntm.criteria.engine;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.numbers.fraction.BigFraction;
import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.engine.CriterionResult.Basis;
import vn.ntm.shared.VnFormat;

/**
 * Applies a criteria set to a unit. Stateless and thread-safe; one call evaluates one
 * unit.
 * <p>
 * Indicators are decided by comparing their value (entered, computed by a formula, or
 * derived from lower units and titles) with the requirement for the unit's
 * classification. A criterion is decided by the result entered for it when there is one
 * (as the documents report), else by its rule over its indicators. Nothing is guessed: a
 * missing value or threshold leaves the criterion undecided and says so.
 */
public final class Evaluator {

	private static final Map<String, Formula> FORMULAS = new ConcurrentHashMap<>();

	private static final int FORMULA_CACHE_LIMIT = 10_000;

	private Evaluator() {
	}

	public static Evaluation evaluate(SetDefinition set, UnitFacts facts, EvaluationInput input) {
		List<Reason> classReasons = new ArrayList<>();
		String thresholdClass = thresholdClass(set, facts, classReasons);
		List<Reason> flags = new ArrayList<>();
		Values values = new Values(set, facts, input);
		checkInputCodes(set, input, flags);

		List<CriterionResult> criteria = new ArrayList<>();
		List<CriterionResult> conditions = new ArrayList<>();
		List<String> missingThresholds = new ArrayList<>();
		List<String> withoutIndicators = new ArrayList<>();
		for (CriterionDef criterion : set.active()) {
			List<IndicatorResult> own = new ArrayList<>();
			List<IndicatorResult> indicators = new ArrayList<>();
			boolean indicatorsAppraised = false;
			for (IndicatorDef indicator : criterion.indicators()) {
				IndicatorResult result = indicator(indicator, thresholdClass, values.get(indicator.code()));
				own.add(result);
				Appraisal appraisal = indicator.input() ? null : input.indicatorAppraisals().get(indicator.code());
				if (appraisal != null) {
					indicatorsAppraised = true;
					result = appraised(result, appraisal);
				}
				indicators.add(result);
				if (!indicator.input() && indicator.requirementFor(thresholdClass) == null
						&& indicator.type() != ValueType.BOOLEAN) {
					missingThresholds.add(indicator.code());
				}
			}
			if (criterion.indicators().isEmpty()) {
				withoutIndicators.add(criterion.number());
			}
			CriterionResult result = criterion(criterion, own, input.claims().get(criterion.number()), flags);
			result = appraised(criterion, result, indicatorsAppraised ? indicators : null,
					input.criterionAppraisals().get(criterion.number()));
			(criterion.kind() == CriterionKind.CRITERION ? criteria : conditions).add(result);
		}
		Summary summary = criteria.isEmpty() && !conditions.isEmpty() ? summary(conditions, CriterionKind.CONDITION)
				: summary(criteria, CriterionKind.CRITERION);
		checkStatedCount(input, summary.ofConditions() ? conditions : criteria, summary, flags);
		TitleVerdict title = title(set, facts, criteria, conditions);
		RevocationVerdict revocation = recognisedOnly(set, facts, revocation(set, criteria));
		return new Evaluation(set.id(), set.code(), set.version(), facts.unitId(), thresholdClass, classReasons,
				criteria, conditions, summary, title, revocation, flags, missingThresholds, withoutIndicators);
	}

	/**
	 * The classification value whose thresholds apply: the unit's value of the set's
	 * scheme, unless a rule of the set sends units like it to another value's thresholds.
	 */
	static @Nullable String thresholdClass(SetDefinition set, UnitFacts facts, List<Reason> reasons) {
		String scheme = set.thresholdScheme();
		if (scheme == null) {
			return null;
		}
		for (ThresholdRule rule : set.thresholdRules()) {
			Set<String> held = facts.classifications().getOrDefault(rule.ifScheme(), Set.of());
			for (String value : new TreeSet<>(held)) {
				if (rule.ifValues().contains(value)) {
					reasons.add(Reason.of("engine.class.byRule", value, rule.use()));
					return rule.use();
				}
			}
		}
		Set<String> own = facts.classifications().getOrDefault(scheme, Set.of());
		if (own.isEmpty()) {
			reasons.add(Reason.of("engine.class.unknown", scheme));
			return null;
		}
		String value = new TreeSet<>(own).first();
		if (own.size() > 1) {
			reasons.add(Reason.of("engine.class.several", scheme, String.join(", ", new TreeSet<>(own)), value));
		}
		return value;
	}

	private static void checkInputCodes(SetDefinition set, EvaluationInput input, List<Reason> flags) {
		Set<String> criteria = new HashSet<>();
		Set<String> indicators = new HashSet<>();
		for (CriterionDef criterion : set.criteria()) {
			criteria.add(criterion.number());
			criterion.indicators().forEach(i -> indicators.add(i.code()));
		}
		for (String number : new TreeSet<>(input.claims().keySet())) {
			if (!criteria.contains(number)) {
				flags.add(Reason.of("engine.flag.unknownCriterion", number));
			}
		}
		for (String code : new TreeSet<>(input.values().keySet())) {
			if (!indicators.contains(code)) {
				flags.add(Reason.of("engine.flag.unknownIndicator", code));
			}
		}
	}

	private static IndicatorResult indicator(IndicatorDef def, @Nullable String thresholdClass, Derived derived) {
		String kind = def.source().kind();
		Value value = derived.value();
		List<Reason> reasons = new ArrayList<>(derived.reasons());
		Requirement requirement = def.requirementFor(thresholdClass);
		if (def.input()) {
			return new IndicatorResult(def.code(), def.name(), def.type(), def.unit(), kind, value, requirement,
					Status.INFO, value == null && reasons.isEmpty()
							? List.of(Reason.of("engine.indicator.noValue", def.code())) : reasons);
		}
		if (requirement == null && def.type() == ValueType.BOOLEAN) {
			// a yes/no the documents give no bar for: "Có" meets it — "Không" for a bad
			// thing ("nhà tạm, dột nát"), which the catalog flags for its owners
			requirement = implied(def);
			reasons.add(Reason.of("engine.indicator.impliedBar", def.code(), requirement.display()));
		}
		if (value == null) {
			if (reasons.isEmpty() || reasons.stream().allMatch(r -> r.key().equals("engine.indicator.impliedBar"))) {
				reasons.add(Reason.of("engine.indicator.noValue", def.code()));
			}
			return new IndicatorResult(def.code(), def.name(), def.type(), def.unit(), kind, null, requirement,
					Status.NO_DATA, reasons);
		}
		if (value instanceof Value.Verdict verdict) {
			String met = verdict.met() ? "engine.status.MET" : "engine.status.NOT_MET";
			reasons.add(verdict.reason() == null ? Reason.of("engine.indicator.stated", def.code(), met)
					: Reason.of("engine.indicator.statedWhy", def.code(), met, verdict.reason()));
			return new IndicatorResult(def.code(), def.name(), def.type(), def.unit(), kind, value, requirement,
					verdict.met() ? Status.MET : Status.NOT_MET, reasons);
		}
		if (requirement == null) {
			boolean byClass = def.requirements().keySet().stream().anyMatch(k -> !IndicatorDef.ALL.equals(k));
			reasons.add(thresholdClass == null && byClass ? Reason.of("engine.indicator.noClass", def.code())
					: Reason.of("engine.indicator.noThreshold", def.code()));
			return new IndicatorResult(def.code(), def.name(), def.type(), def.unit(), kind, value, null,
					Status.NO_THRESHOLD, reasons);
		}
		Status status;
		String shown = value.display() + unitSuffix(def, value);
		if (requirement instanceof Requirement.Compare compare) {
			BigFraction number = value.numeric();
			if (number == null) {
				reasons.add(Reason.of("engine.indicator.notNumber", def.code(), shown));
				status = Status.NO_DATA;
			}
			else {
				boolean met = compare.op().test(number, compare.value());
				status = met ? Status.MET : Status.NOT_MET;
				reasons.add(Reason.of(met ? "engine.indicator.met" : "engine.indicator.notMet", def.code(), shown,
						compare.display() + unitSuffix(def, null)));
			}
		}
		else if (requirement instanceof Requirement.Expect expect) {
			if (value instanceof Value.Flag flag) {
				boolean met = flag.value() == expect.value();
				status = met ? Status.MET : Status.NOT_MET;
				reasons.add(Reason.of(met ? "engine.indicator.met" : "engine.indicator.notMet", def.code(), shown,
						expect.display()));
			}
			else {
				reasons.add(Reason.of("engine.indicator.notFlag", def.code(), shown));
				status = Status.NO_DATA;
			}
		}
		else if (requirement instanceof Requirement.OneOf oneOf) {
			String answer = value instanceof Value.Choice choice ? choice.value()
					: value.numeric() == null ? value.display() : Numbers.toText(value.numeric());
			boolean met = oneOf.values().contains(answer);
			status = met ? Status.MET : Status.NOT_MET;
			reasons.add(Reason.of(met ? "engine.indicator.met" : "engine.indicator.notMet", def.code(), shown,
					oneOf.display()));
		}
		else {
			Requirement.Described described = (Requirement.Described) requirement;
			if (value instanceof Value.Flag flag) {
				status = flag.value() ? Status.MET : Status.NOT_MET;
				reasons.add(Reason.of(flag.value() ? "engine.indicator.judgedMet" : "engine.indicator.judgedNotMet",
						def.code(), described.text()));
			}
			else {
				status = Status.NEEDS_JUDGEMENT;
				reasons.add(Reason.of("engine.indicator.needsJudgement", def.code(), shown, described.text()));
			}
		}
		return new IndicatorResult(def.code(), def.name(), def.type(), def.unit(), kind, value, requirement, status,
				reasons);
	}

	private static String unitSuffix(IndicatorDef def, @Nullable Value value) {
		if (def.type() == ValueType.PERCENT) {
			return value instanceof Value.Fraction ? "" : "%";
		}
		return def.unit() == null || def.unit().isBlank() ? "" : " " + def.unit();
	}

	private static CriterionResult criterion(CriterionDef def, List<IndicatorResult> indicators,
			@Nullable Set<Boolean> claims, List<Reason> flags) {
		List<Reason> reasons = new ArrayList<>();
		Status fromIndicators = fromIndicators(def, indicators, reasons);
		if (claims != null && !claims.isEmpty()) {
			Status stated = claims.size() > 1 ? Status.CONFLICT
					: claims.contains(Boolean.TRUE) ? Status.MET : Status.NOT_MET;
			List<Reason> direct = new ArrayList<>();
			direct.add(Reason.of(switch (stated) {
				case MET -> "engine.criterion.statedMet";
				case NOT_MET -> "engine.criterion.statedNotMet";
				default -> "engine.criterion.statedBoth";
			}, def.number()));
			if (stated == Status.CONFLICT) {
				flags.add(Reason.of("engine.flag.both", def.number()));
			}
			else if ((fromIndicators == Status.MET || fromIndicators == Status.NOT_MET) && fromIndicators != stated) {
				direct.add(Reason.of("engine.criterion.indicatorsDisagree", def.number()));
				flags.add(Reason.of("engine.flag.indicatorsDisagree", def.number()));
			}
			direct.addAll(reasons);
			return new CriterionResult(def.number(), def.name(), def.kind(), def.critical(), stated, Basis.DIRECT,
					fromIndicators, direct, indicators);
		}
		Basis basis = indicators.isEmpty() || fromIndicators == Status.NO_DATA ? Basis.NONE : Basis.INDICATORS;
		return new CriterionResult(def.number(), def.name(), def.kind(), def.critical(), fromIndicators, basis,
				fromIndicators, reasons, indicators);
	}

	private static Status fromIndicators(CriterionDef def, List<IndicatorResult> all, List<Reason> reasons) {
		List<IndicatorResult> indicators = all.stream().filter(i -> i.status() != Status.INFO).toList();
		if (indicators.isEmpty()) {
			reasons.add(Reason.of("engine.criterion.noIndicators", def.number()));
			return Status.NO_DATA;
		}
		List<String> met = new ArrayList<>();
		List<String> failing = new ArrayList<>();
		List<String> undecided = new ArrayList<>();
		boolean anyValue = false;
		for (IndicatorResult indicator : indicators) {
			anyValue |= indicator.value() != null || indicator.appraisal() != null;
			if (indicator.status() == Status.MET) {
				met.add(indicator.code());
			}
			else if (indicator.status().failing()) {
				failing.add(indicator.code());
			}
			else {
				undecided.add(indicator.code());
			}
		}
		if (def.rule() instanceof MetRule.Points points) {
			return byPoints(def, points, indicators, reasons);
		}
		int needed = def.rule() instanceof MetRule.AtLeast atLeast ? Math.min(atLeast.count(), indicators.size())
				: indicators.size();
		if (met.size() >= needed) {
			reasons.add(needed == indicators.size() ? Reason.of("engine.criterion.allMet", def.number())
					: Reason.of("engine.criterion.atLeastMet", def.number(), met.size(), needed));
			if (!failing.isEmpty()) {
				reasons.add(Reason.of("engine.criterion.failing", def.number(), String.join(", ", failing)));
			}
			return Status.MET;
		}
		if (met.size() + undecided.size() < needed) {
			if (needed == indicators.size()) {
				reasons.add(Reason.of("engine.criterion.failing", def.number(), String.join(", ", failing)));
			}
			else {
				reasons.add(Reason.of("engine.criterion.atLeastNotMet", def.number(), met.size(), needed,
						String.join(", ", failing)));
			}
			return Status.NOT_MET;
		}
		if (!anyValue) {
			reasons.add(Reason.of("engine.criterion.noData", def.number()));
			return Status.NO_DATA;
		}
		reasons.add(Reason.of("engine.criterion.undecided", def.number(), String.join(", ", undecided)));
		if (!failing.isEmpty()) {
			reasons.add(Reason.of("engine.criterion.failing", def.number(), String.join(", ", failing)));
		}
		return Status.INCOMPLETE;
	}

	private static Status byPoints(CriterionDef def, MetRule.Points rule, List<IndicatorResult> indicators,
			List<Reason> reasons) {
		BigFraction known = BigFraction.ZERO;
		BigFraction possible = BigFraction.ZERO;
		boolean bounded = true;
		List<String> missing = new ArrayList<>();
		Map<String, IndicatorDef> defs = new HashMap<>();
		def.indicators().forEach(i -> defs.put(i.code(), i));
		for (IndicatorResult indicator : indicators) {
			BigFraction points = indicator.value() == null ? null : indicator.value().numeric();
			if (points != null) {
				known = known.add(points);
			}
			else {
				missing.add(indicator.code());
				BigFraction max = defs.get(indicator.code()).maxPoints();
				if (max == null) {
					bounded = false;
				}
				else {
					possible = possible.add(max);
				}
			}
		}
		String total = Numbers.display(known);
		String min = Numbers.display(rule.min());
		if (known.compareTo(rule.min()) >= 0) {
			reasons.add(Reason.of("engine.criterion.pointsMet", def.number(), total, min));
			return Status.MET;
		}
		if (missing.isEmpty() || (bounded && known.add(possible).compareTo(rule.min()) < 0)) {
			reasons.add(Reason.of("engine.criterion.pointsNotMet", def.number(), total, min));
			return Status.NOT_MET;
		}
		reasons
			.add(Reason.of("engine.criterion.pointsUndecided", def.number(), total, min, String.join(", ", missing)));
		return missing.size() == indicators.size() ? Status.NO_DATA : Status.INCOMPLETE;
	}

	private static Summary summary(List<CriterionResult> counted, CriterionKind kind) {
		List<String> met = new ArrayList<>();
		List<String> failing = new ArrayList<>();
		List<String> undecided = new ArrayList<>();
		List<String> appraised = new ArrayList<>();
		int indicatorsMet = 0;
		int indicatorsTotal = 0;
		for (CriterionResult criterion : counted) {
			if (criterion.status() == Status.MET) {
				met.add(criterion.number());
			}
			else if (criterion.status().failing()) {
				failing.add(criterion.number());
			}
			else {
				undecided.add(criterion.number());
			}
			if (criterion.appraisedDifferently()) {
				appraised.add(criterion.number());
			}
			for (IndicatorResult indicator : criterion.indicators()) {
				if (indicator.judged()) {
					indicatorsTotal++;
					indicatorsMet += indicator.status() == Status.MET ? 1 : 0;
				}
			}
		}
		return new Summary(met.size(), counted.size(), met, failing, undecided, kind, indicatorsMet, indicatorsTotal,
				appraised);
	}

	/**
	 * The yes/no bar a document leaves unwritten: "Có" meets it, or "Không" when the
	 * indicator names a bad thing.
	 */
	static Requirement implied(IndicatorDef def) {
		return new Requirement.Expect(!Polarity.adverse(def.name()), null, null, null);
	}

	/** An indicator as appraised, the unit's own result kept beside it. */
	private static IndicatorResult appraised(IndicatorResult own, Appraisal appraisal) {
		List<Reason> reasons = new ArrayList<>();
		reasons.add(appraisalReason("engine.indicator.appraised", own.code(), appraisal));
		reasons.addAll(own.reasons());
		return new IndicatorResult(own.code(), own.name(), own.type(), own.unit(), own.sourceKind(), own.value(),
				own.requirement(), appraisal.met() ? Status.MET : Status.NOT_MET, reasons, own.status(), appraisal);
	}

	private static Reason appraisalReason(String key, String code, Appraisal appraisal) {
		String status = appraisal.met() ? "engine.status.MET" : "engine.status.NOT_MET";
		String stage = "engine.stage." + appraisal.stage().name();
		return appraisal.reason() == null ? Reason.of(key, code, stage, appraisal.by(), status)
				: Reason.of(key + "Why", code, stage, appraisal.by(), status, appraisal.reason());
	}

	/**
	 * The criterion as appraised: its own appraisal decides; else, when some of its
	 * indicators were appraised and its indicators (appraised ones as appraised, the
	 * others as entered) decide it, they do; else the unit's own result stands. The
	 * unit's own status is kept whenever an appraisal took part.
	 */
	private static CriterionResult appraised(CriterionDef def, CriterionResult own,
			@Nullable List<IndicatorResult> appraisedIndicators, @Nullable Appraisal appraisal) {
		if (appraisal == null && appraisedIndicators == null) {
			return own;
		}
		List<IndicatorResult> indicators = appraisedIndicators == null ? own.indicators() : appraisedIndicators;
		List<Reason> fromIndicatorsReasons = new ArrayList<>();
		Status fromIndicators = appraisedIndicators == null ? own.fromIndicators()
				: fromIndicators(def, indicators, fromIndicatorsReasons);
		List<Reason> reasons = new ArrayList<>();
		Status status;
		if (appraisal != null) {
			status = appraisal.met() ? Status.MET : Status.NOT_MET;
			reasons.add(appraisalReason("engine.criterion.appraised", def.number(), appraisal));
		}
		else if (fromIndicators == Status.MET || fromIndicators == Status.NOT_MET) {
			status = fromIndicators;
			reasons.add(Reason.of("engine.criterion.byAppraisedIndicators", def.number()));
			reasons.addAll(fromIndicatorsReasons);
		}
		else {
			return new CriterionResult(own.number(), own.name(), own.kind(), own.critical(), own.status(), own.basis(),
					fromIndicators, own.reasons(), indicators, own.status(), null);
		}
		if (own.status() != status) {
			reasons.add(Reason.of("engine.criterion.selfAssessed", def.number(), "engine.status." + own.status()));
		}
		List<String> failing = indicators.stream()
			.filter(i -> i.status().failing())
			.map(IndicatorResult::code)
			.toList();
		if (!failing.isEmpty() && reasons.stream().noneMatch(r -> r.key().startsWith("engine.criterion.failing"))) {
			reasons.add(Reason.of("engine.criterion.failing", def.number(), String.join(", ", failing)));
		}
		return new CriterionResult(own.number(), own.name(), own.kind(), own.critical(), status, Basis.APPRAISED,
				fromIndicators, reasons, indicators, own.status(), appraisal);
	}

	/**
	 * What the source states against what it lists: a stated count that differs from its
	 * list of met criteria, criteria it does not mention at all.
	 */
	private static void checkStatedCount(EvaluationInput input, List<CriterionResult> criteria, Summary summary,
			List<Reason> flags) {
		if (input.claims().isEmpty()) {
			return;
		}
		long listedMet = criteria.stream()
			.filter(c -> input.claims().getOrDefault(c.number(), Set.of()).contains(Boolean.TRUE))
			.count();
		Integer stated = input.statedMetCount();
		if (stated != null && stated != listedMet) {
			flags.add(Reason.of("engine.flag.countVersusList", stated, listedMet));
		}
		if (stated != null && stated != summary.met() && listedMet != summary.met()) {
			flags.add(Reason.of("engine.flag.countVersusResult", stated, summary.met()));
		}
		List<String> unmentioned = criteria.stream()
			.map(CriterionResult::number)
			.filter(n -> !input.claims().containsKey(n))
			.toList();
		if (!unmentioned.isEmpty()) {
			flags.add(Reason.of("engine.flag.unmentioned", String.join(", ", unmentioned)));
		}
	}

	private static TitleVerdict title(SetDefinition set, UnitFacts facts, List<CriterionResult> criteria,
			List<CriterionResult> conditions) {
		List<Reason> reasons = new ArrayList<>();
		boolean failing = false;
		boolean undecided = false;
		for (String prerequisite : set.prerequisites()) {
			if (facts.titles().contains(prerequisite)) {
				reasons.add(Reason.of("engine.title.prerequisiteHeld", set.titleName(prerequisite)));
			}
			else {
				failing = true;
				reasons.add(Reason.of("engine.title.prerequisiteMissing", set.titleName(prerequisite)));
			}
		}
		List<String> failingNumbers = new ArrayList<>();
		List<String> undecidedNumbers = new ArrayList<>();
		for (CriterionResult result : concat(criteria, conditions)) {
			if (result.status().failing()) {
				failingNumbers.add(result.number());
			}
			else if (result.status() != Status.MET) {
				undecidedNumbers.add(result.number());
			}
		}
		if (!failingNumbers.isEmpty()) {
			failing = true;
			reasons.add(Reason.of("engine.title.failing", String.join(", ", failingNumbers)));
		}
		if (!undecidedNumbers.isEmpty()) {
			undecided = true;
			reasons.add(Reason.of("engine.title.undecided", String.join(", ", undecidedNumbers)));
		}
		if (criteria.isEmpty() && conditions.isEmpty()) {
			undecided = true;
			reasons.add(Reason.of("engine.title.empty"));
		}
		TitleVerdict.Outcome outcome = failing ? TitleVerdict.Outcome.DOES_NOT_QUALIFY
				: undecided ? TitleVerdict.Outcome.INCOMPLETE : TitleVerdict.Outcome.QUALIFIES;
		if (outcome == TitleVerdict.Outcome.QUALIFIES) {
			reasons.add(0, Reason.of("engine.title.qualifies"));
		}
		return new TitleVerdict(outcome, reasons);
	}

	private static List<CriterionResult> concat(List<CriterionResult> a, List<CriterionResult> b) {
		List<CriterionResult> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	/**
	 * QĐ 18/2022: revoked when {@code failShare}% or more of the criteria fail, or from
	 * {@code criticalFailShare}% (inclusive) to under {@code failShare}% fail including a
	 * critical one.
	 */
	/**
	 * QĐ 18/2022 concerns recognised units: a unit that does not hold the set's title has
	 * nothing to revoke, whatever its results (the counts stay for information).
	 */
	static RevocationVerdict recognisedOnly(SetDefinition set, UnitFacts facts, RevocationVerdict verdict) {
		if (set.title() == null || facts.titles().contains(set.title())
				|| verdict.outcome() == RevocationVerdict.Outcome.NO_RULE) {
			return verdict;
		}
		return new RevocationVerdict(RevocationVerdict.Outcome.NOT_RECOGNISED, verdict.failing(), verdict.total(),
				verdict.failingShare(), verdict.criticalFailing(),
				List.of(Reason.of("engine.revocation.notRecognised", set.titleName(set.title()))));
	}

	static RevocationVerdict revocation(SetDefinition set, List<CriterionResult> criteria) {
		RevocationRule rule = set.revocation();
		int total = criteria.size();
		int failing = 0;
		int undecided = 0;
		boolean undecidedCritical = false;
		List<String> criticalFailing = new ArrayList<>();
		for (CriterionResult criterion : criteria) {
			if (criterion.status().failing()) {
				failing++;
				if (criterion.critical()) {
					criticalFailing.add(criterion.number());
				}
			}
			else if (criterion.status() != Status.MET) {
				undecided++;
				undecidedCritical |= criterion.critical();
			}
		}
		String share = total == 0 ? "0"
				: VnFormat.number(Numbers.percent(failing, total).bigDecimalValue(2, RoundingMode.HALF_UP), 2);
		List<Reason> reasons = new ArrayList<>();
		if (rule == null || total == 0) {
			reasons.add(Reason.of("engine.revocation.noRule"));
			return new RevocationVerdict(RevocationVerdict.Outcome.NO_RULE, failing, total, share, criticalFailing,
					reasons);
		}
		reasons.add(Reason.of("engine.revocation.share", failing, total, share));
		if (!criticalFailing.isEmpty()) {
			reasons.add(Reason.of("engine.revocation.critical", String.join(", ", criticalFailing)));
		}
		RevocationVerdict.Outcome outcome;
		if (revokes(rule, failing, total, !criticalFailing.isEmpty())) {
			reasons.add(Reason.of(failing * 100L >= (long) rule.failShare() * total ? "engine.revocation.byShare"
					: "engine.revocation.byCritical", rule.failShare(), rule.criticalFailShare()));
			outcome = RevocationVerdict.Outcome.REVOKE;
		}
		else if (undecided > 0
				&& revokes(rule, failing + undecided, total, !criticalFailing.isEmpty() || undecidedCritical)) {
			reasons.add(Reason.of("engine.revocation.undecided", undecided));
			outcome = RevocationVerdict.Outcome.INCOMPLETE;
		}
		else if (failing > 0) {
			reasons.add(Reason.of("engine.revocation.atRisk", rule.failShare(), rule.criticalFailShare()));
			outcome = RevocationVerdict.Outcome.AT_RISK;
		}
		else if (undecided > 0) {
			reasons.add(Reason.of("engine.revocation.undecided", undecided));
			outcome = RevocationVerdict.Outcome.INCOMPLETE;
		}
		else {
			outcome = RevocationVerdict.Outcome.SAFE;
		}
		return new RevocationVerdict(outcome, failing, total, share, criticalFailing, reasons);
	}

	/** Exact: failing/total ≥ share/100 is failing·100 ≥ share·total. */
	static boolean revokes(RevocationRule rule, int failing, int total, boolean critical) {
		long failed = failing * 100L;
		return failed >= (long) rule.failShare() * total
				|| (critical && failed >= (long) rule.criticalFailShare() * total);
	}

	static Formula formula(String expression) {
		Formula cached = FORMULAS.get(expression);
		if (cached != null) {
			return cached;
		}
		Formula parsed = Formula.parse(expression);
		if (FORMULAS.size() < FORMULA_CACHE_LIMIT) {
			FORMULAS.put(expression, parsed);
		}
		return parsed;
	}

	/**
	 * A value with the reasons that explain where it came from (or why there is none).
	 */
	record Derived(@Nullable Value value, List<Reason> reasons) {

		static Derived none(Reason reason) {
			return new Derived(null, List.of(reason));
		}

	}

	/**
	 * The values of a unit's indicators: entered ones as given, the others derived on
	 * first use (formulas may use derived indicators; a cycle leaves the value empty).
	 */
	private static final class Values {

		private final Map<String, IndicatorDef> indicators = new LinkedHashMap<>();

		private final SetDefinition set;

		private final UnitFacts facts;

		private final EvaluationInput input;

		private final Map<String, Derived> done = new HashMap<>();

		private final Set<String> visiting = new HashSet<>();

		Values(SetDefinition set, UnitFacts facts, EvaluationInput input) {
			this.set = set;
			this.facts = facts;
			this.input = input;
			for (CriterionDef criterion : set.criteria()) {
				criterion.indicators().forEach(i -> indicators.putIfAbsent(i.code(), i));
			}
		}

		Derived get(String code) {
			Derived known = done.get(code);
			if (known != null) {
				return known;
			}
			IndicatorDef def = indicators.get(code);
			if (def == null) {
				return Derived.none(Reason.of("engine.formula.unknown", code));
			}
			if (!visiting.add(code)) {
				return Derived.none(Reason.of("engine.formula.cycle", code));
			}
			Derived derived;
			try {
				derived = derive(def);
			}
			finally {
				visiting.remove(code);
			}
			done.put(code, derived);
			return derived;
		}

		private Derived derive(IndicatorDef def) {
			IndicatorSource source = def.source();
			if (source instanceof IndicatorSource.Entered) {
				Value value = input.values().get(def.code());
				return new Derived(value, List.of());
			}
			if (source instanceof IndicatorSource.Formula formula) {
				return byFormula(def, formula.expression());
			}
			if (source instanceof IndicatorSource.TitleHeld held) {
				boolean holds = facts.titles().contains(held.title());
				return new Derived(new Value.Flag(holds),
						List.of(Reason.of(holds ? "engine.derived.titleHeld" : "engine.derived.titleNotHeld",
								set.titleName(held.title()))));
			}
			if (source instanceof IndicatorSource.ChildShare share) {
				List<ChildFacts> selected = select(share.children());
				if (selected.isEmpty()) {
					return Derived.none(Reason.of("engine.derived.noLowerUnits"));
				}
				long holding = selected.stream().filter(c -> c.titles().contains(share.title())).count();
				return new Derived(Value.Fraction.of(holding, selected.size()),
						List.of(Reason.of("engine.derived.share", holding, selected.size(),
								set.titleName(share.title()), notHolding(selected, share.title()))));
			}
			if (source instanceof IndicatorSource.ChildCount count) {
				List<ChildFacts> selected = select(count.children());
				long holding = selected.stream().filter(c -> c.titles().contains(count.title())).count();
				return new Derived(new Value.Number(BigFraction.of(holding)), List
					.of(Reason.of("engine.derived.count", holding, selected.size(), set.titleName(count.title()))));
			}
			IndicatorSource.ChildMinCriteria min = (IndicatorSource.ChildMinCriteria) source;
			List<ChildFacts> selected = select(min.children());
			if (selected.isEmpty()) {
				return Derived.none(Reason.of("engine.derived.noLowerUnits"));
			}
			List<ChildFacts> unknown = selected.stream().filter(c -> c.criteriaMet(min.setCode()) == null).toList();
			if (!unknown.isEmpty()) {
				return Derived.none(Reason.of("engine.derived.minUnknown", unknown.size(), selected.size(),
						unknown.get(0).label()));
			}
			ChildFacts lowest = selected.stream()
				.min(java.util.Comparator.comparing(c -> c.criteriaMet(min.setCode())))
				.orElseThrow();
			int value = lowest.criteriaMet(min.setCode());
			return new Derived(new Value.Number(BigFraction.of(value)),
					List.of(Reason.of("engine.derived.min", value, lowest.label(), selected.size())));
		}

		private static String notHolding(List<ChildFacts> selected, String title) {
			List<String> names = selected.stream()
				.filter(c -> !c.titles().contains(title))
				.map(ChildFacts::label)
				.limit(5)
				.toList();
			long more = selected.stream().filter(c -> !c.titles().contains(title)).count() - names.size();
			return names.isEmpty() ? "—" : String.join(", ", names) + (more > 0 ? " … (+" + more + ")" : "");
		}

		private List<ChildFacts> select(ChildSelector selector) {
			return facts.lowerUnits().stream().filter(selector::selects).toList();
		}

		private Derived byFormula(IndicatorDef def, String expression) {
			Formula formula;
			try {
				formula = formula(expression);
			}
			catch (RuntimeException ex) {
				return Derived.none(Reason.of("engine.formula.invalid", def.code(), expression));
			}
			Map<String, BigFraction> numbers = new HashMap<>();
			List<String> missing = new ArrayList<>();
			for (String reference : formula.references()) {
				Derived input = get(reference);
				BigFraction number = input.value() == null ? null : input.value().numeric();
				if (number == null) {
					missing.add(reference);
				}
				else {
					numbers.put(reference, number);
				}
			}
			if (!missing.isEmpty()) {
				return Derived.none(Reason.of("engine.formula.missing", def.code(), String.join(", ", missing)));
			}
			try {
				Optional<BigFraction> result = formula.evaluate(numbers);
				return result
					.<Derived>map(v -> new Derived(new Value.Number(v),
							List.of(Reason.of("engine.formula.computed", def.code(), formula.text()))))
					.orElseGet(() -> Derived.none(Reason.of("engine.formula.missing", def.code(), "")));
			}
			catch (ArithmeticException ex) {
				return Derived.none(Reason.of("engine.formula.divZero", def.code(), formula.text()));
			}
		}

	}

}
