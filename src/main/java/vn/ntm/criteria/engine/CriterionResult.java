package vn.ntm.criteria.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A criterion's (or condition's) outcome.
 *
 * @param basis where the outcome comes from: the result entered for the criterion
 * ({@link Basis#DIRECT}), its indicators, or nothing yet
 * @param fromIndicators what the indicators alone say, also when a direct result decides
 */
public record CriterionResult(String number, @Nullable String name, CriterionKind kind, boolean critical, Status status,
		Basis basis, Status fromIndicators, List<Reason> reasons, List<IndicatorResult> indicators) {

	public CriterionResult {
		reasons = List.copyOf(reasons);
		indicators = List.copyOf(indicators);
	}

	public enum Basis {

		DIRECT, INDICATORS, NONE

	}

}
