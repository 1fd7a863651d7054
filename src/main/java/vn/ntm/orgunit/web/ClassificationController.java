package vn.ntm.orgunit.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.orgunit.ClassificationCatalog;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;

/**
 * Administrators keep the classification schemes: add a scheme, add values, retire a
 * scheme they added.
 */
@Controller
class ClassificationController {

	private final ClassificationCatalog catalog;

	private final UnitManagement units;

	private final AccessPolicy access;

	private final FormSupport forms;

	ClassificationController(ClassificationCatalog catalog, UnitManagement units, AccessPolicy access,
			FormSupport forms) {
		this.catalog = catalog;
		this.units = units;
		this.access = access;
		this.forms = forms;
	}

	@GetMapping("/admin/classifications")
	String list(Model model) {
		access.require(Permission.SYSTEM_SETTINGS);
		model.addAttribute("schemes", units.schemes());
		return "units/classifications";
	}

	@PostMapping("/admin/classifications")
	String createScheme(@RequestParam String code, @RequestParam String name,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(defaultValue = "false") boolean multiValued,
			@RequestParam(defaultValue = "false") boolean inherited, Model model, Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.createScheme(code, name, description, multiValued, inherited);
			return "redirect:/admin/classifications";
		}, () -> list(model));
	}

	@PostMapping("/admin/classifications/{scheme}/values")
	String addValue(@PathVariable String scheme, @RequestParam String code, @RequestParam String name, Model model,
			Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.addValue(scheme, code, name);
			return "redirect:/admin/classifications";
		}, () -> list(model));
	}

	@PostMapping("/admin/classifications/{scheme}/retire")
	String retire(@PathVariable String scheme, RedirectAttributes redirect) {
		catalog.retireScheme(scheme);
		return "redirect:/admin/classifications";
	}

}
