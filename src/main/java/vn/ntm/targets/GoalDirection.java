package vn.ntm.targets;

import java.math.BigDecimal;

/**
 * Which way a goal's value must go: at least the target (communes holding a title, km of
 * roads), or at most it (communes below N criteria, districts without an NTM commune:
 * target 0).
 */
public enum GoalDirection {

	AT_LEAST, AT_MOST;

	public boolean meets(BigDecimal value, BigDecimal target) {
		return this == AT_LEAST ? value.compareTo(target) >= 0 : value.compareTo(target) <= 0;
	}

	/** How far the value is from the target, 0 when it meets it. */
	public BigDecimal gap(BigDecimal value, BigDecimal target) {
		BigDecimal gap = this == AT_LEAST ? target.subtract(value) : value.subtract(target);
		return gap.signum() < 0 ? BigDecimal.ZERO : gap;
	}

}
