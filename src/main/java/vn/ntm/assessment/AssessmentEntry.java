package vn.ntm.assessment;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What to record in an assessment. {@code values} are set (a null value removes one);
 * {@code met} and {@code notMet} list criteria as a document states them and, when either
 * is given, replace all criterion-level results (a criterion in both lists is kept so and
 * shown as a contradiction); {@code statedMetCount} is the count the document wrote.
 */
public record AssessmentEntry(@Nullable Map<String, @Nullable ValueInput> values, @Nullable List<String> met,
		@Nullable List<String> notMet, @Nullable Integer statedMetCount, @Nullable String source, int expectedVersion) {
}
