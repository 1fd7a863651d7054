package vn.ntm.funding;

import java.time.LocalDate;
import java.util.List;

/**
 * The funding alerts for other modules (the home page's work list, recognition dossiers).
 */
public interface FundingAlerts {

	/**
	 * The alerts of the current user's units (and everything below them) as of
	 * {@code at}, newest first; at most {@code limit}.
	 */
	List<FundingAlert> forCurrentUser(LocalDate at, int limit);

	/** The alerts of one unit and its units below, as of {@code at}. */
	List<FundingAlert> forUnit(long unitId, LocalDate at);

	/**
	 * The construction debt (nợ đọng XDCB) of a unit's works as of {@code at}, by source:
	 * a recognition condition of a commune. Checks the current user's access.
	 */
	ConstructionDebt constructionDebt(long unitId, LocalDate at);

}
