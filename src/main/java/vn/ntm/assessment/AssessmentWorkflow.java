package vn.ntm.assessment;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The yearly path of an assessment: the unit submits it; the officer of the agency
 * responsible for a criterion agrees with it or returns it with a reason; the level above
 * reviews it (thẩm tra); the province appraises and approves it (thẩm định), after which
 * it is read-only until reopened with a reason. Every action names the version the caller
 * read, is refused if someone changed the assessment since, is recorded as a step and is
 * audited.
 */
public interface AssessmentWorkflow {

	/** Submitted by the unit (from draft, or again after a return). */
	WorkflowState submit(long assessmentId, int expectedVersion);

	/**
	 * A criterion checked by an officer bound to it: agreed, or returned with a reason
	 * (the assessment goes back to the unit). {@code appraisedMet}, when given and
	 * different from the unit's own result, is kept beside it.
	 */
	WorkflowState check(long assessmentId, String criterion, CheckVerdict verdict, @Nullable Boolean appraisedMet,
			@Nullable String reason, int expectedVersion);

	/**
	 * A criterion ({@code indicator} empty) or one of its indicators appraised, with the
	 * reason: by the officer of the agency bound to the criterion while checking (its
	 * indicators; the criterion itself through {@link #check}), by the level above while
	 * reviewing, by the province before approving. The appraisal decides the results
	 * everywhere (summary, matrix, exports); the unit's own result is kept beside it.
	 * {@code met} empty withdraws the caller's appraisal at this step.
	 */
	WorkflowState appraise(long assessmentId, String criterion, @Nullable String indicator, @Nullable Boolean met,
			@Nullable String reason, int expectedVersion);

	/**
	 * Recorded as decided by a document (seed data, results the documents state): the
	 * assessment becomes approved as of the document's date, with a step naming the
	 * document. Only for system work and administrators, from a draft nobody has
	 * submitted.
	 */
	WorkflowState recordFromDocument(long assessmentId, java.time.LocalDate decidedOn, String document);

	/** Reviewed (thẩm tra) by the level above; no criterion may be returned. */
	WorkflowState review(long assessmentId, @Nullable String note, int expectedVersion);

	/** Appraised and approved (thẩm định): locked. */
	WorkflowState approve(long assessmentId, @Nullable String note, int expectedVersion);

	/** Sent back to the unit as a whole by a reviewer, with a reason. */
	WorkflowState sendBack(long assessmentId, String reason, int expectedVersion);

	/** An approved assessment opened again for changes, with a reason. */
	WorkflowState reopen(long assessmentId, String reason, int expectedVersion);

	/**
	 * Which criteria have neither a figure nor a result, and whether the set lets the
	 * assessment be submitted so ({@code CriteriaCatalog.allowsIncompleteSubmission},
	 * default no: {@link #submit} then refuses, naming the count).
	 */
	Completeness completeness(long assessmentId);

	/**
	 * Where the assessment is, its checks and steps, and what the current user may do.
	 */
	WorkflowState state(long assessmentId);

	/**
	 * Assessments waiting for the current user: to check (criterion officers), to review
	 * or approve (offices above), or returned to the user's units.
	 */
	List<WaitingAssessment> waitingForMe();

	/** A criterion officer's verdict. */
	enum CheckVerdict {

		AGREED, RETURNED

	}

	/** What the current user may do now. Labels under {@code workflow.action.<NAME>}. */
	enum Action {

		EDIT, SUBMIT, CHECK, APPRAISE, REVIEW, APPROVE, SEND_BACK, REOPEN

	}

}
