package vn.ntm.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An assessment's place in its path.
 *
 * @param checks the current round's criterion checks, by criterion number order
 * @param steps every step so far, oldest first
 * @param actions what the current user may do now
 * @param checkable the criteria the current user may check now
 * @param appraisals the current round's appraisals of criteria and indicators (the
 * criterion officers' judgements of criteria are in {@code checks})
 * @param appraisable the criteria whose result (or whose indicators') the current user
 * may appraise now
 */
public record WorkflowState(AssessmentView assessment, AssessmentStatus status, @Nullable Instant statusAt,
		@Nullable String statusBy, List<CriterionCheck> checks, List<WorkflowStep> steps,
		Set<AssessmentWorkflow.Action> actions, Set<String> checkable, List<Appraised> appraisals,
		Set<String> appraisable) {

	public WorkflowState {
		checks = List.copyOf(checks);
		steps = List.copyOf(steps);
		appraisals = List.copyOf(appraisals);
	}

	/** The appraisals of a criterion and its indicators, latest step first. */
	public List<Appraised> appraisalsOf(String criterion) {
		return appraisals.stream()
			.filter(a -> a.criterion().equals(criterion))
			.sorted(java.util.Comparator.comparing(Appraised::stage).reversed())
			.toList();
	}

	public boolean can(AssessmentWorkflow.Action action) {
		return actions.contains(action);
	}

	/** The check of a criterion in the current round, if any. */
	public @Nullable CriterionCheck check(String criterion) {
		return checks.stream().filter(c -> c.criterion().equals(criterion)).findFirst().orElse(null);
	}

	public long returnedCount() {
		return checks.stream().filter(CriterionCheck::returned).count();
	}

	/** A criterion checked by an officer. */
	public record CriterionCheck(String criterion, AssessmentWorkflow.CheckVerdict verdict,
			@Nullable Boolean appraisedMet, @Nullable String reason, String checkedBy, Instant checkedAt) {

		public boolean returned() {
			return verdict == AssessmentWorkflow.CheckVerdict.RETURNED;
		}

	}

	/**
	 * A criterion ({@code indicator} empty) or an indicator appraised at a step of the
	 * path. Stages are labelled under {@code engine.stage.<NAME>}.
	 */
	public record Appraised(String criterion, @Nullable String indicator, vn.ntm.criteria.engine.Appraisal.Stage stage,
			boolean met, String reason, String by, Instant at) {

		/** What was appraised: the indicator's code, else the criterion's number. */
		public String code() {
			return indicator != null ? indicator : criterion;
		}

	}

	/** One step of the path. Labels of actions under {@code workflow.step.<action>}. */
	public record WorkflowStep(String action, @Nullable AssessmentStatus from, AssessmentStatus to,
			@Nullable String criterion, @Nullable String reason, String actor, @Nullable String actorName, Instant at) {
	}

}
