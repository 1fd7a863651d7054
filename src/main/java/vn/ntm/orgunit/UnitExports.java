package vn.ntm.orgunit;

import java.io.OutputStream;
import java.time.LocalDate;

/**
 * Exports a sub-tree as of a date in the import format (and a few columns more for people
 * to read), so a list can be exported, corrected and imported again.
 */
public interface UnitExports {

	void writeXlsx(long rootId, LocalDate at, OutputStream out);

	void writeCsv(long rootId, LocalDate at, OutputStream out);

	/** An empty import file with the columns, an example and the list of unit types. */
	void writeTemplate(OutputStream out);

}
