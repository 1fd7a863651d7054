package vn.ntm.assessment;

import java.time.Instant;

/** Published when an approved assessment is reopened, with the reason given. */
public record AssessmentReopened(long assessmentId, long unitId, long setId, String setCode, int year, String reason,
		String by, Instant at) {
}
