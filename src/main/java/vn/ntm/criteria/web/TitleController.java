package vn.ntm.criteria.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.TitleView;
import vn.ntm.shared.VnText;
import vn.ntm.shared.web.FormFlow;

/**
 * Titles: the list kept by administrators (add, retire). The titles units hold are the
 * recognition module's. The catalog checks who may.
 */
@Controller
class TitleController {

	private final CriteriaCatalog catalog;

	private final CatalogPageController pages;

	private final FormFlow forms;

	TitleController(CriteriaCatalog catalog, CatalogPageController pages, FormFlow forms) {
		this.catalog = catalog;
		this.pages = pages;
		this.forms = forms;
	}

	@PostMapping("/criteria/titles")
	String add(@RequestParam String code, @RequestParam String name,
			@RequestParam(required = false) @Nullable String nameEn, @RequestParam(defaultValue = "0") int unitLevel,
			@RequestParam(required = false) @Nullable String description, Model model, RedirectAttributes redirect,
			Locale locale) {
		model.addAttribute("newTitle", new TitleView(code, name, nameEn, unitLevel, description, false, false));
		return forms.submit(model, locale, () -> {
			catalog.addTitle(new TitleView(code.strip().toUpperCase(Locale.ROOT), name, VnText.blankToNull(nameEn),
					unitLevel, VnText.blankToNull(description), false, false));
			return FormFlow.saved(redirect, "/criteria/titles");
		}, () -> pages.titles(model));
	}

	@PostMapping("/criteria/titles/{code}/retire")
	String retire(@PathVariable String code, @RequestParam(defaultValue = "") String reason, Model model,
			RedirectAttributes redirect, Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.retireTitle(code, reason);
			return FormFlow.saved(redirect, "/criteria/titles");
		}, () -> pages.titles(model));
	}

}
