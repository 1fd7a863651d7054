package vn.ntm.planning.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.planning.Deadline;
import vn.ntm.planning.DutyForm;
import vn.ntm.planning.DutyView;
import vn.ntm.planning.PlanForm;
import vn.ntm.planning.PlanView;
import vn.ntm.planning.Planning;
import vn.ntm.planning.ReportingDuties;
import vn.ntm.planning.TaskForm;
import vn.ntm.planning.TaskStatus;
import vn.ntm.planning.TaskView;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;

/**
 * The forms that write plans: a plan (create, edit), its sections (add, edit), a task
 * (add, edit, reassign, change status) with a live reading of its deadline, and reporting
 * duties (create, edit). Every form is shown only to those who may change what it writes
 * and every command is checked again by the facade; a refusal is shown on the field it is
 * about, a concurrent change above the form, and nothing is saved.
 */
@Controller
class PlanFormController {

	private final Planning planning;

	private final ReportingDuties duties;

	private final UnitManagement units;

	private final CriteriaCatalog catalog;

	private final AccessPolicy access;

	private final FieldFailures failures;

	private final MessageSource messages;

	PlanFormController(Planning planning, ReportingDuties duties, UnitManagement units, CriteriaCatalog catalog,
			AccessPolicy access, FieldFailures failures, MessageSource messages) {
		this.planning = planning;
		this.duties = duties;
		this.units = units;
		this.catalog = catalog;
		this.access = access;
		this.failures = failures;
		this.messages = messages;
	}

	// ---- plans

	@GetMapping("/plans/new")
	String newPlan(@RequestParam(required = false) @Nullable Long unit, Model model) {
		List<UnitRef> choices = plannable(unit);
		if (choices.isEmpty()) {
			throw AccessRefused.missingPermission(Permission.PLAN_EDIT);
		}
		PlanFormData form = new PlanFormData();
		form.setUnitId(unit != null ? unit : choices.get(0).id());
		String year = String.valueOf(VnFormat.today().getYear());
		form.setYearFrom(year);
		form.setYearTo(year);
		model.addAttribute("form", form);
		return showPlan(null, unit, model);
	}

	@PostMapping("/plans/new")
	String createPlan(@ModelAttribute("form") PlanFormData form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		PlanForm plan = form.read(binding);
		if (plan != null) {
			try {
				long id = planning.createPlan(plan);
				return FormFlow.saved(redirect, "/plans/" + id);
			}
			catch (BusinessRuleException ex) {
				failures.refused(ex, binding, "title", model, response, locale);
			}
		}
		failures.list("plan", binding, model, response, locale);
		return showPlan(null, form.getUnitId(), model);
	}

	@GetMapping("/plans/{id}/edit")
	String editPlan(@PathVariable long id, Model model) {
		PlanView plan = editable(id);
		model.addAttribute("form", PlanFormData.of(plan));
		return showPlan(plan, plan.summary().unitId(), model);
	}

	@PostMapping("/plans/{id}/edit")
	String updatePlan(@PathVariable long id, @ModelAttribute("form") PlanFormData form, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		PlanView plan = editable(id);
		PlanForm changed = form.read(binding);
		if (changed != null) {
			try {
				planning.updatePlan(id, changed, form.getExpectedVersion());
				return FormFlow.saved(redirect, "/plans/" + id);
			}
			catch (BusinessRuleException | ConcurrentChangeException ex) {
				failures.refused((LocalizedFailure) ex, binding, "title", model, response, locale);
			}
		}
		failures.list("plan", binding, model, response, locale);
		return showPlan(plan, plan.summary().unitId(), model);
	}

	private String showPlan(@Nullable PlanView plan, @Nullable Long unit, Model model) {
		model.addAttribute("plan", plan);
		List<UnitRef> choices = new ArrayList<>(plannable(unit));
		if (plan != null && choices.stream().noneMatch(u -> u.id() == plan.summary().unitId())) {
			ref(plan.summary().unitId()).ifPresent(choices::add);
		}
		model.addAttribute("unitChoices", choices);
		Map<String, String> sets = new LinkedHashMap<>();
		catalog.sets().forEach(s -> sets.putIfAbsent(s.code(), s.code() + " — " + s.name()));
		model.addAttribute("setChoices", sets);
		return "planning/form-plan";
	}

	/**
	 * The units the user may lay down plans for: their own units (and the one asked for),
	 * those the policy lets them change plans of.
	 */
	private List<UnitRef> plannable(@Nullable Long wanted) {
		List<Long> ids = new ArrayList<>();
		if (wanted != null) {
			ids.add(wanted);
		}
		access.currentIfAny().ifPresent(me -> me.unitIds().stream().sorted().forEach(ids::add));
		List<UnitRef> result = new ArrayList<>();
		for (Long id : ids.stream().distinct().toList()) {
			if (planning.canPlan(id)) {
				ref(id).ifPresent(result::add);
			}
		}
		return result;
	}

	// ---- sections

	@GetMapping("/plans/{id}/sections/new")
	String newSection(@PathVariable long id, Model model) {
		PlanView plan = editable(id);
		model.addAttribute("form", new SectionFormData());
		return showSection(plan, null, model);
	}

	@PostMapping("/plans/{id}/sections/new")
	String addSection(@PathVariable long id, @ModelAttribute("form") SectionFormData form, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		PlanView plan = editable(id);
		if (form.read(binding)) {
			try {
				planning.addSection(id, form.getNumber(), Objects.requireNonNull(form.getTitle()));
				return FormFlow.saved(redirect, "/plans/" + id);
			}
			catch (BusinessRuleException ex) {
				failures.refused(ex, binding, "title", model, response, locale);
			}
		}
		failures.list("section", binding, model, response, locale);
		return showSection(plan, null, model);
	}

	@GetMapping("/plans/{id}/sections/{sectionId}/edit")
	String editSection(@PathVariable long id, @PathVariable long sectionId, Model model) {
		PlanView plan = editable(id);
		PlanView.Section section = section(plan, sectionId);
		model.addAttribute("form", SectionFormData.of(section));
		return showSection(plan, section, model);
	}

	@PostMapping("/plans/{id}/sections/{sectionId}/edit")
	String updateSection(@PathVariable long id, @PathVariable long sectionId,
			@ModelAttribute("form") SectionFormData form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		PlanView plan = editable(id);
		PlanView.Section section = section(plan, sectionId);
		if (form.read(binding)) {
			try {
				planning.updateSection(sectionId, form.getNumber(), Objects.requireNonNull(form.getTitle()),
						form.getExpectedVersion());
				return FormFlow.saved(redirect, "/plans/" + id);
			}
			catch (BusinessRuleException | ConcurrentChangeException ex) {
				failures.refused((LocalizedFailure) ex, binding, "title", model, response, locale);
			}
		}
		failures.list("section", binding, model, response, locale);
		return showSection(plan, section, model);
	}

	private String showSection(PlanView plan, PlanView.@Nullable Section section, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("editedSection", section);
		return "planning/form-section";
	}

	private static PlanView.Section section(PlanView plan, long sectionId) {
		return plan.sections()
			.stream()
			.filter(s -> s.id() == sectionId)
			.findFirst()
			.orElseThrow(() -> new vn.ntm.shared.NotFoundException("planning.section.notFound", sectionId));
	}

	// ---- tasks

	@GetMapping("/plans/{id}/tasks/new")
	String newTask(@PathVariable long id, @RequestParam(required = false) @Nullable Long section, Model model) {
		PlanView plan = editable(id);
		TaskFormData form = new TaskFormData();
		form.setSectionId(section);
		model.addAttribute("form", form);
		return showTask(plan, null, model);
	}

	@PostMapping("/plans/{id}/tasks/new")
	String addTask(@PathVariable long id, @ModelAttribute("form") TaskFormData form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		PlanView plan = editable(id);
		TaskForm task = form.read(binding);
		checkLead(plan, form.getLeadUserId(), null, binding);
		if (task != null && !binding.hasErrors()) {
			try {
				long taskId = planning.addTask(id, task);
				return FormFlow.saved(redirect, "/tasks/" + taskId);
			}
			catch (BusinessRuleException ex) {
				failures.refused(ex, binding, "deadline", model, response, locale);
			}
		}
		failures.list("task", binding, model, response, locale);
		return showTask(plan, null, model);
	}

	@GetMapping("/tasks/{id}/edit")
	String editTask(@PathVariable long id, Model model) {
		TaskView task = planning.task(id);
		PlanView plan = editable(task.planId());
		model.addAttribute("form", TaskFormData.of(task));
		return showTask(plan, task, model);
	}

	@PostMapping("/tasks/{id}/edit")
	String updateTask(@PathVariable long id, @ModelAttribute("form") TaskFormData form, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		TaskView before = planning.task(id);
		PlanView plan = editable(before.planId());
		TaskForm task = form.read(binding);
		checkLead(plan, form.getLeadUserId(), before.leadUserId(), binding);
		if (task != null && !binding.hasErrors()) {
			try {
				planning.updateTask(id, task, form.getStatus(), form.getReason(), form.getExpectedVersion());
				return FormFlow.saved(redirect, "/tasks/" + id);
			}
			catch (BusinessRuleException | ConcurrentChangeException ex) {
				failures.refused((LocalizedFailure) ex, binding, "deadline", model, response, locale);
			}
		}
		failures.list("task", binding, model, response, locale);
		return showTask(plan, before, model);
	}

	/**
	 * The deadline as the task form reads it while it is typed (htmx): the dates it
	 * means, with the plan's first year for a month or quarter written without one.
	 */
	@GetMapping("/plans/{id}/deadline")
	String deadline(@PathVariable long id, @RequestParam(required = false) @Nullable String deadline, Model model,
			Locale locale) {
		PlanView plan = planning.plan(id);
		model.addAttribute("preview", preview(deadline, plan.summary().yearFrom(), locale));
		return "planning/form-task :: preview";
	}

	/** What a deadline means, or why it cannot be read; null for an empty text. */
	@Nullable Preview preview(@Nullable String text, int year, Locale locale) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			Deadline d = Deadline.parse(text, year);
			if (d.isRecurring()) {
				List<String> next = d.occurrences(VnFormat.today(), VnFormat.today().plusYears(1))
					.stream()
					.limit(3)
					.map(VnFormat::date)
					.toList();
				return new Preview(true, messages.getMessage("planning.preview.recurring",
						new Object[] { String.join(", ", next) }, locale));
			}
			if (d.due() == null) {
				return new Preview(true, messages.getMessage("planning.preview.ongoing", null, locale));
			}
			if (d.start() != null) {
				return new Preview(true, messages.getMessage("planning.preview.span",
						new Object[] { VnFormat.date(d.start()), VnFormat.date(d.due()) }, locale));
			}
			return new Preview(true,
					messages.getMessage("planning.preview.due", new Object[] { VnFormat.date(d.due()) }, locale));
		}
		catch (BusinessRuleException ex) {
			return new Preview(false, LocalizedMessages.of(messages, ex, locale));
		}
	}

	/** An account to give a task to, as the form lists it. */
	record Choice(long id, String label) {
	}

	/** The reading of a deadline: what it means, or why it cannot be read. */
	record Preview(boolean readable, String text) {
	}

	private void checkLead(PlanView plan, @Nullable Long leadUserId, @Nullable Long current, BindingResult binding) {
		if (leadUserId == null || leadUserId.equals(current)) {
			return;
		}
		if (planning.leadCandidates(plan.id()).stream().noneMatch(o -> o.id() == leadUserId)) {
			binding.rejectValue("leadUserId", "planning.form.leadUnknown");
		}
	}

	private String showTask(PlanView plan, @Nullable TaskView task, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("task", task);
		List<Choice> leads = new ArrayList<>(
				planning.leadCandidates(plan.id()).stream().map(o -> new Choice(o.id(), o.label())).toList());
		// the lead the task has stays a choice even when the account is no longer one of
		// the plan's units (else saving the form would drop it)
		if (task != null && task.leadUserId() != null && leads.stream().noneMatch(c -> c.id() == task.leadUserId())) {
			leads.add(new Choice(task.leadUserId(),
					task.leadPerson() != null ? task.leadPerson() : "#" + task.leadUserId()));
		}
		model.addAttribute("leadChoices", leads);
		LocalDate today = VnFormat.today();
		List<UnitRef> concerned = new ArrayList<>();
		ref(plan.summary().unitId()).ifPresent(concerned::add);
		concerned.addAll(units.children(plan.summary().unitId(), today));
		if (task != null) {
			for (Long id : task.unitIds()) {
				if (concerned.stream().noneMatch(u -> u.id() == id)) {
					ref(id).ifPresent(concerned::add);
				}
			}
		}
		model.addAttribute("unitChoices", concerned);
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("preview",
				preview(model.getAttribute("form") instanceof TaskFormData f ? f.getDeadline() : null,
						plan.summary().yearFrom(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		return "planning/form-task";
	}

	// ---- reporting duties

	@GetMapping("/plans/duties/new")
	String newDuty(@RequestParam(required = false) @Nullable Long unit, Model model) {
		List<UnitRef> owing = owingUnits(unit);
		if (owing.isEmpty()) {
			throw AccessRefused.missingPermission(Permission.PLAN_EDIT);
		}
		DutyFormData form = new DutyFormData();
		form.setUnitId(unit != null ? unit : owing.get(0).id());
		form.setStartsOn(VnFormat.date(VnFormat.today()));
		model.addAttribute("form", form);
		return showDuty(null, unit, model);
	}

	@PostMapping("/plans/duties/new")
	String createDuty(@ModelAttribute("form") DutyFormData form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		DutyForm duty = form.read(binding);
		if (duty != null) {
			try {
				long id = duties.create(duty);
				return FormFlow.saved(redirect, "/plans/duties/" + id);
			}
			catch (BusinessRuleException ex) {
				failures.refused(ex, binding, "schedule", model, response, locale);
			}
		}
		failures.list("duty", binding, model, response, locale);
		return showDuty(null, form.getUnitId(), model);
	}

	@GetMapping("/plans/duties/{id}/edit")
	String editDuty(@PathVariable long id, Model model) {
		DutyView duty = changeable(id);
		model.addAttribute("form", DutyFormData.of(duty));
		return showDuty(duty, duty.unitId(), model);
	}

	@PostMapping("/plans/duties/{id}/edit")
	String updateDuty(@PathVariable long id, @ModelAttribute("form") DutyFormData form, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		DutyView before = changeable(id);
		DutyForm duty = form.read(binding);
		if (duty != null) {
			try {
				duties.update(id, duty, form.getExpectedVersion());
				return FormFlow.saved(redirect, "/plans/duties/" + id);
			}
			catch (BusinessRuleException | ConcurrentChangeException ex) {
				failures.refused((LocalizedFailure) ex, binding, "schedule", model, response, locale);
			}
		}
		failures.list("duty", binding, model, response, locale);
		return showDuty(before, before.unitId(), model);
	}

	private DutyView changeable(long id) {
		DutyView duty = duties.duty(id);
		if (!duties.canChange(id)) {
			throw AccessRefused.missingPermission(Permission.PLAN_EDIT);
		}
		return duty;
	}

	private String showDuty(@Nullable DutyView duty, @Nullable Long unit, Model model) {
		model.addAttribute("duty", duty);
		List<UnitRef> owing = new ArrayList<>(owingUnits(unit));
		LocalDate today = VnFormat.today();
		if (duty != null && owing.stream().noneMatch(u -> u.id() == duty.unitId())) {
			ref(duty.unitId()).ifPresent(owing::add);
		}
		model.addAttribute("unitChoices", owing);
		List<UnitRef> recipients = new ArrayList<>();
		access.currentIfAny().ifPresent(me -> me.unitIds().stream().sorted().forEach(id -> {
			units.ancestors(id, today).forEach(recipients::add);
			ref(id).ifPresent(recipients::add);
		}));
		if (unit != null) {
			units.ancestors(unit, today).forEach(recipients::add);
		}
		if (duty != null && duty.recipientUnitId() != null) {
			ref(duty.recipientUnitId()).ifPresent(recipients::add);
		}
		model.addAttribute("recipientChoices",
				recipients.stream()
					.filter(u -> u.type().level() > 0)
					.collect(java.util.stream.Collectors.toMap(UnitRef::id, u -> u, (a, b) -> a, LinkedHashMap::new))
					.values());
		return "planning/form-duty";
	}

	/** The units whose reports the user may set: their own and the units right below. */
	private List<UnitRef> owingUnits(@Nullable Long wanted) {
		LocalDate today = VnFormat.today();
		List<UnitRef> result = new ArrayList<>();
		List<Long> own = new ArrayList<>();
		if (wanted != null) {
			own.add(wanted);
		}
		access.currentIfAny().ifPresent(me -> me.unitIds().stream().sorted().forEach(own::add));
		for (Long id : own.stream().distinct().toList()) {
			if (!planning.canPlan(id)) {
				continue;
			}
			ref(id).ifPresent(result::add);
			result.addAll(units.children(id, today).stream().sorted(Comparator.comparing(UnitRef::name)).toList());
		}
		return result.stream()
			.collect(java.util.stream.Collectors.toMap(UnitRef::id, u -> u, (a, b) -> a, LinkedHashMap::new))
			.values()
			.stream()
			.toList();
	}

	// ---- helpers

	/** The unit as it is today, or as it was on its last day if it has ended. */
	private java.util.Optional<UnitRef> ref(long unitId) {
		return units.find(unitId, VnFormat.today())
			.or(() -> units.history(unitId).versions().stream().map(v -> v.version()).reduce((a, b) -> b));
	}

	/** The plan, when the user may change it; else refused (403). */
	private PlanView editable(long planId) {
		PlanView plan = planning.plan(planId);
		if (!plan.editable()) {
			throw AccessRefused.outsideScope(plan.summary().unitName());
		}
		return plan;
	}

}
