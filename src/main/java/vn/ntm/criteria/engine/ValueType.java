package vn.ntm.criteria.engine;

/**
 * What an indicator holds. Labels are in the message bundles under
 * {@code criteria.valueType.<NAME>}.
 */
public enum ValueType {

	/** Có / Không, Đạt / Không đạt. */
	BOOLEAN,
	/**
	 * A share in percent, entered as a percentage or as a count over a count (1.276/1.413
	 * hộ).
	 */
	PERCENT,
	/** An amount with a unit (triệu đồng/người/năm, m²/người). */
	AMOUNT,
	/** A level (mức độ 1, 2, 3), compared as a number. */
	LEVEL,
	/** A number of things (mô hình, sản phẩm OCOP). */
	COUNT,
	/** Points on a scale (e.g. 50 to under 70 points). */
	POINTS,
	/** One of a set of named answers (e.g. "Tốt", "Khá"). */
	CHOICE;

	/** Whether values of this type compare as numbers. */
	public boolean numeric() {
		return this != BOOLEAN && this != CHOICE;
	}

}
