package vn.ntm.recognition.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.engine.Summary;
import vn.ntm.funding.ConstructionDebt;
import vn.ntm.funding.FundingAlerts;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.recognition.BarComparison;
import vn.ntm.recognition.DossierView.Condition;
import vn.ntm.recognition.DossierView.Condition.Outcome;
import vn.ntm.recognition.SatisfactionBar;
import vn.ntm.recognition.SatisfactionSurveys;
import vn.ntm.recognition.SurveyView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.shared.VnFormat;

/**
 * The recognition conditions of a commune (QĐ 18/2022, as the reference reports them),
 * checked before the decision, each with its outcome in words: every criterion of the
 * title's set met in the assessment year (the engine's evaluation), satisfaction at or
 * above the bar the title's conditions state (none stated: "chưa có ngưỡng", not a
 * failure), no outstanding construction debt (the funding module), and no complex
 * security situation (entered on the dossier with its source).
 */
@Component
class DossierConditions {

	private final JdbcClient jdbc;

	private final CriteriaCatalog catalog;

	private final AssessmentManagement assessments;

	private final SatisfactionSurveys surveys;

	private final FundingAlerts funding;

	private final UnitManagement units;

	DossierConditions(JdbcClient jdbc, CriteriaCatalog catalog, AssessmentManagement assessments,
			SatisfactionSurveys surveys, FundingAlerts funding, UnitManagement units) {
		this.units = units;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.assessments = assessments;
		this.surveys = surveys;
		this.funding = funding;
	}

	List<Condition> check(long unitId, String titleCode, int year, LocalDate at, @Nullable Boolean securityComplex,
			@Nullable String securitySource) {
		List<Condition> checks = new ArrayList<>();
		checks.add(criteria(unitId, titleCode, year));
		checks.add(satisfaction(unitId, titleCode, year));
		checks.add(debt(unitId, at));
		checks.add(security(securityComplex, securitySource));
		return checks;
	}

	private static Condition condition(String code, Outcome outcome, String suffix, Object... arguments) {
		return new Condition(code, outcome, "recognition.dossier.condition." + code + "." + suffix, List.of(arguments));
	}

	Condition criteria(long unitId, String titleCode, int year) {
		LocalDate end = LocalDate.of(year, 12, 31);
		// the set of the unit's own assessment of the year for the title, else one in
		// force
		// that applies to the unit
		List<SetSummary> candidates = new ArrayList<>();
		assessments.ofUnit(unitId)
			.stream()
			.filter(a -> a.year() == year)
			.map(a -> catalog.summary(a.setId()))
			.filter(s -> titleCode.equals(s.titleCode()))
			.forEach(candidates::add);
		catalog.sets()
			.stream()
			.filter(s -> titleCode.equals(s.titleCode()) && s.isPublished() && s.covers(end))
			.forEach(candidates::add);
		if (candidates.isEmpty()) {
			return condition("CRITERIA", Outcome.FAIL, "noSet", String.valueOf(year));
		}
		Optional<SetSummary> set = candidates.stream().filter(s -> applies(s, unitId, year)).findFirst();
		if (set.isEmpty()) {
			return condition("CRITERIA", Outcome.FAIL, "notApplicable", candidates.get(0).label(),
					String.valueOf(year));
		}
		String label = set.get().label();
		Summary summary = assessments.evaluate(unitId, set.get().id(), year).evaluation().summary();
		if (!summary.failingList().isEmpty()) {
			return condition("CRITERIA", Outcome.FAIL, "fail", summary.met(), summary.total(), String.valueOf(year),
					String.join(", ", summary.failingList()), label);
		}
		if (!summary.undecided().isEmpty() || summary.total() == 0) {
			return condition("CRITERIA", Outcome.FAIL, "undecided", String.valueOf(year),
					String.join(", ", summary.undecided()), label);
		}
		return condition("CRITERIA", Outcome.PASS, "pass", summary.met(), summary.total(), String.valueOf(year), label);
	}

	/**
	 * Whether the set applies to the unit as of its last day in the year (level, type,
	 * period).
	 */
	private boolean applies(SetSummary set, long unitId, int year) {
		LocalDate day;
		try {
			day = units.lastDayIn(unitId, year);
		}
		catch (BusinessRuleException ex) {
			return false;
		}
		Optional<UnitRef> unit = units.find(unitId, day);
		return unit.isPresent() && unit.get().level() == set.unitLevel()
				&& (set.unitTypes().isEmpty() || set.unitTypes().contains(unit.get().type().name())) && set.covers(day)
				&& (set.ownerUnitId() == null || set.ownerUnitId() == unitId
						|| units.ancestors(unitId, day).stream().anyMatch(a -> a.id() == set.ownerUnitId()));
	}

	/** The bar a title's conditions state for the year, if any. */
	Optional<SatisfactionBar> bar(String titleCode, int year) {
		return jdbc.sql("""
				select percent, source from dossier_satisfaction_bar
				where title_code = :title and from_year <= :year and to_year >= :year
				order by from_year desc limit 1
				""")
			.param("title", titleCode)
			.param("year", year)
			.query((rs, n) -> new SatisfactionBar(rs.getBigDecimal("percent").stripTrailingZeros(),
					rs.getString("source")))
			.optional();
	}

	Condition satisfaction(long unitId, String titleCode, int year) {
		Optional<SurveyView> survey = surveys.find(unitId, year);
		Optional<SatisfactionBar> bar = bar(titleCode, year);
		if (survey.isEmpty()) {
			return condition("SATISFACTION", Outcome.FAIL, "noSurvey", String.valueOf(year));
		}
		BarComparison comparison = survey.get().satisfactionAgainst(bar.orElse(null));
		String share = comparison.ratio().describe();
		return switch (comparison.outcome()) {
			case MET -> condition("SATISFACTION", Outcome.PASS, "pass", share, percent(bar.get().percent()),
					bar.get().source());
			case BELOW -> condition("SATISFACTION", Outcome.FAIL, "fail", share, percent(bar.get().percent()),
					bar.get().source());
			case NO_BAR -> condition("SATISFACTION", Outcome.UNKNOWN, "noBar", share);
		};
	}

	private static String percent(BigDecimal value) {
		return VnFormat.number(value, 2);
	}

	Condition debt(long unitId, LocalDate at) {
		ConstructionDebt debt = funding.constructionDebt(unitId, at);
		if (debt.hasDebt()) {
			return condition("DEBT", Outcome.FAIL, "fail", debt.total().format(MoneyUnit.TRIEU), VnFormat.date(at));
		}
		return condition("DEBT", Outcome.PASS, "pass", VnFormat.date(at));
	}

	static Condition security(@Nullable Boolean complex, @Nullable String source) {
		if (complex == null) {
			return condition("SECURITY", Outcome.FAIL, "missing");
		}
		return complex ? condition("SECURITY", Outcome.FAIL, "fail", String.valueOf(source))
				: condition("SECURITY", Outcome.PASS, "pass", String.valueOf(source));
	}

}
