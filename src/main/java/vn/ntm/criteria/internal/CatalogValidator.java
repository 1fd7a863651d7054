package vn.ntm.criteria.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetDocument.CriterionDoc;
import vn.ntm.criteria.SetDocument.IndicatorDoc;
import vn.ntm.criteria.SetDocument.RequirementDoc;
import vn.ntm.criteria.SetDocument.ValueFromDoc;
import vn.ntm.criteria.engine.Formula;
import vn.ntm.criteria.engine.Numbers;
import vn.ntm.criteria.engine.ValueRules;
import vn.ntm.criteria.engine.ValueType;
import vn.ntm.orgunit.UnitType;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Problem;
import vn.ntm.shared.Problem.Place;
import vn.ntm.shared.RejectedInput;

/**
 * Checks a set document before anything is saved and reports every problem with where it
 * is (the criterion, the indicator, the requirement): codes, types, required values,
 * formulas (syntax, references, cycles), lower-unit selectors, titles and classification
 * values that must exist.
 */
final class CatalogValidator {

	static final Pattern SET_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	static final Pattern ITEM_CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,19}");

	static final Set<String> SOURCE_STATUSES = Set.of("found", "partial", "inferred", "unverified", "not_found");

	static final Set<String> VALUE_KINDS = Set.of("ENTERED", "FORMULA", "CHILD_SHARE", "CHILD_COUNT",
			"CHILD_MIN_CRITERIA", "TITLE_HELD");

	static final Set<String> OPS = Set.of("GE", "GT", "LE", "LT", "EQ", "EXPECT", "IN", "TEXT");

	/**
	 * What the check needs to know outside the document.
	 *
	 * @param titles title code → the level of the units that hold it
	 * @param schemes classification scheme → its values
	 * @param setCodes codes of the sets that exist
	 */
	record Context(Map<String, Integer> titles, Map<String, Set<String>> schemes, Set<String> setCodes) {
	}

	private final Context context;

	private final List<Problem> problems = new ArrayList<>();

	private CatalogValidator(Context context) {
		this.context = context;
	}

	/** Fails with every problem found, or returns when there is none. */
	static void check(SetDocument document, Context context) {
		List<Problem> problems = problems(document, context);
		if (!problems.isEmpty()) {
			throw new RejectedInput("catalog.rejected", problems);
		}
	}

	static List<Problem> problems(SetDocument document, Context context) {
		CatalogValidator validator = new CatalogValidator(context);
		validator.checkSet(document);
		return List.copyOf(validator.problems);
	}

	private void add(List<Place> where, String key, Object... args) {
		problems.add(Problem.at(where, key, args));
	}

	private void checkSet(SetDocument doc) {
		List<Place> here = List.of(new Place("where.set", doc.code() == null ? "?" : doc.code()));
		if (doc.code() == null || !SET_CODE.matcher(doc.code()).matches()) {
			add(here, "catalog.code.invalid", String.valueOf(doc.code()));
		}
		if (doc.name() == null || doc.name().isBlank() || doc.name().length() > 500) {
			add(here, "catalog.name.required");
		}
		if (doc.version() != null && doc.version() < 1) {
			add(here, "catalog.version.invalid", doc.version());
		}
		if (doc.unitLevel() < 1 || doc.unitLevel() > 4) {
			add(here, "catalog.unitLevel.invalid", doc.unitLevel());
		}
		for (String type : list(doc.unitTypes())) {
			UnitType unitType = unitType(type);
			if (unitType == null) {
				add(here, "catalog.unitType.unknown", type);
			}
			else if (unitType.level() != doc.unitLevel()) {
				add(here, "catalog.unitType.level", type, doc.unitLevel());
			}
		}
		if (doc.title() != null) {
			Integer level = context.titles().get(doc.title());
			if (level == null) {
				add(here, "catalog.title.unknown", doc.title());
			}
			else if (level != doc.unitLevel()) {
				add(here, "catalog.title.level", doc.title(), level, doc.unitLevel());
			}
		}
		for (java.time.LocalDate date : java.util.Arrays.asList(doc.validFrom(), doc.validTo(),
				doc.decision() == null ? null : doc.decision().date(), doc.owner() == null ? null : doc.owner().at())) {
			if (!ValueRules.saneDate(date)) {
				add(here, "catalog.date.range", String.valueOf(date), vn.ntm.shared.VnFormat.date(ValueRules.EARLIEST),
						vn.ntm.shared.VnFormat.date(ValueRules.LATEST));
			}
		}
		if (doc.validFrom() != null && doc.validTo() != null && doc.validFrom().isAfter(doc.validTo())) {
			add(here, "catalog.period.invalid");
		}
		if (doc.decision() != null && (doc.decision().number() == null || doc.decision().number().isBlank())) {
			add(here, "catalog.decision.number");
		}
		if (doc.sourceStatus() != null && !SOURCE_STATUSES.contains(doc.sourceStatus())) {
			add(here, "catalog.sourceStatus.invalid", doc.sourceStatus());
		}
		Set<String> classValues = Set.of();
		if (doc.thresholdScheme() != null) {
			classValues = context.schemes().get(doc.thresholdScheme());
			if (classValues == null) {
				add(here, "catalog.scheme.unknown", doc.thresholdScheme());
				classValues = Set.of();
			}
		}
		for (SetDocument.ThresholdRuleDoc rule : list(doc.thresholdRules())) {
			List<Place> at = append(here, new Place("where.thresholdRule", rule.ifScheme()));
			if (doc.thresholdScheme() == null) {
				add(at, "catalog.thresholdRule.noScheme");
			}
			Set<String> values = context.schemes().get(rule.ifScheme());
			if (values == null) {
				add(at, "catalog.scheme.unknown", rule.ifScheme());
			}
			else {
				for (String value : list(rule.ifValues())) {
					if (!values.contains(value)) {
						add(at, "catalog.scheme.value", value, rule.ifScheme());
					}
				}
			}
			if (rule.ifValues() == null || rule.ifValues().isEmpty()) {
				add(at, "catalog.thresholdRule.values");
			}
			if (doc.thresholdScheme() != null && !classValues.contains(rule.use())) {
				add(at, "catalog.scheme.value", rule.use(), doc.thresholdScheme());
			}
		}
		for (String prerequisite : list(doc.prerequisites())) {
			if (!context.titles().containsKey(prerequisite)) {
				add(here, "catalog.title.unknown", prerequisite);
			}
		}
		if (doc.revocation() != null) {
			int fail = doc.revocation().failShare();
			int critical = doc.revocation().criticalFailShare();
			if (critical < 0 || critical > fail || fail > 100 || fail < 1) {
				add(here, "catalog.revocation.invalid", fail, critical);
			}
		}
		if (doc.owner() != null && (doc.owner().code() == null || doc.owner().code().isBlank())) {
			add(here, "catalog.owner.code");
		}
		Set<String> groups = new HashSet<>();
		for (SetDocument.GroupDoc group : list(doc.groups())) {
			if (group.code() == null || group.code().isBlank() || !groups.add(group.code())) {
				add(here, "catalog.group.code", String.valueOf(group.code()));
			}
			if (group.name() == null || group.name().isBlank()) {
				add(append(here, new Place("where.group", String.valueOf(group.code()))), "catalog.group.name");
			}
		}
		List<CriterionDoc> criteria = list(doc.criteria());
		if (criteria.isEmpty()) {
			add(here, "catalog.criteria.empty");
		}
		Set<String> numbers = new HashSet<>();
		Map<String, IndicatorDoc> indicators = new LinkedHashMap<>();
		for (CriterionDoc criterion : criteria) {
			List<Place> at = List.of(new Place("where.criterion", String.valueOf(criterion.number())));
			if (criterion.number() == null || !ITEM_CODE.matcher(criterion.number()).matches()) {
				add(at, "catalog.criterion.number", String.valueOf(criterion.number()));
			}
			else if (!numbers.add(criterion.number())) {
				add(at, "catalog.criterion.duplicate", criterion.number());
			}
			for (IndicatorDoc indicator : list(criterion.indicators())) {
				if (indicator.code() != null && indicators.putIfAbsent(indicator.code(), indicator) != null) {
					add(append(at, new Place("where.indicator", indicator.code())), "catalog.indicator.duplicate",
							indicator.code());
				}
			}
		}
		for (CriterionDoc criterion : criteria) {
			checkCriterion(doc, criterion, groups, classValues, indicators);
		}
		checkFormulaCycles(criteria, indicators);
	}

	private void checkCriterion(SetDocument doc, CriterionDoc criterion, Set<String> groups, Set<String> classValues,
			Map<String, IndicatorDoc> indicators) {
		List<Place> at = List.of(new Place("where.criterion", String.valueOf(criterion.number())));
		if (criterion.kind() != null && !Set.of("CRITERION", "CONDITION").contains(criterion.kind())) {
			add(at, "catalog.criterion.kind", criterion.kind());
		}
		if (criterion.group() != null && !groups.contains(criterion.group())) {
			add(at, "catalog.criterion.group", criterion.group());
		}
		if (criterion.nameStatus() != null && !SOURCE_STATUSES.contains(criterion.nameStatus())) {
			add(at, "catalog.sourceStatus.invalid", criterion.nameStatus());
		}
		List<IndicatorDoc> own = list(criterion.indicators());
		long judged = own.stream().filter(i -> !Boolean.TRUE.equals(i.input())).count();
		SetDocument.RuleDoc rule = criterion.rule();
		if (rule != null) {
			switch (String.valueOf(rule.kind())) {
				case "ALL" -> {
				}
				case "AT_LEAST" -> {
					if (rule.count() == null || rule.count() < 1 || rule.count() > judged) {
						add(at, "catalog.rule.count", String.valueOf(rule.count()), judged);
					}
				}
				case "POINTS" -> {
					if (rule.min() == null || Numbers.parse(rule.min()).isEmpty()) {
						add(at, "catalog.rule.min", String.valueOf(rule.min()));
					}
					for (IndicatorDoc indicator : own) {
						if (!Boolean.TRUE.equals(indicator.input()) && !"POINTS".equals(indicator.type())) {
							add(append(at, new Place("where.indicator", indicator.code())), "catalog.rule.pointsType");
						}
					}
				}
				default -> add(at, "catalog.rule.kind", String.valueOf(rule.kind()));
			}
		}
		for (IndicatorDoc indicator : own) {
			checkIndicator(doc, append(at, new Place("where.indicator", String.valueOf(indicator.code()))), indicator,
					classValues, indicators);
		}
	}

	private void checkIndicator(SetDocument doc, List<Place> at, IndicatorDoc indicator, Set<String> classValues,
			Map<String, IndicatorDoc> indicators) {
		if (indicator.code() == null || !ITEM_CODE.matcher(indicator.code()).matches()) {
			add(at, "catalog.indicator.code", String.valueOf(indicator.code()));
		}
		ValueType type = valueType(indicator.type());
		if (type == null) {
			add(at, "catalog.indicator.type", String.valueOf(indicator.type()));
		}
		if (indicator.nameStatus() != null && !SOURCE_STATUSES.contains(indicator.nameStatus())) {
			add(at, "catalog.sourceStatus.invalid", indicator.nameStatus());
		}
		if (indicator.maxPoints() != null
				&& (type != ValueType.POINTS || Numbers.parse(indicator.maxPoints()).isEmpty())) {
			add(at, "catalog.indicator.maxPoints", indicator.maxPoints());
		}
		if (indicator.maxValue() != null && (type == null || !type.numeric()
				|| Numbers.parse(indicator.maxValue()).map(v -> v.signum() <= 0).orElse(true))) {
			add(at, "catalog.indicator.maxValue", indicator.maxValue());
		}
		if (type == ValueType.CHOICE && list(indicator.choices()).isEmpty()) {
			add(at, "catalog.indicator.choices");
		}
		if (type != null && type != ValueType.CHOICE && !list(indicator.choices()).isEmpty()) {
			add(at, "catalog.indicator.choicesType");
		}
		checkValueFrom(doc, at, indicator, type, indicators);
		Set<String> seen = new HashSet<>();
		for (RequirementDoc requirement : list(indicator.requirements())) {
			String forClass = requirement.forClass() == null || requirement.forClass().isBlank() ? "*"
					: requirement.forClass();
			List<Place> here = append(at, new Place("where.requirement", forClass));
			if (!seen.add(forClass)) {
				add(here, "catalog.requirement.duplicate", forClass);
			}
			if (!"*".equals(forClass) && !classValues.contains(forClass)) {
				add(here, doc.thresholdScheme() == null ? "catalog.requirement.noScheme" : "catalog.scheme.value",
						forClass, String.valueOf(doc.thresholdScheme()));
			}
			checkRequirement(here, requirement, type);
		}
	}

	private void checkRequirement(List<Place> at, RequirementDoc requirement, @Nullable ValueType type) {
		String op = String.valueOf(requirement.op());
		if (!OPS.contains(op)) {
			add(at, "catalog.requirement.op", op);
			return;
		}
		switch (op) {
			case "EXPECT" -> {
				if (!"true".equals(requirement.value()) && !"false".equals(requirement.value())) {
					add(at, "catalog.requirement.expect", String.valueOf(requirement.value()));
				}
				if (type != null && type != ValueType.BOOLEAN) {
					add(at, "catalog.requirement.typeMismatch", op, type.name());
				}
			}
			case "IN" -> {
				if (list(requirement.values()).isEmpty()) {
					add(at, "catalog.requirement.values");
				}
			}
			case "TEXT" -> {
				if (requirement.text() == null || requirement.text().isBlank()) {
					add(at, "catalog.requirement.text");
				}
			}
			default -> {
				if (requirement.value() == null || Numbers.parse(requirement.value()).isEmpty()) {
					add(at, "catalog.requirement.value", String.valueOf(requirement.value()));
				}
				if (type != null && !type.numeric()) {
					add(at, "catalog.requirement.typeMismatch", op, type.name());
				}
			}
		}
	}

	private void checkValueFrom(SetDocument doc, List<Place> at, IndicatorDoc indicator, @Nullable ValueType type,
			Map<String, IndicatorDoc> indicators) {
		ValueFromDoc from = indicator.valueFrom();
		if (from == null) {
			return;
		}
		String kind = String.valueOf(from.kind());
		if (!VALUE_KINDS.contains(kind)) {
			add(at, "catalog.valueFrom.kind", kind);
			return;
		}
		ValueType expected = switch (kind) {
			case "CHILD_SHARE" -> ValueType.PERCENT;
			case "CHILD_COUNT", "CHILD_MIN_CRITERIA" -> ValueType.COUNT;
			case "TITLE_HELD" -> ValueType.BOOLEAN;
			default -> null;
		};
		if (expected != null && type != null && type != expected) {
			add(at, "catalog.valueFrom.type", kind, expected.name());
		}
		switch (kind) {
			case "FORMULA" -> {
				if (type != null && !type.numeric()) {
					add(at, "catalog.valueFrom.type", kind, "PERCENT / AMOUNT / COUNT / LEVEL / POINTS");
				}
				try {
					Formula formula = Formula.parse(String.valueOf(from.expression()));
					for (String reference : formula.references()) {
						if (!indicators.containsKey(reference)) {
							add(at, "catalog.formula.unknownReference", reference);
						}
						else if (reference.equals(indicator.code())) {
							add(at, "catalog.formula.self", reference);
						}
					}
				}
				catch (BusinessRuleException ex) {
					add(at, ex.messageKey(), ex.arguments());
				}
			}
			case "TITLE_HELD" -> checkTitle(at, from.title());
			case "CHILD_SHARE", "CHILD_COUNT" -> {
				checkTitle(at, from.title());
				checkChildren(doc, at, from);
			}
			case "CHILD_MIN_CRITERIA" -> {
				if (from.set() == null || !(context.setCodes().contains(from.set()) || from.set().equals(doc.code()))) {
					add(at, "catalog.valueFrom.set", String.valueOf(from.set()));
				}
				checkChildren(doc, at, from);
			}
			default -> {
			}
		}
	}

	private void checkTitle(List<Place> at, @Nullable String title) {
		if (title == null || !context.titles().containsKey(title)) {
			add(at, "catalog.title.unknown", String.valueOf(title));
		}
	}

	private void checkChildren(SetDocument doc, List<Place> at, ValueFromDoc from) {
		Integer level = from.level();
		if (level == null || level <= doc.unitLevel() || level > 4) {
			add(at, "catalog.valueFrom.level", String.valueOf(level), doc.unitLevel());
			return;
		}
		for (String type : list(from.types())) {
			UnitType unitType = unitType(type);
			if (unitType == null) {
				add(at, "catalog.unitType.unknown", type);
			}
			else if (unitType.level() != level) {
				add(at, "catalog.unitType.level", type, level);
			}
		}
		if (from.scheme() != null) {
			Set<String> values = context.schemes().get(from.scheme());
			if (values == null) {
				add(at, "catalog.scheme.unknown", from.scheme());
			}
			else {
				for (String value : list(from.values())) {
					if (!values.contains(value)) {
						add(at, "catalog.scheme.value", value, from.scheme());
					}
				}
			}
		}
		else if (!list(from.values()).isEmpty()) {
			add(at, "catalog.valueFrom.valuesWithoutScheme");
		}
	}

	/** Formulas that use each other in a circle never have a value. */
	private void checkFormulaCycles(List<CriterionDoc> criteria, Map<String, IndicatorDoc> indicators) {
		Map<String, Set<String>> uses = new HashMap<>();
		for (IndicatorDoc indicator : indicators.values()) {
			ValueFromDoc from = indicator.valueFrom();
			if (from != null && "FORMULA".equals(from.kind()) && from.expression() != null) {
				try {
					uses.put(indicator.code(), Formula.parse(from.expression()).references());
				}
				catch (BusinessRuleException ex) {
					// reported above
				}
			}
		}
		Set<String> reported = new HashSet<>();
		for (String start : uses.keySet()) {
			List<String> path = new ArrayList<>();
			if (cycle(start, uses, path, new HashSet<>()) && reported.add(String.join("→", sorted(path)))) {
				String criterion = criteria.stream()
					.filter(c -> list(c.indicators()).stream().anyMatch(i -> start.equals(i.code())))
					.map(CriterionDoc::number)
					.findFirst()
					.orElse("?");
				add(List.of(new Place("where.criterion", criterion), new Place("where.indicator", start)),
						"catalog.formula.cycle", String.join(" → ", path));
			}
		}
	}

	private static List<String> sorted(List<String> path) {
		return path.stream().sorted().toList();
	}

	private static boolean cycle(String code, Map<String, Set<String>> uses, List<String> path, Set<String> onPath) {
		path.add(code);
		if (!onPath.add(code)) {
			return true;
		}
		for (String next : uses.getOrDefault(code, Set.of())) {
			if (uses.containsKey(next) && cycle(next, uses, path, onPath)) {
				return true;
			}
		}
		onPath.remove(code);
		path.remove(path.size() - 1);
		return false;
	}

	static @Nullable UnitType unitType(@Nullable String name) {
		try {
			return name == null ? null : UnitType.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static @Nullable ValueType valueType(@Nullable String name) {
		try {
			return name == null ? null : ValueType.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static <T> List<T> list(@Nullable List<T> list) {
		return list == null ? List.of() : list;
	}

	private static List<Place> append(List<Place> where, Place place) {
		List<Place> all = new ArrayList<>(where);
		all.add(place);
		return all;
	}

}
