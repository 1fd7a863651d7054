package vn.ntm.orgunit;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.PageResult;

/**
 * What is known to be wrong or uncertain in the unit data: the rows of the 2025 mapping
 * that could not be matched or were matched with a repair, and the data issues recorded
 * on units. For administrators.
 */
public interface DataQuality {

	/** Mapping rows by status (MATCHED, MATCHED_WITH_NOTE, UNMATCHED). */
	Map<String, Long> mappingStatusCounts();

	/** Open data issues by kind. */
	Map<String, Long> issueCounts();

	PageResult<MappingRow> mappingRows(String status, @Nullable String text, int page, int size);

	PageResult<Issue> issues(@Nullable String kind, @Nullable String text, int page, int size);

	/** A row of the published mapping with how it was matched. */
	record MappingRow(int sourceId, @Nullable String oldCode, @Nullable String oldName,
			@Nullable String oldDistrictName, @Nullable String oldProvinceName, @Nullable String newCode,
			@Nullable String newName, @Nullable String newProvinceName, @Nullable Long oldUnitId,
			@Nullable Long newUnitId, String status, @Nullable String remark) {
	}

	/** A data issue on a unit. */
	record Issue(long id, @Nullable Long unitId, @Nullable String unitName, String kind, String message,
			String source) {
	}

}
