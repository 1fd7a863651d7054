package vn.ntm.criteria.engine;

import java.util.List;

/**
 * Whether the unit meets the conditions of the set's title: every criterion and condition
 * met and the prerequisite titles held.
 */
public record TitleVerdict(Outcome outcome, List<Reason> reasons) {

	public TitleVerdict {
		reasons = List.copyOf(reasons);
	}

	public enum Outcome {

		/** Đủ điều kiện. */
		QUALIFIES,
		/** Chưa đủ điều kiện. */
		DOES_NOT_QUALIFY,
		/** Chưa đủ số liệu để kết luận. */
		INCOMPLETE

	}

}
