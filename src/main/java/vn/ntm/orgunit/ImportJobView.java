package vn.ntm.orgunit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The state of an import.
 *
 * @param status VALIDATING, INVALID (see errors), READY (see preview), APPLYING, APPLIED,
 * FAILED or INTERRUPTED (by a restart: nothing saved, may be started again)
 * @param preview the first rows that will be created, as "Thôn Mai Hạ — Xã Mai Đình"
 */
public record ImportJobView(UUID id, String fileName, String status, int totalRows, int processedRows,
		List<RowError> errors, List<String> preview, @Nullable String summary, String createdBy, Instant createdAt,
		@Nullable Instant finishedAt) {

	public boolean finished() {
		return switch (status) {
			case "INVALID", "READY", "APPLIED", "FAILED", "INTERRUPTED" -> true;
			default -> false;
		};
	}

	public boolean interrupted() {
		return "INTERRUPTED".equals(status);
	}

	public int percent() {
		boolean completed = finished() && !"FAILED".equals(status) && !interrupted();
		return totalRows == 0 ? (completed ? 100 : 0) : Math.min(100, processedRows * 100 / totalRows);
	}

	/**
	 * A problem with one cell or row of the file.
	 *
	 * @param row the row number as the spreadsheet shows it (header is row 1)
	 * @param column the column's header, or empty for the whole row
	 */
	public record RowError(int row, String column, String message) {
	}

}
