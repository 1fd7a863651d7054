package vn.ntm.assessment.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.assessment.AssessmentWorkflow;
import vn.ntm.assessment.AssessmentWorkflow.CheckVerdict;
import vn.ntm.assessment.WaitingAssessment;
import vn.ntm.assessment.WorkflowState;

/**
 * The yearly path of an assessment through the API. Every action takes the
 * {@code expectedVersion} (the {@code rowVersion} read with the assessment) and answers
 * the new state; a stale version is refused with 409 naming who changed what.
 */
@RestController
@RequestMapping("/api/v1")
class WorkflowApiController {

	private final AssessmentWorkflow workflow;

	WorkflowApiController(AssessmentWorkflow workflow) {
		this.workflow = workflow;
	}

	@GetMapping("/assessments/{id}/workflow")
	WorkflowState state(@PathVariable long id) {
		return workflow.state(id);
	}

	/**
	 * Which criteria have no figure or result, and whether the set lets it be submitted
	 * so.
	 */
	@GetMapping("/assessments/{id}/completeness")
	vn.ntm.assessment.Completeness completeness(@org.springframework.web.bind.annotation.PathVariable long id) {
		return workflow.completeness(id);
	}

	@GetMapping("/assessments/waiting")
	List<WaitingAssessment> waiting() {
		return workflow.waitingForMe();
	}

	@PostMapping("/assessments/{id}/submit")
	WorkflowState submit(@PathVariable long id, @Valid @RequestBody Step step) {
		return workflow.submit(id, step.expectedVersion());
	}

	@PutMapping("/assessments/{id}/checks/{criterion}")
	WorkflowState check(@PathVariable long id, @PathVariable String criterion, @Valid @RequestBody Check check) {
		return workflow.check(id, criterion, check.verdict(), check.appraisedMet(), check.reason(),
				check.expectedVersion());
	}

	/**
	 * A criterion or one of its indicators appraised (by the criterion's officer — its
	 * indicators —, the level reviewing, the province appraising); {@code met} empty
	 * withdraws the caller's appraisal.
	 */
	@PostMapping("/assessments/{id}/appraisals")
	WorkflowState appraise(@PathVariable long id, @Valid @RequestBody Appraise appraisal) {
		return workflow.appraise(id, appraisal.criterion(), appraisal.indicator(), appraisal.met(), appraisal.reason(),
				appraisal.expectedVersion());
	}

	@PostMapping("/assessments/{id}/review")
	WorkflowState review(@PathVariable long id, @Valid @RequestBody Step step) {
		return workflow.review(id, step.reason(), step.expectedVersion());
	}

	@PostMapping("/assessments/{id}/approve")
	WorkflowState approve(@PathVariable long id, @Valid @RequestBody Step step) {
		return workflow.approve(id, step.reason(), step.expectedVersion());
	}

	@PostMapping("/assessments/{id}/send-back")
	WorkflowState sendBack(@PathVariable long id, @Valid @RequestBody Step step) {
		return workflow.sendBack(id, step.reason() == null ? "" : step.reason(), step.expectedVersion());
	}

	@PostMapping("/assessments/{id}/reopen")
	WorkflowState reopen(@PathVariable long id, @Valid @RequestBody Step step) {
		return workflow.reopen(id, step.reason() == null ? "" : step.reason(), step.expectedVersion());
	}

	/** A step: the version read, and a reason or note where the step takes one. */
	record Step(@NotNull(message = "{assessment.expectedVersion.required}") Integer expectedVersion,
			@Nullable String reason) {
	}

	/** An appraisal of a criterion, or of one of its indicators. */
	record Appraise(@NotNull(message = "{assessment.expectedVersion.required}") Integer expectedVersion,
			@NotNull(message = "{workflow.appraise.criterionRequired}") String criterion, @Nullable String indicator,
			@Nullable Boolean met, @Nullable String reason) {
	}

	/** A criterion officer's check. */
	record Check(@NotNull(message = "{assessment.expectedVersion.required}") Integer expectedVersion,
			@NotNull(message = "{workflow.verdict.required}") CheckVerdict verdict, @Nullable Boolean appraisedMet,
			@Nullable String reason) {
	}

}
