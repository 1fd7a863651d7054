package vn.ntm.funding;

import java.io.OutputStream;
import java.util.UUID;

/** Funding data from files. */
public interface FundingImports {

	/**
	 * Starts importing only the disbursements of an .xlsx: the sheet "Giải ngân" of the
	 * template, or else the first sheet (columns: project code, date, capital year,
	 * source code or name, amount, note). The same tracked run as {@link #startImport}:
	 * all or nothing, every problem with its row; poll {@link #importJob(UUID)}.
	 */
	UUID startDisbursementImport(long unitId, String fileName, byte[] xlsx);

	/**
	 * Starts importing a workbook of the template ({@link #writeTemplate}): capital plans
	 * and their changes, works, allocations and disbursements, for units the user may
	 * change (found by code or by name without diacritics). The file is checked and saved
	 * as a tracked run of the job facility (kind {@code funding-import}), all or nothing;
	 * poll {@link #importJob(UUID)}.
	 */
	UUID startImport(long unitId, String fileName, byte[] xlsx);

	/** The import as its run has got with it; only its author (or an administrator). */
	FundingImportView importJob(UUID id);

	/**
	 * Starts again, with the same file, an import that a restart interrupted (nothing of
	 * it was saved); refused when it was not interrupted. Only its author (or an
	 * administrator).
	 */
	void restartImport(UUID id);

	/**
	 * The template: a notes sheet (columns, kinds, the sources and the user's units) and
	 * one sheet per kind of row, with Vietnamese headers.
	 */
	void writeTemplate(long unitId, OutputStream out);

}
