package vn.ntm.criteria;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A criteria set version as lists and pages show it, with the counts that tell how
 * complete it is.
 *
 * @param status DRAFT (being prepared), PUBLISHED (in force), SUPERSEDED (replaced by a
 * later version for its whole period), RETIRED (no longer used)
 * @param withoutThreshold indicators (other than input figures) with no requirement at
 * all
 * @param rowVersion to send back with changes (concurrent edits are refused)
 */
public record SetSummary(long id, String code, int version, String name, @Nullable String titleCode,
		@Nullable String titleName, int unitLevel, List<String> unitTypes, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo, @Nullable String decisionNumber, @Nullable LocalDate decisionDate,
		@Nullable String issuer, @Nullable Long ownerUnitId, @Nullable String ownerName, @Nullable Long refinesId,
		@Nullable String refinesLabel, @Nullable Long supersedesId, String status, @Nullable String sourceStatus,
		int criteriaCount, int conditionCount, int indicatorCount, int withoutThreshold, int rowVersion,
		@Nullable String updatedBy, @Nullable Instant updatedAt, @Nullable String retireReason) {

	/** "QD318_XA_NTM v2". */
	public String label() {
		return code + " v" + version;
	}

	public boolean isDraft() {
		return "DRAFT".equals(status);
	}

	public boolean isPublished() {
		return "PUBLISHED".equals(status);
	}

	/** Whether the set applies at the date (by its period). */
	public boolean covers(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
	}

}
