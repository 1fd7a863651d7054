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
 */
public record WorkflowState(AssessmentView assessment, AssessmentStatus status, @Nullable Instant statusAt,
		@Nullable String statusBy, List<CriterionCheck> checks, List<WorkflowStep> steps,
		Set<AssessmentWorkflow.Action> actions, Set<String> checkable) {

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

	/** One step of the path. Labels of actions under {@code workflow.step.<action>}. */
	public record WorkflowStep(String action, @Nullable AssessmentStatus from, AssessmentStatus to,
			@Nullable String criterion, @Nullable String reason, String actor, @Nullable String actorName, Instant at) {
	}

}
