package vn.ntm.assessment.web;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentWorkflow;
import vn.ntm.assessment.AssessmentWorkflow.CheckVerdict;
import vn.ntm.assessment.EvaluationView;
import vn.ntm.assessment.WorkflowState;
import vn.ntm.criteria.engine.CriterionResult;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.web.FormFlow;

/**
 * The path of one assessment (status, each criterion's check beside the unit's own
 * result, the steps, the actions the user may take) and the list of assessments waiting
 * for the user.
 */
@Controller
class WorkflowPageController {

	private final AssessmentWorkflow workflow;

	private final AssessmentManagement assessments;

	private final FormFlow flow;

	private final vn.ntm.assessment.EvidenceFiles evidence;

	WorkflowPageController(AssessmentWorkflow workflow, AssessmentManagement assessments, FormFlow flow,
			vn.ntm.assessment.EvidenceFiles evidence) {
		this.evidence = evidence;
		this.workflow = workflow;
		this.assessments = assessments;
		this.flow = flow;
	}

	@GetMapping("/assessments/{id}/workflow")
	String show(@PathVariable long id, Model model) {
		WorkflowState state = workflow.state(id);
		EvaluationView evaluation = assessments.evaluate(id);
		model.addAttribute("state", state);
		model.addAttribute("a", state.assessment());
		model.addAttribute("e", evaluation.evaluation());
		model.addAttribute("unit", evaluation.unit());
		model.addAttribute("results",
				evaluation.evaluation()
					.criteria()
					.stream()
					.collect(java.util.stream.Collectors.toMap(CriterionResult::number, r -> r, (x, y) -> x,
							java.util.LinkedHashMap::new)));
		model.addAttribute("completeness", workflow.completeness(id));
		// each criterion's evidence beside its check: the files of the criterion or of
		// one of its indicators
		Map<String, String> criterionOf = new java.util.HashMap<>();
		evaluation.evaluation()
			.criteria()
			.forEach(c -> c.indicators().forEach(i -> criterionOf.put(i.code(), c.number())));
		Map<String, java.util.List<vn.ntm.assessment.EvidenceView>> files = new java.util.HashMap<>();
		for (vn.ntm.assessment.EvidenceView file : evidence.list(id)) {
			String criterion = file.criterionNumber() != null ? file.criterionNumber()
					: file.indicatorCode() == null ? null : criterionOf.get(file.indicatorCode());
			if (criterion != null && file.deletedAt() == null) {
				files.computeIfAbsent(criterion, k -> new java.util.ArrayList<>()).add(file);
			}
		}
		model.addAttribute("evidenceByCriterion", files);
		return "assessment/workflow";
	}

	@GetMapping("/assessments/waiting")
	String waiting(Model model) {
		model.addAttribute("rows", workflow.waitingForMe());
		return "assessment/waiting";
	}

	@PostMapping("/assessments/{id}/workflow/{action}")
	String act(@PathVariable long id, @PathVariable String action, @RequestParam int expectedVersion,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		Map<String, Supplier<WorkflowState>> actions = Map.of("submit", () -> workflow.submit(id, expectedVersion),
				"review", () -> workflow.review(id, reason, expectedVersion), "approve",
				() -> workflow.approve(id, reason, expectedVersion), "send-back",
				() -> workflow.sendBack(id, reason == null ? "" : reason, expectedVersion), "reopen",
				() -> workflow.reopen(id, reason == null ? "" : reason, expectedVersion));
		Supplier<WorkflowState> command = actions.get(action);
		if (command == null) {
			throw new vn.ntm.shared.NotFoundException("workflow.action.unknown", action);
		}
		return run(id, command, model, redirect, response, locale);
	}

	@PostMapping("/assessments/{id}/checks/{criterion}")
	String check(@PathVariable long id, @PathVariable String criterion, @RequestParam CheckVerdict verdict,
			@RequestParam int expectedVersion, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String appraisedMet, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		Boolean met = appraisedMet == null || appraisedMet.isBlank() ? null : Boolean.valueOf(appraisedMet);
		return run(id, () -> workflow.check(id, criterion, verdict, met, reason, expectedVersion), model, redirect,
				response, locale);
	}

	/**
	 * An appraisal from the checks table: {@code target} is the criterion's number or one
	 * of its indicators' codes; {@code met} "true", "false", or empty to withdraw.
	 */
	@PostMapping("/assessments/{id}/appraisals")
	String appraise(@PathVariable long id, @RequestParam String criterion, @RequestParam int expectedVersion,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable String met,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		String indicator = target == null || target.isBlank() || target.equals(criterion) ? null : target;
		Boolean verdict = met == null || met.isBlank() ? null : Boolean.valueOf(met);
		return run(id, () -> workflow.appraise(id, criterion, indicator, verdict, reason, expectedVersion), model,
				redirect, response, locale);
	}

	private String run(long id, Supplier<WorkflowState> command, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		try {
			command.get();
			return FormFlow.saved(redirect, "/assessments/" + id + "/workflow");
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			response.setStatus(ex instanceof ConcurrentChangeException ? HttpStatus.CONFLICT.value()
					: HttpStatus.UNPROCESSABLE_CONTENT.value());
			flow.error(model, (LocalizedFailure) ex, locale);
			return show(id, model);
		}
	}

}
