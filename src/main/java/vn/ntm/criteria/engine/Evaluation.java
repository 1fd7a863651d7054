package vn.ntm.criteria.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The result of applying a criteria set to a unit: every criterion and condition with its
 * indicators and reasons, the headline, the title verdict, the revocation check, which
 * thresholds are missing, and what looks wrong in the source.
 *
 * @param thresholdClass the classification value whose thresholds apply (e.g. DHNTB), if
 * any
 * @param sourceFlags inconsistencies in what was entered (counts that do not match lists,
 * criteria stated both met and not met…)
 * @param missingThresholds codes of indicators without a requirement for this unit
 * @param withoutIndicators numbers of criteria that have no indicators in the catalog yet
 * (only a result entered for the criterion can decide them)
 */
public record Evaluation(long setId, String setCode, int setVersion, long unitId, @Nullable String thresholdClass,
		List<Reason> classReasons, List<CriterionResult> criteria, List<CriterionResult> conditions, Summary summary,
		TitleVerdict title, RevocationVerdict revocation, List<Reason> sourceFlags, List<String> missingThresholds,
		List<String> withoutIndicators) {

	public Evaluation {
		classReasons = List.copyOf(classReasons);
		criteria = List.copyOf(criteria);
		conditions = List.copyOf(conditions);
		sourceFlags = List.copyOf(sourceFlags);
		missingThresholds = List.copyOf(missingThresholds);
		withoutIndicators = List.copyOf(withoutIndicators);
	}

}
