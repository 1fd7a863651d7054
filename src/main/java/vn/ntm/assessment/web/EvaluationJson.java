package vn.ntm.assessment.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.commons.numbers.fraction.BigFraction;
import org.jspecify.annotations.Nullable;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.EvaluationView;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.engine.Appraisal;
import vn.ntm.criteria.engine.CriterionResult;
import vn.ntm.criteria.engine.Evaluation;
import vn.ntm.criteria.engine.IndicatorResult;
import vn.ntm.criteria.engine.Reason;
import vn.ntm.criteria.engine.Requirement;
import vn.ntm.criteria.engine.RevocationVerdict;
import vn.ntm.criteria.engine.Summary;
import vn.ntm.criteria.engine.TitleVerdict;
import vn.ntm.criteria.engine.Value;
import vn.ntm.orgunit.UnitRef;

/**
 * How the API writes an evaluation: the engine's result with every reason's text in the
 * request's language next to its key and arguments, and statuses with their labels, so
 * that clients need no message bundle.
 */
record EvaluationJson(UnitJson unit, SetJson set, int year, LocalDate asOf, @Nullable AssessmentView assessment,
		List<String> titlesHeld, Result evaluation) {

	/** Writes reasons and labels in one locale. */
	record Writer(ReasonTexts texts, Locale locale) {

		EvaluationJson of(EvaluationView view) {
			return new EvaluationJson(UnitJson.of(view.unit()), SetJson.of(view.set()), view.year(), view.asOf(),
					view.assessment(), view.titlesHeld(), result(view.evaluation()));
		}

		Result result(Evaluation e) {
			return new Result(e.setId(), e.setCode(), e.setVersion(), e.unitId(), e.thresholdClass(),
					reasons(e.classReasons()), summary(e.summary()), title(e.title()), revocation(e.revocation()),
					reasons(e.sourceFlags()), e.missingThresholds(), e.withoutIndicators(),
					e.criteria().stream().map(this::criterion).toList(),
					e.conditions().stream().map(this::criterion).toList());
		}

		Row row(UnitEvaluation unit) {
			Evaluation e = unit.evaluation();
			return new Row(unit.unitId(), unit.label(), unit.assessmentId(), summary(e.summary()),
					new Outcome(e.title().outcome().name(), label("engine.title.outcome." + e.title().outcome())),
					new Outcome(e.revocation().outcome().name(),
							label("engine.revocation.outcome." + e.revocation().outcome())),
					e.sourceFlags().size());
		}

		List<ReasonJson> reasons(List<Reason> reasons) {
			return reasons.stream().map(r -> new ReasonJson(r.key(), r.args(), texts.text(r, locale))).toList();
		}

		private static SummaryJson summary(Summary s) {
			return new SummaryJson(s.met(), s.total(), s.ratio(), s.notation(), s.metList(), s.failingList(),
					s.undecided(), s.counted().name(), s.indicatorsMet(), s.indicatorsTotal(), s.appraised());
		}

		private TitleJson title(TitleVerdict title) {
			return new TitleJson(title.outcome().name(), label("engine.title.outcome." + title.outcome()),
					reasons(title.reasons()));
		}

		private RevocationJson revocation(RevocationVerdict r) {
			return new RevocationJson(r.outcome().name(), label("engine.revocation.outcome." + r.outcome()),
					r.failing(), r.total(), r.failingShare(), r.criticalFailing(), reasons(r.reasons()));
		}

		private CriterionJson criterion(CriterionResult c) {
			return new CriterionJson(c.number(), c.name(), c.kind().name(), c.critical(), c.status().name(),
					label("engine.status." + c.status()), c.basis().name(), c.fromIndicators().name(),
					c.selfStatus() == null ? null : c.selfStatus().name(), appraisal(c.appraisal()),
					reasons(c.reasons()), c.indicators().stream().map(this::indicator).toList());
		}

		private IndicatorJson indicator(IndicatorResult i) {
			return new IndicatorJson(i.code(), i.name(), i.type().name(), i.unit(), i.sourceKind(),
					i.value() == null ? null : ValueJson.of(i.value()),
					i.requirement() == null ? null : RequirementJson.of(i.requirement()), i.status().name(),
					label("engine.status." + i.status()), i.selfStatus() == null ? null : i.selfStatus().name(),
					appraisal(i.appraisal()), reasons(i.reasons()));
		}

		private @Nullable AppraisalJson appraisal(@Nullable Appraisal a) {
			return a == null ? null : new AppraisalJson(a.met(), a.stage().name(), label("engine.stage." + a.stage()),
					a.by(), a.reason());
		}

		private String label(String key) {
			return texts.message(key, locale);
		}

	}

	/** The unit as of the evaluation's date (or its last day, when it had ended). */
	record UnitJson(long id, @Nullable String code, String name, String type, String fullName, @Nullable Long parentId,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo) {

		static UnitJson of(UnitRef unit) {
			return new UnitJson(unit.id(), unit.code(), unit.name(), unit.type().name(), unit.fullName(),
					unit.parentId(), unit.validFrom(), unit.validTo());
		}

	}

	record SetJson(long id, String code, int version, String label, String name, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, @Nullable String decisionNumber, @Nullable LocalDate decisionDate,
			@Nullable String issuer, String status) {

		static SetJson of(SetSummary set) {
			return new SetJson(set.id(), set.code(), set.version(), set.label(), set.name(), set.validFrom(),
					set.validTo(), set.decisionNumber(), set.decisionDate(), set.issuer(), set.status());
		}

	}

	/**
	 * The engine's result.
	 *
	 * @param thresholdClass the classification value whose thresholds apply (DHNTB,
	 * NHOM_2…), none when the unit is not classified
	 */
	record Result(long setId, String setCode, int setVersion, long unitId, @Nullable String thresholdClass,
			List<ReasonJson> classReasons, SummaryJson summary, TitleJson title, RevocationJson revocation,
			List<ReasonJson> sourceFlags, List<String> missingThresholds, List<String> withoutIndicators,
			List<CriterionJson> criteria, List<CriterionJson> conditions) {
	}

	/** A reason: message key, its arguments, and the text in the request's language. */
	record ReasonJson(String key, List<Object> args, String text) {
	}

	/**
	 * "17 (16, 19)": {@code notation}; {@code ratio} "17/19"; {@code counted} CRITERION,
	 * or CONDITION for a set made only of conditions (then the counts are conditions);
	 * {@code appraised} the numbers whose appraised result differs from the unit's own.
	 */
	record SummaryJson(int met, int total, String ratio, String notation, List<String> metList,
			List<String> failingList, List<String> undecided, String counted, int indicatorsMet, int indicatorsTotal,
			List<String> appraised) {
	}

	/** An appraisal: met or not, at which step, by whom, why. */
	record AppraisalJson(boolean met, String stage, String stageLabel, String by, @Nullable String reason) {
	}

	record TitleJson(String outcome, String label, List<ReasonJson> reasons) {
	}

	record RevocationJson(String outcome, String label, int failing, int total, String failingShare,
			List<String> criticalFailing, List<ReasonJson> reasons) {
	}

	/**
	 * A criterion or condition: {@code status} as appraised where someone appraised it,
	 * {@code selfStatus} the unit's own (when an appraisal took part).
	 */
	record CriterionJson(String number, @Nullable String name, String kind, boolean critical, String status,
			String statusLabel, String basis, String fromIndicators, @Nullable String selfStatus,
			@Nullable AppraisalJson appraisal, List<ReasonJson> reasons, List<IndicatorJson> indicators) {
	}

	record IndicatorJson(String code, @Nullable String name, String type, @Nullable String unit, String sourceKind,
			@Nullable ValueJson value, @Nullable RequirementJson requirement, String status, String statusLabel,
			@Nullable String selfStatus, @Nullable AppraisalJson appraisal, List<ReasonJson> reasons) {
	}

	/**
	 * A value as entered (one of number, numerator and denominator, flag, choice, or the
	 * indicator stated met or not met without its figure: {@code verdict} with its
	 * {@code reason}) and as shown ({@code display}, Vietnamese notation); a computed
	 * number is given to six decimals.
	 */
	record ValueJson(String display, @Nullable BigDecimal number, @Nullable BigInteger numerator,
			@Nullable BigInteger denominator, @Nullable Boolean flag, @Nullable String choice,
			@Nullable Boolean verdict, @Nullable String reason) {

		static ValueJson of(Value value) {
			if (value instanceof Value.Fraction f) {
				return new ValueJson(f.display(), decimal(f.numeric()), f.numerator(), f.denominator(), null, null,
						null, null);
			}
			if (value instanceof Value.Flag f) {
				return new ValueJson(f.display(), null, null, null, f.value(), null, null, null);
			}
			if (value instanceof Value.Choice c) {
				return new ValueJson(c.display(), null, null, null, null, c.value(), null, null);
			}
			if (value instanceof Value.Verdict v) {
				return new ValueJson(v.display(), null, null, null, null, null, v.met(), v.reason());
			}
			BigFraction number = value.numeric();
			return new ValueJson(value.display(), number == null ? null : decimal(number), null, null, null, null, null,
					null);
		}

		private static BigDecimal decimal(BigFraction value) {
			return value.bigDecimalValue(6, RoundingMode.HALF_UP).stripTrailingZeros();
		}

	}

	/** The requirement applied to this unit: as shown, as printed by the source. */
	record RequirementJson(String display, @Nullable String printed, @Nullable String note, @Nullable String source) {

		static RequirementJson of(Requirement requirement) {
			return new RequirementJson(requirement.display(), requirement.printed(), requirement.note(),
					requirement.source());
		}

	}

	/** A unit in an evaluation of many. */
	record Row(long unitId, String label, @Nullable Long assessmentId, SummaryJson summary, Outcome title,
			Outcome revocation, int sourceFlags) {
	}

	record Outcome(String outcome, String label) {
	}

}
