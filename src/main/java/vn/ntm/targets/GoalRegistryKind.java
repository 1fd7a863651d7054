package vn.ntm.targets;

/**
 * The kinds of registry entry goals count, each with the measure the plans use.
 */
public enum GoalRegistryKind {

	/** Sản phẩm OCOP. */
	OCOP("sản phẩm"),
	/** Mô hình điển hình, tiên tiến. */
	MO_HINH("mô hình"),
	/** Đường hoa. */
	DUONG_HOA("km"),
	/** Đường cây xanh bóng mát. */
	DUONG_CAY_XANH("km");

	private final String measure;

	GoalRegistryKind(String measure) {
		this.measure = measure;
	}

	public String measure() {
		return measure;
	}

	public String messageKey() {
		return "targets.registry.kind." + name();
	}

}
