package vn.ntm.criteria.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An indicator's outcome: its value (entered or derived), the requirement applied to this
 * unit, and why it is met or not.
 */
public record IndicatorResult(String code, @Nullable String name, ValueType type, @Nullable String unit,
		String sourceKind, @Nullable Value value, @Nullable Requirement requirement, Status status,
		List<Reason> reasons) {

	public IndicatorResult {
		reasons = List.copyOf(reasons);
	}

}
