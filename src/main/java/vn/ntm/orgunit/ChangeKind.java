package vn.ntm.orgunit;

/**
 * The kinds of lineage event. Labels are under {@code lineage.kind.<NAME>}.
 */
public enum ChangeKind {

	/** Thành lập: a unit starts without predecessors. */
	ESTABLISH,

	/** Sáp nhập / hợp nhất: several units end and one starts or absorbs them. */
	MERGE,

	/** Chia tách: a unit ends and several start. */
	SPLIT,

	/** Đổi tên. */
	RENAME,

	/** Điều chỉnh đơn vị cấp trên. */
	REPARENT,

	/** Chuyển loại (xã → phường, thị trấn…). */
	RETYPE,

	/** Đổi mã. */
	RECODE,

	/** Kết thúc một cấp hành chính (cấp huyện từ 01/7/2025). */
	ABOLISH_LEVEL,

	/** Giải thể: a unit ends without successor. */
	DISSOLVE;

	public String messageKey() {
		return "lineage.kind." + name();
	}

}
