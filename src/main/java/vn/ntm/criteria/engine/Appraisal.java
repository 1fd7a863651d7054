package vn.ntm.criteria.engine;

import org.jspecify.annotations.Nullable;

/**
 * A criterion or an indicator appraised by someone other than the unit: the officer of
 * the agency responsible for the criterion when checking it, the level above when
 * reviewing (thẩm tra) or the province when appraising (thẩm định). An appraisal decides
 * the result; the unit's own result is kept beside it.
 *
 * @param by who appraised (user name)
 * @param reason why, as written
 */
public record Appraisal(boolean met, Stage stage, String by, @Nullable String reason) {

	/**
	 * The step of the path at which it was made; a later step outranks an earlier one.
	 */
	public enum Stage {

		/** Kiểm tra: the officer of the agency responsible for the criterion. */
		CHECK,
		/** Thẩm tra: the level above. */
		REVIEW,
		/** Thẩm định: the province, before approval. */
		APPROVE

	}

	/** The one of two appraisals that counts: the later step's. */
	public static @Nullable Appraisal latest(@Nullable Appraisal a, @Nullable Appraisal b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return b.stage().compareTo(a.stage()) >= 0 ? b : a;
	}

}
