package vn.ntm.criteria;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Two set versions side by side: what differs in their fields, and each criterion and
 * indicator with its state (ADDED on the right, REMOVED from the left, CHANGED, SAME).
 */
public record SetComparison(SetSummary left, SetSummary right, List<FieldDiff> fields, List<CriterionDiff> criteria) {

	public record FieldDiff(String field, @Nullable String left, @Nullable String right) {
	}

	public record CriterionDiff(String number, @Nullable String leftName, @Nullable String rightName, String state,
			List<IndicatorDiff> indicators) {
	}

	/**
	 * An indicator in both versions, with its requirements written out ("DHNTB ≥ 80; *
	 * Có").
	 */
	public record IndicatorDiff(String code, @Nullable String leftName, @Nullable String rightName,
			@Nullable String leftRequirements, @Nullable String rightRequirements, String state) {
	}

	public boolean identical() {
		return fields.isEmpty() && criteria.stream().allMatch(c -> "SAME".equals(c.state()));
	}

}
