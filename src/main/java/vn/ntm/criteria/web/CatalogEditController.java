package vn.ntm.criteria.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;

/**
 * Changing a set as a whole: its fields (drafts), publication, retirement, a new version,
 * a province's copy. Refusals come back on the form or the set's page with the reason.
 */
@Controller
class CatalogEditController {

	private final CriteriaCatalog catalog;

	private final UnitManagement units;

	private final FormFlow forms;

	private final CatalogPageController pages;

	CatalogEditController(CriteriaCatalog catalog, UnitManagement units, FormFlow forms, CatalogPageController pages) {
		this.catalog = catalog;
		this.units = units;
		this.forms = forms;
		this.pages = pages;
	}

	@GetMapping("/criteria/sets/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		SetSummary set = requireDraftEditor(id);
		model.addAttribute("form", SetForm.of(catalog.document(id), set.rowVersion()));
		return showEdit(id, model);
	}

	private String showEdit(long id, Model model) {
		model.addAttribute("set", catalog.summary(id));
		model.addAttribute("schemes", units.schemes());
		model.addAttribute("titleList", catalog.titles());
		return "criteria/form-set";
	}

	@PostMapping("/criteria/sets/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") SetForm form, Model model, RedirectAttributes redirect,
			Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.saveDraft(id, form.applyTo(catalog.document(id)), form.version);
			return FormFlow.saved(redirect, "/criteria/sets/" + id);
		}, () -> showEdit(id, model));
	}

	@PostMapping("/criteria/sets/{id}/publish")
	String publish(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect,
			Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.publish(id, version);
			return FormFlow.saved(redirect, "/criteria/sets/" + id);
		}, () -> pages.set(id, model));
	}

	@PostMapping("/criteria/sets/{id}/retire")
	String retire(@PathVariable long id, @RequestParam String reason, @RequestParam int version, Model model,
			RedirectAttributes redirect, Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.retire(id, reason, version);
			return FormFlow.saved(redirect, "/criteria/sets/" + id);
		}, () -> pages.set(id, model));
	}

	/** A flagged threshold confirmed as intended, with the reason. */
	@PostMapping("/criteria/sets/{id}/direction/{code}/confirm")
	String confirmDirection(@PathVariable long id, @PathVariable String code, @RequestParam String note, Model model,
			RedirectAttributes redirect, Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.confirmDirection(id, code, note);
			return FormFlow.saved(redirect, "/criteria/sets/" + id + "#direction");
		}, () -> pages.set(id, model));
	}

	/**
	 * The set's setting: may an assessment be submitted while criteria lack figures (a
	 * checkbox: "true" or absent).
	 */
	@PostMapping("/criteria/sets/{id}/incomplete-submission")
	String incompleteSubmission(@PathVariable long id, @RequestParam(defaultValue = "false") boolean allowed,
			Model model, RedirectAttributes redirect, Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.allowIncompleteSubmission(id, allowed);
			return FormFlow.saved(redirect, "/criteria/sets/" + id + "#incomplete-submission");
		}, () -> pages.set(id, model));
	}

	@PostMapping("/criteria/sets/{id}/versions")
	String newVersion(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
		return forms.submit(model, locale,
				() -> FormFlow.saved(redirect, "/criteria/sets/" + catalog.newVersion(id).id()),
				() -> pages.set(id, model));
	}

	@GetMapping("/criteria/sets/{id}/copy")
	String copyForm(@PathVariable long id, Model model) {
		if (!catalog.canImport()) {
			throw AccessRefused.missingPermission(Permission.CATALOG_EDIT);
		}
		SetSummary set = catalog.summary(id);
		List<UnitRef> provinces = provinces();
		model.addAttribute("set", set);
		model.addAttribute("provinces", provinces);
		if (!model.containsAttribute("code")) {
			model.addAttribute("code", set.code() + "_"
					+ (provinces.isEmpty() || provinces.get(0).code() == null ? "" : provinces.get(0).code()));
			model.addAttribute("province", provinces.isEmpty() ? "" : provinces.get(0).code());
			model.addAttribute("atText", "");
		}
		return "criteria/form-copy";
	}

	/**
	 * The provinces the user answers for (every province for administrators), as of today
	 * or, for one that has ended, its last day.
	 */
	private List<UnitRef> provinces() {
		LocalDate today = VnFormat.today();
		List<UnitRef> provinces = new ArrayList<>();
		for (UnitRef root : units.scopeRoots(today)) {
			if (root.level() == 1) {
				provinces.add(root);
			}
			else if (root.level() == 0) {
				provinces.addAll(units.children(root.id(), today));
			}
		}
		return provinces;
	}

	@PostMapping("/criteria/sets/{id}/copy")
	String copy(@PathVariable long id, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String province, @RequestParam(defaultValue = "") String at, Model model,
			RedirectAttributes redirect, Locale locale) {
		model.addAttribute("code", code);
		model.addAttribute("province", province);
		model.addAttribute("atText", at);
		return forms.submit(model, locale, () -> {
			if (code.isBlank()) {
				throw new BusinessRuleException("criteria.copy.code.required");
			}
			if (province.isBlank()) {
				throw new BusinessRuleException("catalog.owner.code");
			}
			LocalDate date = Dates.optional(at, "criteria.copy.at");
			SetSummary copy = catalog.copyForProvince(id, code.strip().toUpperCase(Locale.ROOT), province.strip(),
					date != null ? date : dateOf(province.strip()));
			return FormFlow.saved(redirect, "/criteria/sets/" + copy.id());
		}, () -> copyForm(id, model));
	}

	/**
	 * The day a province code is read at when none is typed: today, or the last day of a
	 * province of the user's that has ended (Quảng Nam's code 49 ended on 30/06/2025).
	 */
	private LocalDate dateOf(String provinceCode) {
		LocalDate today = VnFormat.today();
		return provinces().stream()
			.filter(p -> provinceCode.equals(p.code()) && p.validTo() != null && p.validTo().isBefore(today))
			.map(UnitRef::validTo)
			.findFirst()
			.orElse(today);
	}

	private SetSummary requireDraftEditor(long id) {
		SetSummary set = catalog.requireEditable(id);
		if (!set.isDraft()) {
			throw new BusinessRuleException("catalog.set.notDraft", set.label());
		}
		return set;
	}

}
