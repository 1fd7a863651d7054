package vn.ntm.criteria.engine;

import java.util.List;

/**
 * The revocation check of QĐ 18/2022 applied to this evaluation: how many criteria fail,
 * which of them are critical, and the verdict.
 *
 * @param failingShare the share of failing criteria in percent, formatted ("31,58")
 */
public record RevocationVerdict(Outcome outcome, int failing, int total, String failingShare,
		List<String> criticalFailing, List<Reason> reasons) {

	public RevocationVerdict {
		criticalFailing = List.copyOf(criticalFailing);
		reasons = List.copyOf(reasons);
	}

	/** At risk of revocation or to be revoked: the units lists single out. */
	public boolean atRiskOrRevoke() {
		return outcome == Outcome.AT_RISK || outcome == Outcome.REVOKE;
	}

	public enum Outcome {

		/** The set has no known revocation rule. */
		NO_RULE,
		/** The unit does not hold the set's title: nothing to revoke. */
		NOT_RECOGNISED,
		/** Every criterion met. */
		SAFE,
		/** Some criteria fail, not enough for revocation: maintenance is at risk. */
		AT_RISK,
		/** The rule for revocation is met. */
		REVOKE,
		/** Undecided criteria could still change the verdict. */
		INCOMPLETE

	}

}
