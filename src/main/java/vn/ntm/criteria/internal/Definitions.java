package vn.ntm.criteria.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;
import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetDocument.CriterionDoc;
import vn.ntm.criteria.SetDocument.IndicatorDoc;
import vn.ntm.criteria.SetDocument.RequirementDoc;
import vn.ntm.criteria.SetDocument.ValueFromDoc;
import vn.ntm.criteria.engine.ChildSelector;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.CriterionKind;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.IndicatorSource;
import vn.ntm.criteria.engine.MetRule;
import vn.ntm.criteria.engine.Numbers;
import vn.ntm.criteria.engine.Op;
import vn.ntm.criteria.engine.Requirement;
import vn.ntm.criteria.engine.RevocationRule;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.ThresholdRule;
import vn.ntm.criteria.engine.ValueType;
import vn.ntm.orgunit.UnitType;

/**
 * Turns a checked set document into the engine's definition.
 */
final class Definitions {

	private Definitions() {
	}

	static SetDefinition of(long id, SetDocument doc, Map<String, String> titleNames) {
		List<CriterionDef> criteria = new ArrayList<>();
		for (CriterionDoc criterion : list(doc.criteria())) {
			List<IndicatorDef> indicators = new ArrayList<>();
			for (IndicatorDoc indicator : list(criterion.indicators())) {
				indicators.add(indicator(indicator));
			}
			criteria.add(new CriterionDef(criterion.number(), criterion.name(), criterion.group(),
					"CONDITION".equals(criterion.kind()) ? CriterionKind.CONDITION : CriterionKind.CRITERION,
					rule(criterion.rule()), criterion.critical(), criterion.retired(), indicators));
		}
		List<ThresholdRule> rules = list(doc.thresholdRules()).stream()
			.map(r -> new ThresholdRule(r.ifScheme(), Set.copyOf(r.ifValues()), r.use()))
			.toList();
		RevocationRule revocation = doc.revocation() == null ? null
				: new RevocationRule(doc.revocation().failShare(), doc.revocation().criticalFailShare());
		return new SetDefinition(id, doc.code(), doc.version() == null ? 1 : doc.version(), doc.name(), doc.title(),
				doc.thresholdScheme(), rules, list(doc.prerequisites()), revocation, criteria, titleNames);
	}

	/**
	 * The titles a document refers to: its own, prerequisites, those counted below it.
	 */
	static Set<String> titlesUsed(SetDocument doc) {
		Set<String> titles = new LinkedHashSet<>();
		if (doc.title() != null) {
			titles.add(doc.title());
		}
		titles.addAll(list(doc.prerequisites()));
		for (CriterionDoc criterion : list(doc.criteria())) {
			for (IndicatorDoc indicator : list(criterion.indicators())) {
				if (indicator.valueFrom() != null && indicator.valueFrom().title() != null) {
					titles.add(indicator.valueFrom().title());
				}
			}
		}
		return titles;
	}

	private static MetRule rule(SetDocument.@Nullable RuleDoc rule) {
		if (rule == null) {
			return MetRule.ALL;
		}
		return switch (rule.kind()) {
			case "AT_LEAST" -> new MetRule.AtLeast(rule.count());
			case "POINTS" -> new MetRule.Points(Numbers.parse(rule.min()).orElseThrow());
			default -> MetRule.ALL;
		};
	}

	private static IndicatorDef indicator(IndicatorDoc doc) {
		Map<String, Requirement> requirements = new LinkedHashMap<>();
		for (RequirementDoc requirement : list(doc.requirements())) {
			String forClass = requirement.forClass() == null || requirement.forClass().isBlank() ? IndicatorDef.ALL
					: requirement.forClass();
			requirements.put(forClass, requirement(requirement));
		}
		BigFraction maxPoints = doc.maxPoints() == null ? null : Numbers.parse(doc.maxPoints()).orElse(null);
		BigFraction maxValue = doc.maxValue() == null ? null : Numbers.parse(doc.maxValue()).orElse(null);
		return new IndicatorDef(doc.code(), doc.name(), ValueType.valueOf(doc.type()), doc.unit(),
				Boolean.TRUE.equals(doc.input()), source(doc.valueFrom()), requirements, maxPoints, list(doc.choices()),
				maxValue);
	}

	static Requirement requirement(RequirementDoc doc) {
		return switch (doc.op()) {
			case "EXPECT" ->
				new Requirement.Expect(Boolean.parseBoolean(doc.value()), doc.printed(), doc.note(), doc.source());
			case "IN" ->
				new Requirement.OneOf(new LinkedHashSet<>(list(doc.values())), doc.printed(), doc.note(), doc.source());
			case "TEXT" -> new Requirement.Described(doc.text(), doc.printed(), doc.note(), doc.source());
			default -> new Requirement.Compare(Op.valueOf(doc.op()), Numbers.parse(doc.value()).orElseThrow(),
					doc.printed(), doc.note(), doc.source());
		};
	}

	private static IndicatorSource source(@Nullable ValueFromDoc from) {
		if (from == null) {
			return IndicatorSource.ENTERED;
		}
		return switch (from.kind()) {
			case "FORMULA" -> new IndicatorSource.Formula(from.expression());
			case "CHILD_SHARE" -> new IndicatorSource.ChildShare(from.title(), selector(from));
			case "CHILD_COUNT" -> new IndicatorSource.ChildCount(from.title(), selector(from));
			case "CHILD_MIN_CRITERIA" -> new IndicatorSource.ChildMinCriteria(from.set(), selector(from));
			case "TITLE_HELD" -> new IndicatorSource.TitleHeld(from.title());
			default -> IndicatorSource.ENTERED;
		};
	}

	private static ChildSelector selector(ValueFromDoc from) {
		Set<UnitType> types = EnumSet.noneOf(UnitType.class);
		list(from.types()).forEach(t -> types.add(UnitType.valueOf(t)));
		return new ChildSelector(from.level(), types, from.scheme(), Set.copyOf(list(from.values())));
	}

	private static <T> List<T> list(@Nullable List<T> list) {
		return list == null ? List.of() : list;
	}

}
