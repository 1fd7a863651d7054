package vn.ntm.criteria.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetDocument.CriterionDoc;
import vn.ntm.criteria.SetDocument.IndicatorDoc;
import vn.ntm.criteria.SetDocument.RequirementDoc;
import vn.ntm.criteria.SetDocument.ValueFromDoc;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnText;

/**
 * The edits the catalog forms make to a draft's document: a criterion or an indicator
 * added, replaced or removed, everything else kept. The catalog checks the result as a
 * whole.
 */
final class DocumentEdits {

	private DocumentEdits() {
	}

	static CriterionForm criterionForm(CriterionDoc c, int version) {
		CriterionForm form = new CriterionForm();
		form.number = c.number();
		form.originalNumber = c.number();
		form.kind = c.kind() == null ? "CRITERION" : c.kind();
		form.name = c.name();
		form.nameStatus = c.nameStatus();
		form.group = c.group();
		form.agency = c.agency();
		if (c.rule() != null) {
			form.ruleKind = c.rule().kind();
			form.ruleCount = c.rule().count();
			form.ruleMin = c.rule().min();
		}
		form.critical = c.critical();
		form.retired = c.retired();
		form.source = c.source();
		form.note = c.note();
		form.version = version;
		return form;
	}

	static SetDocument withCriterion(SetDocument doc, CriterionForm form) {
		List<CriterionDoc> criteria = new ArrayList<>(list(doc.criteria()));
		int index = indexOf(criteria, form.originalNumber);
		if (index < 0 && form.originalNumber != null) {
			throw new BusinessRuleException("catalog.criterion.missing", form.originalNumber);
		}
		List<IndicatorDoc> indicators = index < 0 ? List.of() : list(criteria.get(index).indicators());
		SetDocument.RuleDoc rule = "ALL".equals(form.ruleKind) ? null
				: new SetDocument.RuleDoc(form.ruleKind, "AT_LEAST".equals(form.ruleKind) ? form.ruleCount : null,
						"POINTS".equals(form.ruleKind) ? VnText.blankToNull(form.ruleMin) : null);
		CriterionDoc criterion = new CriterionDoc(form.number.strip(),
				"CONDITION".equals(form.kind) ? "CONDITION" : null, VnText.blankToNull(form.name),
				VnText.blankToNull(form.nameStatus), VnText.blankToNull(form.group), VnText.blankToNull(form.agency),
				rule, form.critical, form.retired, VnText.blankToNull(form.source), VnText.blankToNull(form.note),
				indicators);
		if (index < 0) {
			criteria.add(criterion);
		}
		else {
			criteria.set(index, criterion);
		}
		return withCriteria(doc, criteria);
	}

	static IndicatorForm indicatorForm(@Nullable IndicatorDoc i, String criterion, Collection<String> classes,
			int version) {
		IndicatorForm form = new IndicatorForm();
		form.criterion = criterion;
		form.version = version;
		List<String> keys = new ArrayList<>();
		keys.add("*");
		keys.addAll(classes);
		Map<String, RequirementDoc> existing = new java.util.HashMap<>();
		if (i != null) {
			form.code = i.code();
			form.originalCode = i.code();
			form.name = i.name();
			form.nameStatus = i.nameStatus();
			form.type = i.type();
			form.unit = i.unit();
			form.input = Boolean.TRUE.equals(i.input());
			ValueFromDoc from = i.valueFrom();
			if (from != null) {
				form.valueKind = from.kind();
				form.expression = from.expression();
				form.title = from.title();
				form.set = from.set();
				form.level = from.level();
				form.types = from.types() == null ? null : String.join(", ", from.types());
				form.scheme = from.scheme();
				form.values = from.values() == null ? null : String.join(", ", from.values());
			}
			form.maxPoints = i.maxPoints();
			form.maxValue = i.maxValue();
			form.choices = i.choices() == null ? null : String.join("\n", i.choices());
			form.source = i.source();
			form.note = i.note();
			list(i.requirements()).forEach(r -> existing.put(r.appliesTo(), r));
			existing.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
		}
		for (String key : keys) {
			RequirementRow row = new RequirementRow();
			row.forClass = key;
			RequirementDoc r = existing.get(key);
			if (r != null) {
				row.op = r.op();
				row.value = r.value();
				row.values = r.values() == null ? null : String.join(", ", r.values());
				row.text = r.text();
				row.printed = r.printed();
				row.note = r.note();
				row.source = r.source();
			}
			form.requirements.add(row);
		}
		return form;
	}

	static SetDocument withIndicator(SetDocument doc, IndicatorForm form) {
		List<CriterionDoc> criteria = new ArrayList<>(list(doc.criteria()));
		int target = indexOf(criteria, form.criterion);
		if (target < 0) {
			throw new BusinessRuleException("catalog.criterion.missing", form.criterion);
		}
		IndicatorDoc indicator = indicator(form);
		int position = -1;
		if (form.originalCode != null) {
			for (int c = 0; c < criteria.size(); c++) {
				List<IndicatorDoc> indicators = new ArrayList<>(list(criteria.get(c).indicators()));
				for (int i = 0; i < indicators.size(); i++) {
					if (indicators.get(i).code().equals(form.originalCode)) {
						indicators.remove(i);
						criteria.set(c, withIndicators(criteria.get(c), indicators));
						if (c == target) {
							position = i;
						}
					}
				}
			}
		}
		List<IndicatorDoc> indicators = new ArrayList<>(list(criteria.get(target).indicators()));
		indicators.add(position < 0 ? indicators.size() : position, indicator);
		criteria.set(target, withIndicators(criteria.get(target), indicators));
		return withCriteria(doc, criteria);
	}

	static SetDocument withoutIndicator(SetDocument doc, String code) {
		List<CriterionDoc> criteria = new ArrayList<>();
		for (CriterionDoc criterion : list(doc.criteria())) {
			List<IndicatorDoc> kept = list(criterion.indicators()).stream()
				.filter(i -> !i.code().equals(code))
				.toList();
			criteria.add(withIndicators(criterion, kept));
		}
		return withCriteria(doc, criteria);
	}

	private static IndicatorDoc indicator(IndicatorForm form) {
		ValueFromDoc from = "ENTERED".equals(form.valueKind) ? null
				: new ValueFromDoc(form.valueKind, VnText.blankToNull(form.expression), VnText.blankToNull(form.title),
						VnText.blankToNull(form.set), form.level, csv(form.types), VnText.blankToNull(form.scheme),
						csv(form.values));
		List<RequirementDoc> requirements = new ArrayList<>();
		for (RequirementRow row : form.requirements) {
			if (SetForm.blank(row.op)) {
				continue;
			}
			requirements.add(new RequirementDoc(row.forClass, row.op, VnText.blankToNull(row.value), csv(row.values),
					VnText.blankToNull(row.text), VnText.blankToNull(row.printed), VnText.blankToNull(row.note),
					VnText.blankToNull(row.source)));
		}
		List<String> choices = form.choices == null ? null
				: Arrays.stream(form.choices.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		return new IndicatorDoc(form.code.strip(), VnText.blankToNull(form.name), VnText.blankToNull(form.nameStatus),
				form.type, VnText.blankToNull(form.unit), form.input ? Boolean.TRUE : null, from, requirements,
				VnText.blankToNull(form.maxPoints), VnText.blankToNull(form.maxValue),
				choices == null || choices.isEmpty() ? null : choices, VnText.blankToNull(form.source),
				VnText.blankToNull(form.note));
	}

	static @Nullable CriterionDoc criterion(SetDocument doc, String number) {
		return list(doc.criteria()).stream().filter(c -> c.number().equals(number)).findFirst().orElse(null);
	}

	static @Nullable IndicatorDoc indicator(SetDocument doc, String code) {
		for (CriterionDoc criterion : list(doc.criteria())) {
			for (IndicatorDoc indicator : list(criterion.indicators())) {
				if (indicator.code().equals(code)) {
					return indicator;
				}
			}
		}
		return null;
	}

	static @Nullable String criterionOf(SetDocument doc, String code) {
		for (CriterionDoc criterion : list(doc.criteria())) {
			if (list(criterion.indicators()).stream().anyMatch(i -> i.code().equals(code))) {
				return criterion.number();
			}
		}
		return null;
	}

	private static CriterionDoc withIndicators(CriterionDoc c, List<IndicatorDoc> indicators) {
		return new CriterionDoc(c.number(), c.kind(), c.name(), c.nameStatus(), c.group(), c.agency(), c.rule(),
				c.critical(), c.retired(), c.source(), c.note(), indicators);
	}

	private static SetDocument withCriteria(SetDocument d, List<CriterionDoc> criteria) {
		return new SetDocument(d.code(), d.version(), d.name(), d.nameEn(), d.title(), d.unitLevel(), d.unitTypes(),
				d.validFrom(), d.validTo(), d.decision(), d.legalBasis(), d.owner(), d.refines(), d.thresholdScheme(),
				d.thresholdRules(), d.prerequisites(), d.revocation(), d.sourceStatus(), d.sources(), d.note(), null,
				d.groups(), criteria);
	}

	private static int indexOf(List<CriterionDoc> criteria, @Nullable String number) {
		for (int i = 0; i < criteria.size(); i++) {
			if (criteria.get(i).number().equals(number)) {
				return i;
			}
		}
		return -1;
	}

	private static @Nullable List<String> csv(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static <T> List<T> list(@Nullable List<T> list) {
		return list == null ? List.of() : list;
	}

}
