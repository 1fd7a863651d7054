package vn.ntm.criteria.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.audit.AuditLog;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.ClassificationScheme;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.VnText;

/**
 * Catalog pages: the list of sets, one set with its criteria, indicators and thresholds
 * by classification, and two versions side by side.
 */
@Controller
class CatalogPageController {

	private final CriteriaCatalog catalog;

	private final UnitManagement units;

	private final AuditLog audit;

	private final AccessPolicy access;

	CatalogPageController(CriteriaCatalog catalog, UnitManagement units, AuditLog audit, AccessPolicy access) {
		this.catalog = catalog;
		this.units = units;
		this.audit = audit;
		this.access = access;
	}

	@GetMapping("/criteria")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "0") int level, Model model) {
		String key = VnText.searchKey(q);
		List<SetSummary> sets = catalog.sets()
			.stream()
			.filter(s -> key.isBlank() || VnText.searchKey(s.name() + " " + s.code()).contains(key))
			.filter(s -> status.isBlank() || s.status().equals(status))
			.filter(s -> level == 0 || s.unitLevel() == level)
			.toList();
		model.addAttribute("sets", sets);
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("level", level);
		model.addAttribute("canImport", catalog.canImport());
		return "criteria/list";
	}

	@GetMapping("/criteria/sets/{id}")
	String set(@PathVariable long id, Model model) {
		SetSummary set = catalog.summary(id);
		SetDocument document = catalog.document(id);
		model.addAttribute("set", set);
		model.addAttribute("doc", document);
		model.addAttribute("classes", classValues(document.thresholdScheme()));
		model.addAttribute("requirements", requirements(document));
		model.addAttribute("scheme", scheme(document.thresholdScheme()));
		model.addAttribute("titles", titleNames());
		model.addAttribute("versions", catalog.sets().stream().filter(s -> s.code().equals(set.code())).toList());
		model.addAttribute("others", catalog.sets().stream().filter(s -> s.id() != id).toList());
		model.addAttribute("canEdit", catalog.canEdit(id));
		model.addAttribute("directionFlags", catalog.directionFlags(id));
		model.addAttribute("allowIncomplete", catalog.allowsIncompleteSubmission(id));
		model.addAttribute("ruleTexts", document.thresholdRules().stream().map(r -> {
			ClassificationScheme when = scheme(r.ifScheme());
			Map<String, String> names = classValues(r.ifScheme());
			return new RuleText(when == null ? r.ifScheme() : when.name(),
					r.ifValues().stream().map(v -> names.getOrDefault(v, v)).toList(),
					classValues(document.thresholdScheme()).getOrDefault(r.use(), r.use()));
		}).toList());
		model.addAttribute("canCopy", catalog.canImport());
		model.addAttribute("audit", audit.historyOf("criteria_set", String.valueOf(id), 30));
		return "criteria/set";
	}

	/**
	 * Two versions side by side; without both, the choice of the two (the left one
	 * preselected when given).
	 */
	@GetMapping("/criteria/compare")
	String compare(@RequestParam(required = false) @Nullable Long left,
			@RequestParam(required = false) @Nullable Long right, Model model) {
		if (left != null && right != null) {
			model.addAttribute("comparison", catalog.compare(left, right));
		}
		model.addAttribute("left", left);
		model.addAttribute("right", right);
		model.addAttribute("sets", catalog.sets());
		return "criteria/compare";
	}

	@GetMapping("/criteria/titles")
	String titles(Model model) {
		model.addAttribute("titleList", catalog.titles());
		model.addAttribute("canManage",
				access.currentIfAny().map(u -> u.has(Permission.SYSTEM_SETTINGS)).orElse(false));
		return "criteria/titles";
	}

	/** Indicator code → class value ("*" for all) → requirement. */
	static Map<String, Map<String, SetDocument.RequirementDoc>> requirements(SetDocument document) {
		Map<String, Map<String, SetDocument.RequirementDoc>> table = new LinkedHashMap<>();
		for (SetDocument.CriterionDoc criterion : document.criteria() == null ? List.<SetDocument.CriterionDoc>of()
				: document.criteria()) {
			for (SetDocument.IndicatorDoc indicator : criterion.indicators() == null
					? List.<SetDocument.IndicatorDoc>of() : criterion.indicators()) {
				Map<String, SetDocument.RequirementDoc> byClass = new LinkedHashMap<>();
				if (indicator.requirements() != null) {
					indicator.requirements().forEach(r -> byClass.put(r.appliesTo(), r));
				}
				table.put(indicator.code(), byClass);
			}
		}
		return table;
	}

	/** Values of the threshold scheme, code → name, in the scheme's order. */
	/**
	 * A threshold rule in the words of the classification (names, not internal codes):
	 * "Đơn vị có Xã đặc biệt khó khăn là Xã ĐBKK vùng bãi ngang dùng ngưỡng của Trung du
	 * và miền núi phía Bắc".
	 */
	record RuleText(String scheme, java.util.List<String> values, String use) {
	}

	private Map<String, String> classValues(@Nullable String schemeCode) {
		Map<String, String> values = new LinkedHashMap<>();
		ClassificationScheme scheme = scheme(schemeCode);
		if (scheme != null) {
			scheme.values().forEach(v -> values.put(v.code(), v.name()));
		}
		return values;
	}

	private @Nullable ClassificationScheme scheme(@Nullable String code) {
		if (code == null) {
			return null;
		}
		return units.schemes().stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
	}

	private Map<String, String> titleNames() {
		Map<String, String> names = new LinkedHashMap<>();
		catalog.titles().forEach(t -> names.put(t.code(), t.name()));
		return names;
	}

}
