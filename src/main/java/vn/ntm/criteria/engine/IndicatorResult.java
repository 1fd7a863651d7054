package vn.ntm.criteria.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An indicator's outcome: its value (entered or derived), the requirement applied to this
 * unit, and why it is met or not.
 *
 * @param selfStatus what the unit's own value gives, when an appraisal decides instead
 * @param appraisal the appraisal of the indicator, when there is one
 */
public record IndicatorResult(String code, @Nullable String name, ValueType type, @Nullable String unit,
		String sourceKind, @Nullable Value value, @Nullable Requirement requirement, Status status,
		List<Reason> reasons, @Nullable Status selfStatus, @Nullable Appraisal appraisal) {

	public IndicatorResult {
		reasons = List.copyOf(reasons);
	}

	public IndicatorResult(String code, @Nullable String name, ValueType type, @Nullable String unit, String sourceKind,
			@Nullable Value value, @Nullable Requirement requirement, Status status, List<Reason> reasons) {
		this(code, name, type, unit, sourceKind, value, requirement, status, reasons, null, null);
	}

	/** Whether the appraised result differs from what the unit's value gives. */
	public boolean appraisedDifferently() {
		return selfStatus != null && selfStatus != status;
	}

	/** Judged (not a figure shown for information). */
	public boolean judged() {
		return status != Status.INFO;
	}

}
