package vn.ntm.funding;

import java.io.OutputStream;
import java.util.UUID;

/** Funding data from files. */
public interface FundingImports {

	/**
	 * Records the disbursements of an .xlsx (columns: project code, date, capital year,
	 * source code, amount in triệu đồng, note) for works of the unit and below, all or
	 * nothing: refused with every problem and its row. Returns the rows recorded.
	 */
	int importDisbursements(long unitId, byte[] xlsx);

	/**
	 * Starts importing a workbook of the template ({@link #writeTemplate}): capital plans
	 * and their changes, works, allocations and disbursements, for units the user may
	 * change (found by code or by name without diacritics). The file is checked and saved
	 * on the job facility, all or nothing; poll {@link #importJob(UUID)}.
	 */
	UUID startImport(long unitId, String fileName, byte[] xlsx);

	/** The import as its job has got with it; only its author (or an administrator). */
	FundingImportView importJob(UUID id);

	/**
	 * The template: a notes sheet (columns, kinds, the sources and the user's units) and
	 * one sheet per kind of row, with Vietnamese headers.
	 */
	void writeTemplate(long unitId, OutputStream out);

}
