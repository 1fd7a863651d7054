package vn.ntm.criteria.engine;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What was entered for a unit: indicator values by code, and criterion-level results by
 * criterion number as the source stated them. A criterion stated both met and not met (it
 * happens in real documents) has both in its set. {@code statedMetCount} is the count the
 * source wrote, checked against its lists.
 */
public record EvaluationInput(Map<String, Value> values, Map<String, Set<Boolean>> claims,
		@Nullable Integer statedMetCount) {

	public EvaluationInput {
		values = Map.copyOf(values);
		claims = Map.copyOf(claims);
	}

	public static final EvaluationInput EMPTY = new EvaluationInput(Map.of(), Map.of(), null);

}
