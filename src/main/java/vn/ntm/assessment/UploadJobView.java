package vn.ntm.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The state of an uploaded template.
 *
 * @param status VALIDATING, INVALID (see errors), READY (see changes), APPLIED, FAILED or
 * INTERRUPTED (the check was cut short by a restart: nothing saved, may be started again)
 * @param changes what applying changes, per unit and indicator (or criterion)
 */
public record UploadJobView(UUID id, String fileName, String status, @Nullable Long setId, @Nullable Integer year,
		@Nullable Long rootUnitId, int totalRows, int processedRows, List<CellError> errors, List<Change> changes,
		@Nullable String summary, String createdBy, Instant createdAt, @Nullable Instant finishedAt) {

	public boolean finished() {
		return !"VALIDATING".equals(status);
	}

	public boolean interrupted() {
		return "INTERRUPTED".equals(status);
	}

	/** Whether "Áp dụng" may be pressed: validated, no error, something to change. */
	public boolean canApply() {
		return "READY".equals(status) && errors.isEmpty() && !changes.isEmpty();
	}

	public int percent() {
		if (finished() && !interrupted() && !"FAILED".equals(status)) {
			return 100;
		}
		return totalRows == 0 ? 0 : Math.min(99, processedRows * 100 / totalRows);
	}

	/**
	 * A problem in the file.
	 *
	 * @param sheet the sheet's name, empty for the whole file
	 * @param row the row number as the spreadsheet shows it (0 for the whole file)
	 * @param column the column's header, empty for the whole row
	 */
	public record CellError(String sheet, int row, String column, String message) {
	}

	/**
	 * A value or result that applying changes.
	 *
	 * @param code the indicator's code, or "TC 5" for a criterion's result
	 * @param before the value now, empty when none
	 */
	public record Change(String unitCode, String unitName, String code, String name, String before, String after) {
	}

}
