package vn.ntm.recognition;

import org.jspecify.annotations.Nullable;

/**
 * A share compared with its bar: met, below, or no bar known ("chưa có ngưỡng").
 */
public record BarComparison(Ratio ratio, @Nullable SatisfactionBar bar, Outcome outcome) {

	public enum Outcome {

		MET, BELOW, NO_BAR;

		/** The message key of the outcome. */
		public String messageKey() {
			return "recognition.bar." + name();
		}

	}

	public static BarComparison of(Ratio ratio, @Nullable SatisfactionBar bar) {
		if (bar == null || ratio.whole() == 0) {
			return new BarComparison(ratio, bar, bar == null ? Outcome.NO_BAR : Outcome.BELOW);
		}
		return new BarComparison(ratio, bar, ratio.atLeast(bar.percent()) ? Outcome.MET : Outcome.BELOW);
	}

}
