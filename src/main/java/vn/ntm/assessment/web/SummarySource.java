package vn.ntm.assessment.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.EvaluationView;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.engine.CriterionKind;
import vn.ntm.criteria.engine.CriterionResult;
import vn.ntm.criteria.engine.Evaluation;
import vn.ntm.criteria.engine.IndicatorResult;
import vn.ntm.criteria.engine.Reason;
import vn.ntm.criteria.engine.Status;
import vn.ntm.criteria.engine.Summary;

/**
 * Builds {@link AssessmentSummary}s from the facade: the evaluation of the unit for the
 * set and year, and that of the previous year's assessment of the same set code.
 */
@Component
class SummarySource {

	private static final String NONE = "—";

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final ReasonTexts texts;

	private final EvaluationDisplay display;

	SummarySource(AssessmentManagement assessments, CriteriaCatalog catalog, ReasonTexts texts,
			EvaluationDisplay display) {
		this.assessments = assessments;
		this.catalog = catalog;
		this.texts = texts;
		this.display = display;
	}

	AssessmentSummary of(long unitId, long setId, int year, Locale locale) {
		EvaluationView view = assessments.evaluate(unitId, setId, year);
		Evaluation e = view.evaluation();
		List<AssessmentSummary.Unmet> unmet = new ArrayList<>();
		List<AssessmentSummary.Appraised> appraised = new ArrayList<>();
		List<CriterionResult> all = new ArrayList<>(e.criteria());
		all.addAll(e.conditions());
		for (CriterionResult c : all) {
			if (c.appraisedDifferently()) {
				appraised.add(new AssessmentSummary.Appraised(c.number(), c.name(), c.selfStatus(),
						texts.message("engine.status." + c.selfStatus(), locale), c.status(),
						texts.message("engine.status." + c.status(), locale), texts(c.reasons(), locale)));
			}
			if (c.status() == Status.MET) {
				continue;
			}
			List<String> reasons = new ArrayList<>(texts(c.reasons(), locale));
			for (IndicatorResult i : c.indicators()) {
				if (i.status() != Status.MET && i.status() != Status.INFO) {
					reasons.addAll(texts(i.reasons(), locale));
				}
			}
			unmet.add(new AssessmentSummary.Unmet(c.number(), c.name(), c.status(),
					texts.message("engine.status." + c.status(), locale), reasons,
					c.kind() == CriterionKind.CONDITION));
		}
		SetSummary set = view.set();
		AssessmentView assessment = view.assessment();
		Summary sum = e.summary();
		return new AssessmentSummary(unitId, view.unit().fullName(), setId, set.label(), set.code(), set.name(), year,
				view.asOf(), assessment == null ? null : assessment.id(),
				assessment == null ? null : assessment.status(), sum.met(), sum.total(), sum.notation(), sum.ratio(),
				sum.ofConditions(), headline(sum, locale), sum.indicatorsMet(), sum.indicatorsTotal(), set.titleName(),
				e.title().outcome(), texts.message("engine.title.outcome." + e.title().outcome(), locale),
				texts(e.title().reasons(), locale), unmet, appraised, year - 1,
				previous(unitId, set, year).map(p -> change(p, e)).orElse(null));
	}

	/**
	 * "17/19 tiêu chí đạt; chưa đạt: 16, 19", "2/5 điều kiện đạt; chưa đạt: 2, 3", "19/19
	 * tiêu chí đạt".
	 */
	String headline(Summary sum, Locale locale) {
		String counted = texts.message(sum.ofConditions() ? "summary.headline.conditions" : "summary.headline.criteria",
				locale, sum.ratio());
		return sum.failingList().isEmpty() ? counted
				: texts.message("summary.headline.failing", locale, counted, String.join(", ", sum.failingList()));
	}

	/**
	 * The unit's assessment of the year before with the same set code (the newest version
	 * when there are several).
	 */
	private Optional<EvaluationView> previous(long unitId, SetSummary set, int year) {
		return assessments.ofUnit(unitId)
			.stream()
			.filter(a -> a.year() == year - 1)
			.map(a -> Map.entry(a, catalog.summary(a.setId())))
			.filter(a -> a.getValue().code().equals(set.code()))
			.max(Comparator.comparingInt(a -> a.getValue().version()))
			.map(a -> assessments.evaluate(a.getKey().id()));
	}

	private AssessmentSummary.Change change(EvaluationView before, Evaluation now) {
		Evaluation then = before.evaluation();
		Map<String, CriterionResult> old = new HashMap<>();
		then.criteria().forEach(c -> old.put(c.number(), c));
		List<AssessmentSummary.Criterion> newlyMet = new ArrayList<>();
		List<AssessmentSummary.Criterion> noLongerMet = new ArrayList<>();
		List<AssessmentSummary.ValueChange> values = new ArrayList<>();
		for (CriterionResult c : now.criteria()) {
			if (c.kind() != CriterionKind.CRITERION) {
				continue;
			}
			CriterionResult o = old.get(c.number());
			boolean metBefore = o != null && o.status() == Status.MET;
			boolean metNow = c.status() == Status.MET;
			if (metNow && !metBefore) {
				newlyMet.add(new AssessmentSummary.Criterion(c.number(), c.name()));
			}
			// no longer met: judged not met now (a criterion without this year's figures
			// yet
			// is not "lost"; the table shows it as without data)
			if (metBefore && (c.status() == Status.NOT_MET || c.status() == Status.CONFLICT)) {
				noLongerMet.add(new AssessmentSummary.Criterion(c.number(), c.name()));
			}
			if (!metNow) {
				Map<String, IndicatorResult> oldIndicators = new LinkedHashMap<>();
				if (o != null) {
					o.indicators().forEach(i -> oldIndicators.put(i.code(), i));
				}
				for (IndicatorResult i : c.indicators()) {
					IndicatorResult oi = oldIndicators.remove(i.code());
					String was = oi == null ? "" : display.value(oi);
					String is = display.value(i);
					if (!was.equals(is)) {
						values.add(new AssessmentSummary.ValueChange(c.number(), i.code(), i.name(),
								was.isEmpty() ? NONE : was, is.isEmpty() ? NONE : is));
					}
				}
				for (IndicatorResult oi : oldIndicators.values()) {
					String was = display.value(oi);
					if (!was.isEmpty()) {
						values.add(new AssessmentSummary.ValueChange(c.number(), oi.code(), oi.name(), was, NONE));
					}
				}
			}
		}
		return new AssessmentSummary.Change(before.assessment() == null ? 0 : before.assessment().id(),
				before.set().id(), before.set().label(), before.year(), then.summary().met(), then.summary().total(),
				then.summary().notation(), now.summary().met(), newlyMet, noLongerMet, values);
	}

	private List<String> texts(List<Reason> reasons, Locale locale) {
		return reasons.stream().map(r -> texts.text(r, locale)).toList();
	}

}
