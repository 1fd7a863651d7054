package vn.ntm.criteria.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.SetComparison;
import vn.ntm.criteria.SetComparison.CriterionDiff;
import vn.ntm.criteria.SetComparison.FieldDiff;
import vn.ntm.criteria.SetComparison.IndicatorDiff;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetDocument.CriterionDoc;
import vn.ntm.criteria.SetDocument.IndicatorDoc;
import vn.ntm.criteria.SetDocument.RequirementDoc;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.engine.Requirement;
import vn.ntm.shared.VnFormat;

/**
 * Lines two set documents up: fields, then criteria by number and indicators by code.
 */
final class Comparisons {

	private Comparisons() {
	}

	static SetComparison compare(SetSummary leftSet, SetDocument left, SetSummary rightSet, SetDocument right) {
		List<FieldDiff> fields = new ArrayList<>();
		field(fields, "name", left.name(), right.name());
		field(fields, "title", left.title(), right.title());
		field(fields, "validFrom", date(left.validFrom()), date(right.validFrom()));
		field(fields, "validTo", date(left.validTo()), date(right.validTo()));
		field(fields, "decision", decision(left), decision(right));
		field(fields, "legalBasis", left.legalBasis(), right.legalBasis());
		field(fields, "thresholdScheme", left.thresholdScheme(), right.thresholdScheme());
		field(fields, "thresholdRules", rules(left), rules(right));
		field(fields, "prerequisites", String.join(", ", list(left.prerequisites())),
				String.join(", ", list(right.prerequisites())));
		field(fields, "revocation", revocation(left), revocation(right));
		Map<String, CriterionDoc> l = byKey(list(left.criteria()), CriterionDoc::number);
		Map<String, CriterionDoc> r = byKey(list(right.criteria()), CriterionDoc::number);
		Set<String> numbers = new LinkedHashSet<>(l.keySet());
		numbers.addAll(r.keySet());
		List<CriterionDiff> criteria = new ArrayList<>();
		for (String number : numbers) {
			CriterionDoc a = l.get(number);
			CriterionDoc b = r.get(number);
			List<IndicatorDiff> indicators = indicators(a, b);
			String state = a == null ? "ADDED"
					: b == null ? "REMOVED"
							: sameCriterion(a, b) && indicators.stream().allMatch(i -> "SAME".equals(i.state()))
									? "SAME" : "CHANGED";
			criteria.add(new CriterionDiff(number, a == null ? null : a.name(), b == null ? null : b.name(), state,
					indicators));
		}
		return new SetComparison(leftSet, rightSet, fields, criteria);
	}

	private static boolean sameCriterion(CriterionDoc a, CriterionDoc b) {
		return Objects.equals(a.name(), b.name()) && Objects.equals(a.kind(), b.kind())
				&& Objects.equals(a.group(), b.group()) && Objects.equals(a.rule(), b.rule())
				&& a.critical() == b.critical() && a.retired() == b.retired();
	}

	private static List<IndicatorDiff> indicators(@Nullable CriterionDoc a, @Nullable CriterionDoc b) {
		Map<String, IndicatorDoc> l = byKey(a == null ? List.of() : list(a.indicators()), IndicatorDoc::code);
		Map<String, IndicatorDoc> r = byKey(b == null ? List.of() : list(b.indicators()), IndicatorDoc::code);
		Set<String> codes = new LinkedHashSet<>(l.keySet());
		codes.addAll(r.keySet());
		List<IndicatorDiff> diffs = new ArrayList<>();
		for (String code : codes) {
			IndicatorDoc x = l.get(code);
			IndicatorDoc y = r.get(code);
			String xr = x == null ? null : requirements(x);
			String yr = y == null ? null : requirements(y);
			String state = x == null ? "ADDED"
					: y == null ? "REMOVED"
							: Objects.equals(x.name(), y.name()) && Objects.equals(xr, yr)
									&& Objects.equals(x.type(), y.type())
									&& Objects.equals(x.valueFrom(), y.valueFrom()) ? "SAME" : "CHANGED";
			diffs.add(new IndicatorDiff(code, x == null ? null : x.name(), y == null ? null : y.name(), xr, yr, state));
		}
		return diffs;
	}

	/** "* ≥ 80; TDMNPB ≥ 24" — the requirements as one line, or "chưa có ngưỡng". */
	static String requirements(IndicatorDoc indicator) {
		List<RequirementDoc> requirements = list(indicator.requirements());
		if (requirements.isEmpty()) {
			return "—";
		}
		List<String> parts = new ArrayList<>();
		for (RequirementDoc requirement : requirements) {
			Requirement r = Definitions.requirement(requirement);
			String forClass = requirement.forClass() == null ? "*" : requirement.forClass();
			parts.add(forClass + ": " + r.display());
		}
		return String.join("; ", parts);
	}

	private static void field(List<FieldDiff> fields, String name, @Nullable String a, @Nullable String b) {
		if (!Objects.equals(blankToNull(a), blankToNull(b))) {
			fields.add(new FieldDiff(name, a, b));
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private static @Nullable String date(java.time.@Nullable LocalDate date) {
		return date == null ? null : VnFormat.date(date);
	}

	private static @Nullable String decision(SetDocument d) {
		return d.decision() == null ? null : d.decision().number()
				+ (d.decision().date() == null ? "" : " ngày " + VnFormat.date(d.decision().date()));
	}

	private static String rules(SetDocument d) {
		return String.join("; ",
				list(d.thresholdRules()).stream()
					.map(r -> r.ifScheme() + " " + String.join("/", r.ifValues()) + " → " + r.use())
					.toList());
	}

	private static @Nullable String revocation(SetDocument d) {
		return d.revocation() == null ? null
				: "≥ " + d.revocation().failShare() + "%; " + d.revocation().criticalFailShare() + "% + trọng yếu";
	}

	private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
		Map<String, T> map = new LinkedHashMap<>();
		items.forEach(i -> map.putIfAbsent(key.apply(i), i));
		return map;
	}

	private static <T> List<T> list(@Nullable List<T> list) {
		return list == null ? List.of() : list;
	}

}
