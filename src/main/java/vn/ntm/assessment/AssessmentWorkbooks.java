package vn.ntm.assessment;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * The Excel round trip of yearly assessments: a template (.xlsx) for one unit or for
 * every unit below a parent that a set applies to, filled offline, uploaded, validated in
 * the background into a preview with every error placed at sheet, row and column, and
 * applied all or nothing through {@link AssessmentManagement#record}.
 */
public interface AssessmentWorkbooks {

	/** The largest file accepted (10 MB); larger ones are refused before being read. */
	long MAX_BYTES = 10L * 1024 * 1024;

	/**
	 * Writes the template of a set and year for the unit ({@code children} false) or for
	 * the units below it that the set applies to as of 31/12 of the year.
	 */
	void writeTemplate(long unitId, long setId, int year, boolean children, OutputStream out);

	/**
	 * Stores the file (refused at once when larger than {@link #MAX_BYTES} or not an
	 * .xlsx) and starts validating it; poll {@link #job(UUID)} for progress.
	 */
	UUID upload(String fileName, long size, InputStream content);

	UploadJobView job(UUID jobId);

	/** Checks again a file whose check a restart interrupted (status INTERRUPTED). */
	void restart(UUID jobId);

	/**
	 * Applies a validated file in one transaction: every value and result of every unit,
	 * or nothing (a concurrent change, a locked assessment…: the job fails and says why).
	 */
	UploadJobView apply(UUID jobId);

}
