package vn.ntm.assessment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published when an assessment is approved: by the province after review, or recorded by
 * an administrator from a decision already taken ({@code fromDocument}).
 * {@code decidedOn} is the decision's date.
 */
public record AssessmentApproved(long assessmentId, long unitId, long setId, String setCode, int year,
		LocalDate decidedOn, boolean fromDocument, String by, Instant at) {
}
