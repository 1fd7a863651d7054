package vn.ntm.recognition;

import java.time.LocalDate;
import java.util.List;

/**
 * The revocation-risk list of a parent unit at a date.
 *
 * @param crossing the units whose latest result crosses the QĐ 18/2022 shares (verdict
 * {@code REVOKE})
 * @param undecided those whose undecided criteria could still make it cross
 * ({@code INCOMPLETE})
 * @param holders how many units below held a title at the date
 * @param withoutResult the units holding a title with no result for it up to the date
 */
public record RiskList(long parentId, String parentName, LocalDate at, List<RevocationRisk> crossing,
		List<RevocationRisk> undecided, int holders, List<String> withoutResult) {

	public RiskList {
		crossing = List.copyOf(crossing);
		undecided = List.copyOf(undecided);
		withoutResult = List.copyOf(withoutResult);
	}

}
