package vn.ntm.assessment;

import java.time.Instant;

/**
 * Published when a unit submits its assessment for checking (in the transition's
 * transaction, through the event publication registry).
 *
 * @param setCode the criteria set as users know it, e.g. "QD318_XA_NTM v1"
 */
public record AssessmentSubmitted(long assessmentId, long unitId, long setId, String setCode, int year, String by,
		Instant at) {
}
