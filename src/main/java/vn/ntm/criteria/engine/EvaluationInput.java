package vn.ntm.criteria.engine;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What was entered for a unit: indicator values by code, and criterion-level results by
 * criterion number as the source stated them. A criterion stated both met and not met (it
 * happens in real documents) has both in its set. {@code statedMetCount} is the count the
 * source wrote, checked against its lists.
 *
 * @param criterionAppraisals criteria appraised by a checker or a level above (the one
 * that counts for each: the latest step's), by number
 * @param indicatorAppraisals indicators appraised so, by code
 */
public record EvaluationInput(Map<String, Value> values, Map<String, Set<Boolean>> claims,
		@Nullable Integer statedMetCount, Map<String, Appraisal> criterionAppraisals,
		Map<String, Appraisal> indicatorAppraisals) {

	public EvaluationInput {
		values = Map.copyOf(values);
		claims = Map.copyOf(claims);
		criterionAppraisals = Map.copyOf(criterionAppraisals);
		indicatorAppraisals = Map.copyOf(indicatorAppraisals);
	}

	/** What the unit entered, without appraisals. */
	public EvaluationInput(Map<String, Value> values, Map<String, Set<Boolean>> claims,
			@Nullable Integer statedMetCount) {
		this(values, claims, statedMetCount, Map.of(), Map.of());
	}

	/** The same entry with these appraisals. */
	public EvaluationInput withAppraisals(Map<String, Appraisal> criteria, Map<String, Appraisal> indicators) {
		return new EvaluationInput(values, claims, statedMetCount, criteria, indicators);
	}

	/** Whether anyone appraised anything in it. */
	public boolean appraised() {
		return !criterionAppraisals.isEmpty() || !indicatorAppraisals.isEmpty();
	}

	public static final EvaluationInput EMPTY = new EvaluationInput(Map.of(), Map.of(), null);

}
