package vn.ntm.criteria.engine;

/**
 * Criteria are counted in "met / total"; conditions of a title are checked beside them.
 */
public enum CriterionKind {

	/** Tiêu chí: counted in "17/19". */
	CRITERION,
	/**
	 * Điều kiện: a condition of the title that is not one of the numbered criteria (e.g.
	 * "100% số xã đạt chuẩn NTM", "có ít nhất một mô hình thôn thông minh").
	 */
	CONDITION

}
