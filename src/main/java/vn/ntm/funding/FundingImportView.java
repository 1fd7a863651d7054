package vn.ntm.funding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An import of capital plans, works, allocations and disbursements from .xlsx, as its
 * tracked run has got with it.
 *
 * @param status QUEUED (waiting for the job facility), CHECKING (reading and checking
 * rows; see {@code processedRows}), SAVING (every row in one transaction), DONE (all
 * saved), REJECTED (nothing saved; see {@code problems}), FAILED (could not run; nothing
 * saved) or INTERRUPTED (cut short by a restart: nothing saved, may be started again with
 * the same file)
 * @param totalRows the rows of the file and {@code processedRows} those checked, from the
 * run
 * @param problems each problem with its place, in the reader's language
 */
public record FundingImportView(UUID id, long unitId, String fileName, String status, int totalRows, int processedRows,
		List<ImportProblem> problems, int plans, int works, int allocations, int disbursements, String createdBy,
		Instant createdAt, @Nullable Instant finishedAt) {

	public boolean finished() {
		return switch (status) {
			case "DONE", "REJECTED", "FAILED", "INTERRUPTED" -> true;
			default -> false;
		};
	}

	public boolean interrupted() {
		return "INTERRUPTED".equals(status);
	}

	/** 100 only once saved; a failed or interrupted import never shows a full bar. */
	public int percent() {
		if ("DONE".equals(status)) {
			return 100;
		}
		int checked = totalRows == 0 ? 0 : Math.min(100, processedRows * 100 / totalRows);
		return "REJECTED".equals(status) ? checked : Math.min(99, checked);
	}

	/**
	 * One problem: the sheet, the row as the spreadsheet numbers it (0 for the whole
	 * file), the column's header (empty for the whole row) and the message, which already
	 * names them ("Kế hoạch vốn — Dòng 7, cột 'Nguồn vốn': …").
	 */
	public record ImportProblem(String sheet, int row, String column, String message) {
	}

}
