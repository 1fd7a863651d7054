package vn.ntm.assessment;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An assessment's place in its yearly path: the status, since when (the status change,
 * else the last change, else the opening) and by whom, the criterion checks of the
 * current round, and the reason of the last return if one was given.
 */
public record ProgressState(long assessmentId, long unitId, AssessmentStatus status, Instant since,
		@Nullable String statusBy, List<CriterionCheck> checks, @Nullable String lastReturnReason) {

	public ProgressState {
		checks = List.copyOf(checks);
	}

	/**
	 * One criterion's check by the officer responsible for it: {@code AGREED} or
	 * {@code RETURNED} (with a reason).
	 */
	public record CriterionCheck(String criterion, String verdict, @Nullable String reason, String checkedBy,
			Instant checkedAt) {

		public boolean returned() {
			return "RETURNED".equals(verdict);
		}

	}

}
