package vn.ntm.assessment;

/**
 * Where an assessment is in its yearly path: the commune enters it (draft), submits it;
 * the officers of the agencies responsible for each criterion check it (agreed or
 * returned with a reason); the level above reviews it (thẩm tra) and the province
 * appraises and approves it (thẩm định). Labels are in the bundles under
 * {@code assessment.status.<NAME>}.
 */
public enum AssessmentStatus {

	/** Being entered by the unit (Đang nhập). */
	DRAFT,
	/** Submitted by the unit; criteria being checked (Đã nộp). */
	SUBMITTED,
	/** Sent back with reasons; the unit corrects it and submits again (Trả lại). */
	RETURNED,
	/** Reviewed by the level above (Đã thẩm tra). */
	REVIEWED,
	/** Appraised and approved (Đã thẩm định, phê duyệt): read-only until reopened. */
	APPROVED;

	/** Whether the unit may change values, results and evidence. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	/** The Vietnamese label (for texts built outside a request's locale). */
	public String label() {
		return switch (this) {
			case DRAFT -> "Đang nhập";
			case SUBMITTED -> "Đã nộp, chờ kiểm tra";
			case RETURNED -> "Bị trả lại";
			case REVIEWED -> "Đã thẩm tra";
			case APPROVED -> "Đã thẩm định, phê duyệt";
		};
	}

	public String messageKey() {
		return "assessment.status." + name();
	}

}
