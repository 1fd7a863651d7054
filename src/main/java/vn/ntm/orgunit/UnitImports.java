package vn.ntm.orgunit;

import java.util.UUID;

/**
 * Importing unit lists from .xlsx or .csv (columns: code, name, type, parent code, valid
 * from, note). A file is validated in the background, previewed with row-level errors,
 * and applied all or nothing.
 */
public interface UnitImports {

	/** Stores the file and starts validating it; poll {@link #job(UUID)} for progress. */
	UUID upload(String fileName, byte[] content);

	ImportJobView job(UUID jobId);

	/** Applies a validated file in the background: every row or none. */
	void apply(UUID jobId);

	/**
	 * Starts again a check or apply that a restart interrupted (status INTERRUPTED:
	 * nothing was saved).
	 */
	void restart(UUID jobId);

	/**
	 * Validates and applies at once (start-up data, small API calls); throws with all row
	 * errors.
	 */
	ImportJobView importNow(String fileName, byte[] content);

}
