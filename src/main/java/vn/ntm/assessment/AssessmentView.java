package vn.ntm.assessment;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An assessment's header: what, for whom, when, and who changed it last. */
public record AssessmentView(long id, long unitId, String unitLabel, long setId, String setLabel, String setName,
		int year, LocalDate asOf, @Nullable Integer statedMetCount, String status, @Nullable String source,
		@Nullable String note, int valueCount, int claimCount, int rowVersion, String createdBy,
		@Nullable String updatedBy, @Nullable Instant updatedAt) {

	/**
	 * The assessment named the same way in every language, as refusals name it: "Xã Tam
	 * Thanh — QD318_XA_NTM v1 (2023)".
	 */
	public String title() {
		return unitLabel + " — " + setLabel + " (" + year + ")";
	}

	/** Its name in the audit trail: "Xã Tam Thanh — QD318_XA_NTM v1 năm 2023". */
	public String auditLabel() {
		return unitLabel + " — " + setLabel + " năm " + year;
	}

}
