package vn.ntm.orgunit.web;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.orgunit.ClassificationChange;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.UnitCorrection;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.VnFormat;

/**
 * Adding units, correcting them and setting their classifications.
 */
@Controller
class UnitEditController {

	private final UnitManagement units;

	private final AccessPolicy access;

	private final FormSupport forms;

	UnitEditController(UnitManagement units, AccessPolicy access, FormSupport forms) {
		this.units = units;
		this.access = access;
		this.forms = forms;
	}

	@GetMapping("/units/new")
	String newForm(@RequestParam long parent, Model model) {
		UnitRef parentUnit = units.details(parent, VnFormat.today()).version();
		UnitType firstType = FormSupport.childTypes(parentUnit.type()).get(0);
		access.requireCreateUnder(parent, firstType.level());
		model.addAttribute("form", new NewUnit(null, "", firstType, parent, null, null));
		return showNew(parentUnit, model);
	}

	private String showNew(UnitRef parent, Model model) {
		model.addAttribute("parent", parent);
		model.addAttribute("types", FormSupport.childTypes(parent.type()));
		return "units/form-new";
	}

	@PostMapping("/units/new")
	String create(@Valid @ModelAttribute("form") NewUnit form, BindingResult binding, Model model,
			RedirectAttributes redirect, Locale locale) {
		UnitRef parent = units.details(form.parentId(), VnFormat.today()).version();
		if (binding.hasErrors()) {
			return showNew(parent, model);
		}
		return forms.submit(model, locale, () -> {
			UnitRef created = units.create(form);
			return FormSupport.saved(redirect, "/units/" + created.id());
		}, () -> showNew(parent, model));
	}

	@GetMapping("/units/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		access.requireEdit(id);
		UnitDetails details = units.details(id, VnFormat.today());
		UnitRef v = details.version();
		model.addAttribute("form",
				new UnitCorrection(v.code(), v.name(), v.type(), v.validFrom(), null, details.rowVersion()));
		return showEdit(id, model);
	}

	private String showEdit(long id, Model model) {
		UnitDetails details = units.details(id, VnFormat.today());
		model.addAttribute("unit", details);
		model.addAttribute("types", FormSupport.sameLevel(details.version().type()));
		model.addAttribute("singleVersion", units.history(id).versions().size() == 1);
		return "units/form-edit";
	}

	@PostMapping("/units/{id}/edit")
	String correct(@PathVariable long id, @Valid @ModelAttribute("form") UnitCorrection form, BindingResult binding,
			Model model, RedirectAttributes redirect, Locale locale) {
		if (binding.hasErrors()) {
			return showEdit(id, model);
		}
		return forms.submit(model, locale, () -> {
			units.correct(id, form);
			return FormSupport.saved(redirect, "/units/" + id);
		}, () -> showEdit(id, model));
	}

	@GetMapping("/units/{id}/classifications/new")
	String classifyForm(@PathVariable long id, Model model) {
		access.require(Permission.UNIT_CLASSIFY);
		UnitDetails details = units.details(id, VnFormat.today());
		model.addAttribute("form", new ClassificationChange("", "", null, null, null, null, details.rowVersion()));
		return showClassify(id, model);
	}

	private String showClassify(long id, Model model) {
		model.addAttribute("unit", units.details(id, VnFormat.today()));
		model.addAttribute("schemes", units.schemes());
		return "units/form-classify";
	}

	@PostMapping("/units/{id}/classifications/new")
	String classify(@PathVariable long id, @RequestParam String choice,
			@RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validTo,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable String note, @RequestParam int expectedVersion, Model model,
			RedirectAttributes redirect, Locale locale) {
		String[] parts = choice.split("\\|", 2);
		String value = parts.length > 1 ? parts[1] : "";
		ClassificationChange form = new ClassificationChange(parts[0], value, null, null, source, note,
				expectedVersion);
		try {
			form = new ClassificationChange(parts[0], value, optionalDate(validFrom, "unit.field.validFrom"),
					optionalDate(validTo, "unit.field.validTo"), source, note, expectedVersion);
			units.classify(id, form);
			return FormSupport.saved(redirect, "/units/" + id);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			model.addAttribute("form", form);
			forms.error(model, (vn.ntm.shared.LocalizedFailure) ex, locale);
			return showClassify(id, model);
		}
	}

	private static @Nullable LocalDate optionalDate(String text, String field) {
		if (text.isBlank()) {
			return null;
		}
		return VnFormat.parseDate(text).orElseThrow(() -> new BusinessRuleException("error.date.invalid", field, text));
	}

	@PostMapping("/units/{id}/classifications/{classificationId}/end")
	String endClassification(@PathVariable long id, @PathVariable long classificationId, @RequestParam String lastDay,
			@RequestParam int version, RedirectAttributes redirect) {
		LocalDate day = VnFormat.parseDate(lastDay)
			.orElseThrow(() -> new BusinessRuleException("error.date.invalid", "classification.lastDay", lastDay));
		units.endClassification(id, classificationId, day, version);
		return FormSupport.saved(redirect, "/units/" + id);
	}

}
