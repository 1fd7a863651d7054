package vn.ntm.assessment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An assessment waiting for the current user, and since when.
 *
 * @param action what the user is expected to do
 * @param criteria for a criterion officer, the criteria still to check, comma-separated
 */
public record WaitingAssessment(AssessmentView assessment, AssessmentStatus status, AssessmentWorkflow.Action action,
		@Nullable String criteria, @Nullable Instant since) {
}
