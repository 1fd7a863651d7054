package vn.ntm.funding;

import java.time.LocalDate;
import java.util.List;

import vn.ntm.shared.Money;

/**
 * What a unit's completed works still owe as of a date, by source; {@code movedToLocal}
 * is the upper-level part of works more than the rule's years past allocation without
 * settlement, which the local budget must pay instead (seed 001, mục IV.9).
 */
public record ConstructionDebt(long unitId, LocalDate at, Money total, List<SourceAmount> bySource, Money movedToLocal,
		List<Long> workIds) {

	public boolean hasDebt() {
		return total.isPositive();
	}

}
