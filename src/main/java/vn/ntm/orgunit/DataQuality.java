package vn.ntm.orgunit;

import java.util.List;
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

	/**
	 * The rows not matched exactly, by cause (the groups of the reconciliation page), in
	 * the order of the causes' codes.
	 */
	Map<String, Long> mappingCauseCounts();

	PageResult<MappingRow> mappingRowsByCause(String cause, @Nullable String text, int page, int size);

	/**
	 * The units that may have received the unit of an open issue "chưa rõ đơn vị tiếp
	 * nhận": for an end between two releases, the units of the same parent on the day of
	 * the change; for a commune of 30/6/2025 the mapping does not match, the new communes
	 * that received other communes of its district.
	 */
	List<Candidate> receiverCandidates(long issueId);

	/**
	 * Records which unit received the unit of an open issue (one of
	 * {@link #receiverCandidates}): the lineage event gets the receiver, the issue is
	 * resolved, and the change is audited. Administrators (or editors of both units)
	 * only.
	 */
	void resolveReceiver(long issueId, long receiverId, @Nullable String note);

	PageResult<Issue> issues(@Nullable String kind, @Nullable String text, int page, int size);

	/** A row of the published mapping with how it was matched. */
	record MappingRow(int sourceId, @Nullable String oldCode, @Nullable String oldName,
			@Nullable String oldDistrictName, @Nullable String oldProvinceName, @Nullable String newCode,
			@Nullable String newName, @Nullable String newProvinceName, @Nullable Long oldUnitId,
			@Nullable Long newUnitId, String status, @Nullable String remark, @Nullable String cause) {
	}

	/**
	 * A data issue on a unit; {@code resolvable} when it asks a person to name the
	 * receiving unit.
	 */
	record Issue(long id, @Nullable Long unitId, @Nullable String unitName, String kind, String message, String source,
			boolean resolvable) {
	}

	/**
	 * A unit that may have received another; {@code hint} is why it is likely, a message
	 * key under {@code reform.hint.}: {@code SAME_NAME} (it took the ended unit's name),
	 * {@code CHANGED_TOGETHER} (it changed in the same release), {@code MAPPING_ROW} (row
	 * {@code mappingRow} of the 2025 mapping names it for the ended unit's code); null
	 * when nothing points to it.
	 */
	record Candidate(UnitRef unit, @Nullable String hint, @Nullable Integer mappingRow) {

		public Candidate(UnitRef unit, @Nullable String hint) {
			this(unit, hint, null);
		}

	}

}
