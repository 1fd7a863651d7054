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
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.UnitManagement;
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

	@PostMapping("/criteria/sets/{id}/versions")
	String newVersion(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
		return forms.submit(model, locale,
				() -> FormFlow.saved(redirect, "/criteria/sets/" + catalog.newVersion(id).id()),
				() -> pages.set(id, model));
	}

	@GetMapping("/criteria/sets/{id}/copy")
	String copyForm(@PathVariable long id, Model model) {
		model.addAttribute("set", catalog.summary(id));
		model.addAttribute("provinces", units.scopeRoots(VnFormat.today()));
		return "criteria/form-copy";
	}

	@PostMapping("/criteria/sets/{id}/copy")
	String copy(@PathVariable long id, @RequestParam String code, @RequestParam String province,
			@RequestParam String at, Model model, RedirectAttributes redirect, Locale locale) {
		model.addAttribute("code", code);
		model.addAttribute("province", province);
		model.addAttribute("atText", at);
		return forms.submit(model, locale, () -> {
			SetSummary copy = catalog.copyForProvince(id, code.strip().toUpperCase(Locale.ROOT), province.strip(),
					Dates.optional(at, "criteria.copy.at") == null ? VnFormat.today()
							: Dates.optional(at, "criteria.copy.at"));
			return FormFlow.saved(redirect, "/criteria/sets/" + copy.id());
		}, () -> copyForm(id, model));
	}

	private SetSummary requireDraftEditor(long id) {
		SetSummary set = catalog.summary(id);
		if (!catalog.canEdit(id)) {
			throw vn.ntm.security.AccessRefused.because("catalog.access.notOwner", set.label());
		}
		if (!set.isDraft()) {
			throw new BusinessRuleException("catalog.set.notDraft", set.label());
		}
		return set;
	}

}
