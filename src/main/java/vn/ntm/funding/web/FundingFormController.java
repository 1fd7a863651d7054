package vn.ntm.funding.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.funding.FundingFieldException;
import vn.ntm.funding.FundingManagement;
import vn.ntm.funding.FundingRule;
import vn.ntm.funding.FundingViews;
import vn.ntm.funding.RuleSetting;
import vn.ntm.funding.web.FundingForms.DisbursementForm;
import vn.ntm.funding.web.FundingForms.ProgressForm;
import vn.ntm.funding.web.FundingForms.Reader;
import vn.ntm.funding.web.FundingForms.RuleForm;
import vn.ntm.funding.web.FundingForms.TransactionForm;
import vn.ntm.funding.web.FundingForms.WorkForm;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;

/**
 * The funding forms: a work created or corrected, its payments, its completion and final
 * settlement; a unit's capital-plan transactions (each recorded, never an edit); a
 * province's rule settings. A field that cannot be read, or that the facade refuses
 * ({@link FundingFieldException}), is marked with its reason and nothing is saved; a
 * record changed by someone else since the form was read is refused (409) with who and
 * when. The facade decides access: another unit's officer is refused (403) on every form,
 * shown or sent.
 */
@Controller
class FundingFormController {

	static final List<String> KINDS = List.of("ASSIGN", "SUPPLEMENT", "CUT", "CARRY_IN", "PLAN", "TRANSFER");

	static final List<String> PURPOSES = List.of("NANG_CAO", "KIEU_MAU", "MAINTENANCE", "MODEL_VILLAGE");

	private final FundingManagement funding;

	private final UnitManagement units;

	private final FormFlow flow;

	private final MessageSource messages;

	FundingFormController(FundingManagement funding, UnitManagement units, FormFlow flow, MessageSource messages) {
		this.funding = funding;
		this.units = units;
		this.flow = flow;
		this.messages = messages;
	}

	/** A refusal of the facade: its field marked, its reason above the form, 422/409. */
	private void refused(RuntimeException ex, BindingResult binding, Model model, HttpServletResponse response,
			Locale locale) {
		response.setStatus(ex instanceof ConcurrentChangeException ? HttpStatus.CONFLICT.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		if (ex instanceof FundingFieldException field) {
			FundingForms.reject(binding, field);
		}
		flow.error(model, (vn.ntm.shared.LocalizedFailure) ex, locale);
	}

	private static void invalid(HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
	}

	// ------------------------------------------------------------------ works

	@GetMapping("/funding/units/{id}/works/new")
	String newWork(@PathVariable long id, Model model) {
		funding.requireEdit(id);
		WorkForm form = new WorkForm();
		form.setUnitId(id);
		model.addAttribute("form", form);
		return showWork(id, null, model);
	}

	private String showWork(long unitId, FundingViews.@Nullable WorkView work, Model model) {
		model.addAttribute("unitId", unitId);
		model.addAttribute("unitChoices", below(unitId));
		model.addAttribute("work", work);
		return "funding/work-form";
	}

	@PostMapping("/funding/units/{id}/works/new")
	String createWork(@PathVariable long id, @ModelAttribute("form") WorkForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		if (form.getUnitId() == null) {
			form.setUnitId(id);
		}
		FundingManagement.NewWork work = form.toNew(new Reader(binding));
		if (work == null) {
			invalid(response);
			return showWork(id, null, model);
		}
		try {
			long created = funding.createWork(work);
			return FormFlow.saved(redirect, "/funding/works/" + created);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			refused(ex, binding, model, response, locale);
			return showWork(id, null, model);
		}
	}

	@GetMapping("/funding/works/{id}/edit")
	String editWork(@PathVariable long id, Model model) {
		FundingViews.WorkView work = funding.work(id, VnFormat.today()).work();
		funding.requireEdit(work.unitId());
		model.addAttribute("form", WorkForm.of(work));
		return showWork(work.unitId(), work, model);
	}

	@PostMapping("/funding/works/{id}/edit")
	String updateWork(@PathVariable long id, @ModelAttribute("form") WorkForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		FundingViews.WorkView work = funding.work(id, VnFormat.today()).work();
		FundingManagement.WorkEdit edit = form.toEdit(new Reader(binding));
		if (edit == null) {
			invalid(response);
			return showWork(work.unitId(), work, model);
		}
		try {
			funding.updateWork(id, edit);
			return FormFlow.saved(redirect, "/funding/works/" + id);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			refused(ex, binding, model, response, locale);
			return showWork(work.unitId(), work, model);
		}
	}

	@GetMapping("/funding/works/{id}/progress")
	String progressForm(@PathVariable long id, Model model) {
		FundingViews.WorkView work = funding.work(id, VnFormat.today()).work();
		funding.requireEdit(work.unitId());
		model.addAttribute("form", ProgressForm.of(work));
		return showProgress(work, model);
	}

	private String showProgress(FundingViews.WorkView work, Model model) {
		model.addAttribute("work", work);
		model.addAttribute("mu", MoneyUnit.TRIEU);
		return "funding/progress-form";
	}

	@PostMapping("/funding/works/{id}/progress")
	String progress(@PathVariable long id, @ModelAttribute("form") ProgressForm form, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		FundingViews.WorkView work = funding.work(id, VnFormat.today()).work();
		FundingManagement.WorkProgress progress = form.read(new Reader(binding));
		if (progress == null) {
			invalid(response);
			return showProgress(work, model);
		}
		try {
			funding.progress(id, progress);
			return FormFlow.saved(redirect, "/funding/works/" + id);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			refused(ex, binding, model, response, locale);
			return showProgress(work, model);
		}
	}

	// ------------------------------------------------------------------ payments

	@PostMapping("/funding/works/{id}/disbursements")
	String disburse(@PathVariable long id, @ModelAttribute("disbursement") DisbursementForm form, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		FundingManagement.NewDisbursement payment = form.read(new Reader(binding));
		if (payment == null) {
			invalid(response);
			return showWorkPage(id, model);
		}
		try {
			funding.disburse(id, payment);
			return FormFlow.saved(redirect, "/funding/works/" + id);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			refused(ex, binding, model, response, locale);
			return showWorkPage(id, model);
		}
	}

	private String showWorkPage(long id, Model model) {
		LocalDate today = VnFormat.today();
		model.addAttribute("w", funding.work(id, today));
		model.addAttribute("sources", funding.sources());
		model.addAttribute("at", today);
		model.addAttribute("mu", MoneyUnit.TRIEU);
		return "funding/work";
	}

	// ------------------------------------------------------------------ capital plans

	@GetMapping("/funding/units/{id}/transactions/new")
	String newTransaction(@PathVariable long id, @RequestParam(required = false) @Nullable String kind,
			@ModelAttribute("form") TransactionForm form, Model model) {
		funding.requireEdit(id);
		if (kind == null) {
			form.setYear(String.valueOf(VnFormat.today().getYear()));
		}
		return showTransaction(id, form, model);
	}

	private String showTransaction(long unitId, TransactionForm form, Model model) {
		if (!KINDS.contains(form.getKind())) {
			form.setKind("ASSIGN");
		}
		UnitDetails unit = units.details(unitId, VnFormat.today());
		model.addAttribute("unitId", unitId);
		model.addAttribute("unitName", unit.version().fullName());
		model.addAttribute("kinds", KINDS);
		model.addAttribute("purposes", PURPOSES);
		model.addAttribute("sources", funding.sources().stream().filter(s -> s.active()).toList());
		model.addAttribute("targets", form.isTransfer() ? transferTargets(unit) : List.of());
		model.addAttribute("transactions",
				funding
					.summary(unitId, VnFormat.today().getYear() - 1, VnFormat.today().getYear() + 1, VnFormat.today())
					.transactions());
		return "funding/transaction-form";
	}

	@PostMapping("/funding/units/{id}/transactions/new")
	String recordTransaction(@PathVariable long id, @ModelAttribute("form") TransactionForm form, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		Reader reader = new Reader(binding);
		try {
			if (form.isTransfer()) {
				FundingManagement.Transfer transfer = form.toTransfer(id, reader);
				if (transfer == null) {
					invalid(response);
					return showTransaction(id, form, model);
				}
				funding.transfer(transfer);
			}
			else {
				FundingManagement.NewTransaction transaction = form.toTransaction(id, reader);
				if (transaction == null) {
					invalid(response);
					return showTransaction(id, form, model);
				}
				funding.recordTransaction(transaction);
			}
			return FormFlow.saved(redirect, "/funding/units/" + id);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			refused(ex, binding, model, response, locale);
			return showTransaction(id, form, model);
		}
	}

	// ------------------------------------------------------------------ rule settings

	@GetMapping("/funding/provinces/{id}/rules")
	String rules(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(defaultValue = "YEAR") String scope, Model model) {
		return showRules(id, year == null ? VnFormat.today().getYear() : year, "ALL".equals(scope), model);
	}

	private String showRules(long id, int year, boolean everyYear, Model model) {
		List<FundingViews.RuleRow> rows = funding.ruleRows(id, year);
		Map<FundingRule, RuleForm> forms = new EnumMap<>(FundingRule.class);
		rows.forEach(r -> forms.put(r.rule(), RuleForm.of(r, everyYear)));
		model.addAttribute("provinceId", id);
		model.addAttribute("provinceName", units.details(id, VnFormat.today()).version().fullName());
		model.addAttribute("year", year);
		model.addAttribute("everyYear", everyYear);
		model.addAttribute("rows", rows);
		model.addAttribute("forms", forms);
		model.addAttribute("canEdit", canEdit(id));
		model.addAttribute("noErrors", Map.of());
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "funding/rules";
	}

	private boolean canEdit(long unitId) {
		try {
			funding.requireEdit(unitId);
			return true;
		}
		catch (org.springframework.security.access.AccessDeniedException ex) {
			return false;
		}
	}

	@PostMapping("/funding/provinces/{id}/rules/{rule}")
	String saveRule(@PathVariable long id, @PathVariable FundingRule rule, @RequestParam int year,
			@ModelAttribute("ruleForm") RuleForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		boolean everyYear = "ALL".equals(form.getScope());
		String back = "/funding/provinces/" + id + "/rules?year=" + year + (everyYear ? "&scope=ALL" : "");
		RuleSetting setting = form.read(rule, new Reader(binding));
		try {
			if (setting != null) {
				funding.saveSetting(id, everyYear ? null : year, setting, form.getVersion());
				return FormFlow.saved(redirect, back);
			}
			invalid(response);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			refused(ex, binding, model, response, locale);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			errors.putIfAbsent(error.getField(), messages.getMessage(error, locale));
		}
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("failedRule", rule);
		model.addAttribute("failedForm", form);
		return showRules(id, year, everyYear, model);
	}

	// ------------------------------------------------------------------ units to choose

	record Choice(long id, String name) {
	}

	/** The unit and the units below it (as of today, or its last day if it has ended). */
	private List<Choice> below(long unitId) {
		UnitDetails unit = units.details(unitId, VnFormat.today());
		List<Choice> choices = new ArrayList<>();
		choices.add(new Choice(unitId, unit.version().fullName()));
		for (UnitRef u : units.descendants(unitId, unit.shownAt())) {
			choices.add(new Choice(u.id(), u.fullName()));
		}
		return choices;
	}

	/** Where a unit's capital may go: the districts and communes of its province. */
	private List<Choice> transferTargets(UnitDetails unit) {
		UnitRef province = unit.version().level() == 1 ? unit.version()
				: unit.ancestors().stream().filter(u -> u.level() == 1).findFirst().orElse(unit.version());
		List<Choice> choices = new ArrayList<>();
		for (UnitRef u : units.descendants(province.id(), unit.shownAt())) {
			if (u.id() != unit.id() && u.level() >= 2 && u.level() <= 3) {
				choices.add(new Choice(u.id(), u.fullName()));
			}
		}
		return choices;
	}

}
