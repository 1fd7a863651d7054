package vn.ntm.assessment;

import java.time.Instant;
import java.util.List;

/**
 * Published when an assessment goes back to its unit to be completed: a criterion
 * returned by its officer ({@code criteria} names it) or the whole assessment sent back
 * from above ({@code criteria} empty). {@code reason} is the reason given.
 */
public record AssessmentReturned(long assessmentId, long unitId, long setId, String setCode, int year,
		List<String> criteria, String reason, String by, Instant at) {
}
