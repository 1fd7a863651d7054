package vn.ntm.assessment;

import java.time.Instant;

/** Published when the level above has reviewed (thẩm tra) a submitted assessment. */
public record AssessmentReviewed(long assessmentId, long unitId, long setId, String setCode, int year, String by,
		Instant at) {
}
