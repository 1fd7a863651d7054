package vn.ntm.criteria.engine;

/**
 * Where an indicator's value comes from: entered by people, computed from other
 * indicators of the same unit, or derived from the unit's titles and its lower units.
 */
public sealed interface IndicatorSource
		permits IndicatorSource.Entered, IndicatorSource.Formula, IndicatorSource.ChildShare,
		IndicatorSource.ChildCount, IndicatorSource.ChildMinCriteria, IndicatorSource.TitleHeld {

	/** The kind as written in catalog files and shown in the catalog. */
	String kind();

	/** Entered (the usual case). */
	record Entered() implements IndicatorSource {

		@Override
		public String kind() {
			return "ENTERED";
		}

	}

	/**
	 * Computed from other indicators of the same set: {@code [5.4] / [5.2]} (see
	 * {@link Formula}).
	 */
	record Formula(String expression) implements IndicatorSource {

		@Override
		public String kind() {
			return "FORMULA";
		}

	}

	/** The share (percent) of the selected lower units holding {@code title}. */
	record ChildShare(String title, ChildSelector children) implements IndicatorSource {

		@Override
		public String kind() {
			return "CHILD_SHARE";
		}

	}

	/** How many of the selected lower units hold {@code title}. */
	record ChildCount(String title, ChildSelector children) implements IndicatorSource {

		@Override
		public String kind() {
			return "CHILD_COUNT";
		}

	}

	/**
	 * The fewest criteria of set {@code setCode} that any selected lower unit meets ("no
	 * commune below 15 criteria").
	 */
	record ChildMinCriteria(String setCode, ChildSelector children) implements IndicatorSource {

		@Override
		public String kind() {
			return "CHILD_MIN_CRITERIA";
		}

	}

	/** Whether the unit itself holds {@code title} at the date (yes/no). */
	record TitleHeld(String title) implements IndicatorSource {

		@Override
		public String kind() {
			return "TITLE_HELD";
		}

	}

	IndicatorSource ENTERED = new Entered();

}
