package vn.ntm.criteria.engine;

/**
 * When a recognised title is revoked (QĐ 18/2022/QĐ-TTg): {@code failShare}% or more of
 * the criteria fail, or from {@code criticalFailShare}% to under {@code failShare}% fail
 * and at least one of them is a critical criterion.
 */
public record RevocationRule(int failShare, int criticalFailShare) {

	public RevocationRule {
		if (criticalFailShare < 0 || criticalFailShare > failShare || failShare > 100) {
			throw new IllegalArgumentException("0 ≤ criticalFailShare ≤ failShare ≤ 100");
		}
	}

}
