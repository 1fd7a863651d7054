package vn.ntm.criteria.engine;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * When a criterion (or a condition) is met, from its indicators.
 */
public sealed interface MetRule permits MetRule.All, MetRule.AtLeast, MetRule.Points {

	/** Every indicator met (the usual rule). */
	record All() implements MetRule {
	}

	/** At least {@code count} of its indicators met. */
	record AtLeast(int count) implements MetRule {

		public AtLeast {
			if (count < 1) {
				throw new IllegalArgumentException("count ≥ 1");
			}
		}

	}

	/**
	 * The points of its indicators add up to at least {@code min} (indicators of type
	 * POINTS; their maximum, when known, tells early that the total cannot be reached).
	 */
	record Points(BigFraction min) implements MetRule {
	}

	MetRule ALL = new All();

}
