package vn.ntm.orgunit.web;

import java.time.LocalDate;
import java.util.List;
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
import vn.ntm.orgunit.UnitChange;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.VnFormat;

/**
 * Recording changes decided by an authority: rename / re-parent / change of type or code,
 * merge, split, dissolution.
 */
@Controller
class UnitChangeController {

	private final UnitManagement units;

	private final AccessPolicy access;

	private final FormSupport forms;

	UnitChangeController(UnitManagement units, AccessPolicy access, FormSupport forms) {
		this.units = units;
		this.access = access;
		this.forms = forms;
	}

	@GetMapping("/units/{id}/change")
	String changeForm(@PathVariable long id, Model model) {
		// an ended unit may still take a change inside its life (a renaming found late)
		access.requireEdit(id);
		UnitDetails unit = units.details(id, VnFormat.today());
		model.addAttribute("form",
				new UnitChange(VnFormat.today(), null, null, null, null, null, null, unit.rowVersion()));
		return showChange(id, model);
	}

	private String showChange(long id, Model model) {
		UnitDetails unit = units.details(id, VnFormat.today());
		model.addAttribute("unit", unit);
		model.addAttribute("types", FormSupport.sameLevel(unit.version().type()));
		return "units/form-change";
	}

	@PostMapping("/units/{id}/change")
	String change(@PathVariable long id, @Valid @ModelAttribute("form") UnitChange form, BindingResult binding,
			@RequestParam(name = "newParentCode", required = false) @Nullable String newParentCode, Model model,
			RedirectAttributes redirect, Locale locale) {
		if (binding.hasErrors()) {
			return showChange(id, model);
		}
		return forms.submit(model, locale, () -> {
			UnitChange change = form;
			if (newParentCode != null && !newParentCode.isBlank()) {
				UnitRef parent = units.findByCode(newParentCode, form.effectiveDate())
					.orElseThrow(() -> new BusinessRuleException("unit.parent.codeUnknown", newParentCode,
							VnFormat.date(form.effectiveDate())));
				change = new UnitChange(form.effectiveDate(), form.newName(), form.newType(), form.newCode(),
						parent.id(), form.legalBasis(), form.note(), form.expectedVersion());
			}
			units.change(id, change);
			return FormSupport.saved(redirect, "/units/" + id + "?at=" + form.effectiveDate());
		}, () -> showChange(id, model));
	}

	@GetMapping("/units/{id}/merge")
	String mergeForm(@PathVariable long id, Model model) {
		access.requireEdit(id);
		requireCurrent(id);
		MergeForm form = new MergeForm();
		form.effectiveDate = VnFormat.today();
		form.absorbingUnitId = id;
		form.unitIds.add(id);
		model.addAttribute("form", form);
		return showMerge(id, model);
	}

	private String showMerge(long id, Model model) {
		UnitDetails unit = units.details(id, VnFormat.today());
		UnitRef parent = FormSupport.parentOf(unit);
		List<UnitRef> siblings = units.children(parent.id(), VnFormat.today())
			.stream()
			.filter(s -> s.level() == unit.version().level())
			.toList();
		model.addAttribute("unit", unit);
		model.addAttribute("parent", parent);
		model.addAttribute("siblings", siblings);
		model.addAttribute("types", FormSupport.sameLevel(unit.version().type()));
		return "units/form-merge";
	}

	@PostMapping("/units/{id}/merge")
	String merge(@PathVariable long id, @ModelAttribute("form") MergeForm form, Model model,
			RedirectAttributes redirect, Locale locale) {
		UnitDetails unit = units.details(id, VnFormat.today());
		long parentId = FormSupport.parentOf(unit).id();
		return forms.submit(model, locale, () -> {
			units.merge(form.toMerge(parentId));
			return FormSupport.saved(redirect, "/units/" + id);
		}, () -> showMerge(id, model));
	}

	@GetMapping("/units/{id}/split")
	String splitForm(@PathVariable long id, Model model) {
		access.requireEdit(id);
		requireCurrent(id);
		SplitForm form = new SplitForm();
		form.effectiveDate = VnFormat.today();
		form.version = units.details(id, VnFormat.today()).rowVersion();
		model.addAttribute("form", form);
		return showSplit(id, model);
	}

	private String showSplit(long id, Model model) {
		UnitDetails unit = units.details(id, VnFormat.today());
		model.addAttribute("unit", unit);
		model.addAttribute("types", FormSupport.sameLevel(unit.version().type()));
		model.addAttribute("rows", SplitForm.ROWS);
		return "units/form-split";
	}

	@PostMapping("/units/{id}/split")
	String split(@PathVariable long id, @ModelAttribute("form") SplitForm form, Model model,
			RedirectAttributes redirect, Locale locale) {
		UnitDetails unit = units.details(id, VnFormat.today());
		long parentId = FormSupport.parentOf(unit).id();
		return forms.submit(model, locale, () -> {
			units.split(form.toSplit(id, parentId));
			return FormSupport.saved(redirect, "/units/" + id);
		}, () -> showSplit(id, model));
	}

	@GetMapping("/units/{id}/dissolve")
	String dissolveForm(@PathVariable long id, Model model) {
		access.requireEdit(id);
		requireCurrent(id);
		model.addAttribute("unit", units.details(id, VnFormat.today()));
		return "units/form-dissolve";
	}

	@PostMapping("/units/{id}/dissolve")
	String dissolve(@PathVariable long id, @RequestParam String effectiveDate,
			@RequestParam(required = false) @Nullable String legalBasis,
			@RequestParam(required = false) @Nullable String note, @RequestParam int version, Model model,
			RedirectAttributes redirect, Locale locale) {
		return forms.submit(model, locale, () -> {
			LocalDate date = VnFormat.parseDate(effectiveDate)
				.orElseThrow(() -> new BusinessRuleException("error.date.invalid", "change.date", effectiveDate));
			units.dissolve(id, date, legalBasis, note, version);
			return FormSupport.saved(redirect, "/units/" + id);
		}, () -> {
			model.addAttribute("unit", units.details(id, VnFormat.today()));
			return "units/form-dissolve";
		});
	}

	/**
	 * Merges, splits and dissolutions end a unit, so they are offered only for units that
	 * still exist.
	 */
	private void requireCurrent(long id) {
		UnitRef unit = units.details(id, VnFormat.today()).version();
		if (unit.validTo() != null) {
			throw new BusinessRuleException("unit.alreadyEnded", VnFormat.date(unit.validTo()));
		}
	}

}
