package vn.ntm.assessment.web;

import org.jspecify.annotations.Nullable;

/**
 * The filters and order of the matrix, the same for the page, the .xlsx and the API.
 *
 * @param below only units meeting fewer criteria
 * @param cls only units whose thresholds are those of this class (a region, a commune
 * group — the set's threshold scheme)
 * @param title {@code QUALIFIES}, {@code DOES_NOT_QUALIFY}, {@code INCOMPLETE},
 * {@code HELD} or {@code NOT_HELD}
 * @param status an assessment status, or {@code NONE} for units without an assessment
 * @param sort {@code met} (default), {@code name} or {@code c:<criterion number>}
 * @param dir {@code asc} or {@code desc}
 */
record MatrixQuery(@Nullable Integer below, @Nullable String cls, @Nullable String title, @Nullable String status,
		@Nullable String sort, @Nullable String dir) {

	static final MatrixQuery NONE = new MatrixQuery(null, null, null, null, null, null);

	/** Whether any filter narrows the rows. */
	boolean filtered() {
		return below != null || present(cls) || present(title) || present(status);
	}

	private static boolean present(@Nullable String text) {
		return text != null && !text.isBlank();
	}

}
