package vn.ntm.criteria.engine;

import java.util.List;
import java.util.Map;

import org.apache.commons.numbers.fraction.BigFraction;
import org.jspecify.annotations.Nullable;

/**
 * An indicator (chỉ tiêu) of a criterion: its code ("17.8"), what it holds, where its
 * value comes from, and its required value per classification value ({@link #ALL} for
 * every unit). A missing requirement means the threshold is not known yet ("chưa có
 * ngưỡng").
 *
 * @param input a figure used by formulas or shown for information, not judged itself
 * @param maxPoints the most points a POINTS indicator can give, when known
 * @param choices the answers a CHOICE indicator offers
 * @param maxValue the largest value people may enter when the catalog allows more than
 * the default (a percentage above 100: a growth, a ratio to a reference); none for the
 * default
 */
public record IndicatorDef(String code, @Nullable String name, ValueType type, @Nullable String unit, boolean input,
		IndicatorSource source, Map<String, Requirement> requirements, @Nullable BigFraction maxPoints,
		List<String> choices, @Nullable BigFraction maxValue) {

	/** The classification key of a requirement that applies to every unit. */
	public static final String ALL = "*";

	public IndicatorDef {
		requirements = Map.copyOf(requirements);
		choices = List.copyOf(choices);
	}

	public IndicatorDef(String code, @Nullable String name, ValueType type, @Nullable String unit, boolean input,
			IndicatorSource source, Map<String, Requirement> requirements, @Nullable BigFraction maxPoints,
			List<String> choices) {
		this(code, name, type, unit, input, source, requirements, maxPoints, choices, null);
	}

	/**
	 * The requirement for a unit of classification value {@code classValue} (its region
	 * or group); the general one when there is none for that value.
	 */
	public @Nullable Requirement requirementFor(@Nullable String classValue) {
		if (classValue != null && requirements.containsKey(classValue)) {
			return requirements.get(classValue);
		}
		return requirements.get(ALL);
	}

}
