package vn.ntm.funding;

/** Funding data from files. */
public interface FundingImports {

	/**
	 * Records the disbursements of an .xlsx (columns: project code, date, capital year,
	 * source code, amount in triệu đồng, note) for works of the unit and below, all or
	 * nothing: refused with every problem and its row. Returns the rows recorded.
	 */
	int importDisbursements(long unitId, byte[] xlsx);

}
