package vn.ntm.assessment.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.engine.Status;
import vn.ntm.criteria.engine.TitleVerdict;

/**
 * A unit's assessment summary, the view sent up the hierarchy: met / total, the
 * documents' notation, the title it qualifies for, the criteria not met with the engine's
 * reasons, and the change since the previous year's assessment of the same set code (any
 * version). Texts are in the language asked for.
 *
 * The results are the evaluation's: where a checker or a level above appraised a
 * criterion, its appraisal counts, and {@code appraised} lists where it differs from the
 * unit's own result.
 *
 * @param status the assessment's status, none when nothing was opened
 * @param ofConditions whether the headline counts conditions (a set made of conditions
 * only): "2/5 điều kiện đạt"
 * @param headline the headline in words: "17/19 tiêu chí đạt; chưa đạt: 16, 19" or "2/5
 * điều kiện đạt; chưa đạt: 2, 3"
 * @param indicatorsMet indicators met of {@code indicatorsTotal} judged ones
 * @param unmet the criteria and conditions not met, in the set's order
 * @param change none when there is no assessment of the previous year
 */
record AssessmentSummary(long unitId, String unit, long setId, String set, String setCode, String setName, int year,
		LocalDate asOf, @Nullable Long assessmentId, @Nullable String status, int met, int total, String notation,
		String ratio, boolean ofConditions, String headline, int indicatorsMet, int indicatorsTotal,
		@Nullable String title, TitleVerdict.Outcome titleOutcome, String titleOutcomeText, List<String> titleReasons,
		List<Unmet> unmet, List<Appraised> appraised, int previousYear, @Nullable Change change) {

	/** "40/44". */
	public String indicatorRatio() {
		return indicatorsMet + "/" + indicatorsTotal;
	}

	/**
	 * A criterion (or a condition) not met (failing or undecided), with its reasons and
	 * those of its indicators.
	 */
	record Unmet(String number, @Nullable String name, Status status, String statusText, List<String> reasons,
			boolean condition) {
	}

	/**
	 * A criterion whose appraised result differs from the unit's own: both, and the
	 * appraisal's reasons.
	 */
	record Appraised(String number, @Nullable String name, Status self, String selfText, Status appraised,
			String appraisedText, List<String> reasons) {
	}

	/** A criterion, by number and name. */
	record Criterion(String number, @Nullable String name) {
	}

	/**
	 * The change since the previous year: the count then and now, criteria newly met and
	 * no longer met, and the values that changed in the indicators of the criteria not
	 * met now.
	 */
	record Change(long assessmentId, long setId, String set, int year, int metBefore, int totalBefore,
			String notationBefore, int metNow, List<Criterion> newlyMet, List<Criterion> noLongerMet,
			List<ValueChange> values) {
	}

	/** An indicator's value then and now ("—" when there was none). */
	record ValueChange(String criterion, String indicator, @Nullable String name, String before, String now) {
	}

}
