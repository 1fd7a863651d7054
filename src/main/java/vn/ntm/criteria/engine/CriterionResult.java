package vn.ntm.criteria.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A criterion's (or condition's) outcome.
 *
 * @param basis where the outcome comes from: an appraisal ({@link Basis#APPRAISED}), the
 * result entered for the criterion ({@link Basis#DIRECT}), its indicators, or nothing yet
 * @param fromIndicators what the indicators alone say, also when a direct result decides
 * @param selfStatus what the unit's own assessment says (its result for the criterion or
 * its indicators' values), when an appraisal took part; none otherwise
 * @param appraisal the appraisal of the criterion itself, when there is one
 */
public record CriterionResult(String number, @Nullable String name, CriterionKind kind, boolean critical, Status status,
		Basis basis, Status fromIndicators, List<Reason> reasons, List<IndicatorResult> indicators,
		@Nullable Status selfStatus, @Nullable Appraisal appraisal) {

	public CriterionResult {
		reasons = List.copyOf(reasons);
		indicators = List.copyOf(indicators);
	}

	public CriterionResult(String number, @Nullable String name, CriterionKind kind, boolean critical, Status status,
			Basis basis, Status fromIndicators, List<Reason> reasons, List<IndicatorResult> indicators) {
		this(number, name, kind, critical, status, basis, fromIndicators, reasons, indicators, null, null);
	}

	/**
	 * Whether the appraised result differs from the unit's own (both are shown, the
	 * appraised one counts).
	 */
	public boolean appraisedDifferently() {
		return selfStatus != null && selfStatus != status;
	}

	/** The indicators that fail, by code. */
	public List<String> failingIndicators() {
		return indicators.stream().filter(i -> i.status().failing()).map(IndicatorResult::code).toList();
	}

	public enum Basis {

		APPRAISED, DIRECT, INDICATORS, NONE

	}

}
