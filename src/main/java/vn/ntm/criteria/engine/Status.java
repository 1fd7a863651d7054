package vn.ntm.criteria.engine;

/**
 * The outcome for an indicator, a criterion or a condition. Labels are in the message
 * bundles under {@code engine.status.<NAME>}.
 */
public enum Status {

	/** Đạt. */
	MET,
	/** Không đạt. */
	NOT_MET,
	/** The source states it both met and not met: shown, counted as not met. */
	CONFLICT,
	/** Some indicators are known, not enough to decide. */
	INCOMPLETE,
	/** Chưa có số liệu. */
	NO_DATA,
	/** A value exists but the required value is not known yet (chưa có ngưỡng). */
	NO_THRESHOLD,
	/** The requirement is a text: a person must enter Đạt or Không đạt. */
	NEEDS_JUDGEMENT,
	/**
	 * A figure used by formulas or shown for information (số liệu đầu vào), not judged.
	 */
	INFO;

	/** Counted as failing (in the bracket list and for revocation). */
	public boolean failing() {
		return this == NOT_MET || this == CONFLICT;
	}

	/** Neither met nor failing: more data or thresholds are needed to decide. */
	public boolean undecided() {
		return this != MET && !failing();
	}

}
