package vn.ntm.assessment.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.shared.web.ReadOnlyPage;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.ValueInput;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.engine.Evaluation;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.Problem;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.web.FormFlow;

/**
 * The fast entry page of an assessment: every criterion and indicator on one page, the
 * verdict recomputed as people type (nothing stored), last year's values beside the
 * fields, and a save that refuses to overwrite someone else's.
 */
@Controller
class EntryPageController {

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final AccessPolicy access;

	private final FormFlow flow;

	private final EvaluationDisplay display;

	private final MessageSource messages;

	private final vn.ntm.assessment.AssessmentWorkflow workflow;

	EntryPageController(AssessmentManagement assessments, CriteriaCatalog catalog, AccessPolicy access, FormFlow flow,
			EvaluationDisplay display, MessageSource messages, vn.ntm.assessment.AssessmentWorkflow workflow) {
		this.workflow = workflow;
		this.assessments = assessments;
		this.catalog = catalog;
		this.access = access;
		this.flow = flow;
		this.display = display;
		this.messages = messages;
	}

	@ReadOnlyPage
	@GetMapping("/assessments/{id}/entry")
	String page(@PathVariable long id, Model model, Locale locale) {
		AssessmentView view = assessments.get(id);
		show(view, model, null, List.of(), locale);
		return "assessment/entry";
	}

	/** The verdict of what the form holds now, stored nowhere (htmx fragment). */
	@PostMapping("/assessments/{id}/entry/evaluate")
	String evaluate(@PathVariable long id, HttpServletRequest request, Model model, Locale locale) {
		AssessmentView view = assessments.get(id);
		SetDefinition set = catalog.definition(view.setId());
		EntryForm form = EntryForm.from(request.getParameterMap());
		List<Problem> problems = new ArrayList<>();
		AssessmentEntry entry = form.read(set, problems);
		Evaluation evaluation;
		try {
			evaluation = assessments.evaluateEntry(view.unitId(), view.setId(), view.asOf(), entry);
		}
		catch (RejectedInput rejected) {
			// values the facade refuses are shown beside their fields and left out
			problems.addAll(rejected.problems());
			evaluation = assessments.evaluateEntry(view.unitId(), view.setId(), view.asOf(),
					without(entry, rejected.problems()));
		}
		model.addAttribute("e", evaluation);
		model.addAttribute("oob", true);
		model.addAttribute("fieldErrors", EntryPage.fieldErrors(problems, messages, locale));
		model.addAttribute("sections", EntryPage.sections(set, evaluation, display, Map.of()));
		model.addAttribute("results", EntryPage.indicatorResults(evaluation));
		model.addAttribute("criteria", criteria(evaluation));
		model.addAttribute("view", view);
		return "assessment/entry :: verdict";
	}

	private static AssessmentEntry without(AssessmentEntry entry, List<Problem> problems) {
		Set<String> codes = new HashSet<>();
		problems.forEach(p -> p.where()
			.stream()
			.filter(w -> w.key().equals("where.indicator"))
			.forEach(w -> codes.add(w.value())));
		Map<String, @Nullable ValueInput> values = new LinkedHashMap<>();
		if (entry.values() != null) {
			entry.values().forEach((code, value) -> values.put(code, codes.contains(code) ? null : value));
		}
		return new AssessmentEntry(values, entry.met(), entry.notMet(), entry.statedMetCount(), entry.source(),
				entry.expectedVersion());
	}

	/**
	 * Saves what the form holds if nobody saved since the page was loaded; a refusal (a
	 * value that cannot be read, someone else's save, a locked assessment) shows the page
	 * again with everything that was typed.
	 */
	@PostMapping("/assessments/{id}/entries")
	String record(@PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		AssessmentView view = assessments.get(id);
		access.requireActOn(view.unitId(), Permission.ASSESSMENT_ENTER);
		EntryForm form = EntryForm.from(request.getParameterMap());
		try {
			assessments.requireEditable(id);
			AssessmentEntry entry = form.toEntry(catalog.definition(view.setId()));
			assessments.record(id, entry);
			return FormFlow.saved(redirect, "/assessments/" + id + "/entry");
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			response.setStatus(ex instanceof ConcurrentChangeException ? HttpStatus.CONFLICT.value()
					: HttpStatus.UNPROCESSABLE_CONTENT.value());
			flow.error(model, (LocalizedFailure) ex, locale);
			if (ex instanceof ConcurrentChangeException) {
				model.addAttribute("conflict", true);
				model.addAttribute("differences", EntryPage.differences(catalog.definition(view.setId()), form,
						EntryForm.of(view, assessments.input(id), assessments.values(id))));
			}
			show(view, model, form, ex instanceof RejectedInput rejected ? rejected.problems() : List.of(), locale);
			return "assessment/entry";
		}
	}

	private void show(AssessmentView view, Model model, @Nullable EntryForm typed, List<Problem> problems,
			Locale locale) {
		SetDefinition set = catalog.definition(view.setId());
		Evaluation evaluation;
		EntryForm form;
		if (typed == null) {
			form = EntryForm.of(view, assessments.input(view.id()), assessments.values(view.id()));
			evaluation = assessments.evaluate(view.id()).evaluation();
		}
		else {
			form = typed;
			List<Problem> unread = new ArrayList<>();
			AssessmentEntry entry = typed.read(set, unread);
			try {
				evaluation = assessments.evaluateEntry(view.unitId(), view.setId(), view.asOf(), entry);
			}
			catch (RejectedInput rejected) {
				evaluation = assessments.evaluateEntry(view.unitId(), view.setId(), view.asOf(),
						without(entry, rejected.problems()));
			}
		}
		Optional<AssessmentView> previous = assessments.previous(view.id());
		Map<String, ValueInput> previousValues = previous.map(p -> assessments.values(p.id())).orElse(Map.of());
		boolean canEnter = assessments.canEnter(view.unitId());
		boolean editable = canEnter && AssessmentStatus.valueOf(view.status()).editable();
		model.addAttribute("view", view);
		// criteria returned by their officers, with the reason, beside the criterion
		Map<String, vn.ntm.assessment.WorkflowState.CriterionCheck> returned = new java.util.LinkedHashMap<>();
		if (AssessmentStatus.valueOf(view.status()) == AssessmentStatus.RETURNED) {
			workflow.state(view.id())
				.checks()
				.stream()
				.filter(vn.ntm.assessment.WorkflowState.CriterionCheck::returned)
				.forEach(c -> returned.put(c.criterion(), c));
		}
		model.addAttribute("returned", returned);
		model.addAttribute("form", form);
		model.addAttribute("e", evaluation);
		model.addAttribute("oob", false);
		model.addAttribute("sections", EntryPage.sections(set, evaluation, display, previousValues));
		model.addAttribute("results", EntryPage.indicatorResults(evaluation));
		model.addAttribute("criteria", criteria(evaluation));
		model.addAttribute("previous", previous.orElse(null));
		model.addAttribute("canEnter", canEnter);
		model.addAttribute("editable", editable);
		model.addAttribute("fieldErrors", EntryPage.fieldErrors(problems, messages, locale));
	}

	private static Map<String, vn.ntm.criteria.engine.CriterionResult> criteria(Evaluation evaluation) {
		Map<String, vn.ntm.criteria.engine.CriterionResult> criteria = new LinkedHashMap<>();
		EntryPage.criteria(evaluation).forEach(c -> criteria.put(c.number(), c));
		return criteria;
	}

}
