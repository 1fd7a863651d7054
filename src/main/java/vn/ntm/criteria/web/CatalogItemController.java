package vn.ntm.criteria.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.ClassificationScheme;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.web.FormFlow;

/**
 * The criteria and indicators of a draft: each form edits one item, and the whole set is
 * checked (codes, formulas, thresholds) before anything is saved.
 */
@Controller
class CatalogItemController {

	private final CriteriaCatalog catalog;

	private final UnitManagement units;

	private final FormFlow forms;

	CatalogItemController(CriteriaCatalog catalog, UnitManagement units, FormFlow forms) {
		this.catalog = catalog;
		this.units = units;
		this.forms = forms;
	}

	@GetMapping("/criteria/sets/{id}/criteria/new")
	String newCriterion(@PathVariable long id, Model model) {
		CriterionForm form = new CriterionForm();
		form.version = draft(id).rowVersion();
		model.addAttribute("form", form);
		return showCriterion(id, model);
	}

	@GetMapping("/criteria/sets/{id}/criteria/{number}/edit")
	String editCriterion(@PathVariable long id, @PathVariable String number, Model model) {
		SetSummary set = draft(id);
		SetDocument.CriterionDoc criterion = DocumentEdits.criterion(catalog.document(id), number);
		if (criterion == null) {
			throw new NotFoundException("catalog.criterion.missing", number);
		}
		model.addAttribute("form", DocumentEdits.criterionForm(criterion, set.rowVersion()));
		return showCriterion(id, model);
	}

	private String showCriterion(long id, Model model) {
		model.addAttribute("set", catalog.summary(id));
		model.addAttribute("doc", catalog.document(id));
		return "criteria/form-criterion";
	}

	@PostMapping("/criteria/sets/{id}/criteria")
	String saveCriterion(@PathVariable long id, @ModelAttribute("form") CriterionForm form, Model model,
			RedirectAttributes redirect, Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.saveDraft(id, DocumentEdits.withCriterion(catalog.document(id), form), form.version);
			return FormFlow.saved(redirect, "/criteria/sets/" + id);
		}, () -> showCriterion(id, model));
	}

	@GetMapping("/criteria/sets/{id}/indicators/new")
	String newIndicator(@PathVariable long id, @RequestParam String criterion, Model model) {
		SetSummary set = draft(id);
		SetDocument doc = catalog.document(id);
		model.addAttribute("form", DocumentEdits.indicatorForm(null, criterion,
				classes(doc).values().stream().map(ClassificationScheme.Value::code).toList(), set.rowVersion()));
		return showIndicator(id, model);
	}

	@GetMapping("/criteria/sets/{id}/indicators/{code}/edit")
	String editIndicator(@PathVariable long id, @PathVariable String code, Model model) {
		SetSummary set = draft(id);
		SetDocument doc = catalog.document(id);
		SetDocument.IndicatorDoc indicator = DocumentEdits.indicator(doc, code);
		if (indicator == null) {
			throw new NotFoundException("catalog.indicator.missing", code);
		}
		model.addAttribute("form", DocumentEdits.indicatorForm(indicator, DocumentEdits.criterionOf(doc, code),
				classes(doc).values().stream().map(ClassificationScheme.Value::code).toList(), set.rowVersion()));
		return showIndicator(id, model);
	}

	private String showIndicator(long id, Model model) {
		SetDocument doc = catalog.document(id);
		model.addAttribute("set", catalog.summary(id));
		model.addAttribute("doc", doc);
		model.addAttribute("classNames", classes(doc));
		model.addAttribute("titleList", catalog.titles());
		model.addAttribute("schemes", units.schemes());
		return "criteria/form-indicator";
	}

	@PostMapping("/criteria/sets/{id}/indicators")
	String saveIndicator(@PathVariable long id, @ModelAttribute("form") IndicatorForm form, Model model,
			RedirectAttributes redirect, Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.saveDraft(id, DocumentEdits.withIndicator(catalog.document(id), form), form.version);
			return FormFlow.saved(redirect, "/criteria/sets/" + id);
		}, () -> showIndicator(id, model));
	}

	@PostMapping("/criteria/sets/{id}/indicators/{code}/remove")
	String removeIndicator(@PathVariable long id, @PathVariable String code, @RequestParam int version, Model model,
			RedirectAttributes redirect, Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.saveDraft(id, DocumentEdits.withoutIndicator(catalog.document(id), code), version);
			return FormFlow.saved(redirect, "/criteria/sets/" + id);
		}, () -> editIndicator(id, code, model));
	}

	/** The values of the set's threshold scheme, code → value, in order. */
	private java.util.Map<String, ClassificationScheme.Value> classes(SetDocument doc) {
		java.util.Map<String, ClassificationScheme.Value> values = new java.util.LinkedHashMap<>();
		units.schemes()
			.stream()
			.filter(s -> s.code().equals(doc.thresholdScheme()))
			.findFirst()
			.ifPresent(s -> s.values().forEach(v -> values.put(v.code(), v)));
		return values;
	}

	private SetSummary draft(long id) {
		SetSummary set = catalog.requireEditable(id);
		if (!set.isDraft()) {
			throw new BusinessRuleException("catalog.set.notDraft", set.label());
		}
		return set;
	}

}
