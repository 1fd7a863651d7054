package vn.ntm.assessment.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.shared.web.ReadOnlyPage;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.EvaluationView;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.engine.CriterionResult;
import vn.ntm.criteria.engine.Evaluation;
import vn.ntm.criteria.engine.IndicatorResult;
import vn.ntm.criteria.engine.RevocationVerdict;
import vn.ntm.criteria.engine.TitleVerdict;
import vn.ntm.orgunit.ClassificationScheme;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Problem;
import vn.ntm.shared.Problem.Place;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;

/**
 * Evaluation pages: a unit's assessments and the sets that apply to it, one evaluation
 * with its simple entry form, and every unit below a parent at once.
 */
@Controller
class EvaluationPageController {

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final UnitManagement units;

	private final AccessPolicy access;

	private final FormFlow flow;

	private final EvidenceSection evidence;

	EvaluationPageController(AssessmentManagement assessments, CriteriaCatalog catalog, UnitManagement units,
			AccessPolicy access, FormFlow flow, EvidenceSection evidence) {
		this.evidence = evidence;
		this.assessments = assessments;
		this.catalog = catalog;
		this.units = units;
		this.access = access;
		this.flow = flow;
	}

	/** A unit's assessments, the sets that apply to it, and the form to open one. */
	@ReadOnlyPage
	@GetMapping("/evaluations")
	String index(@RequestParam(required = false) @Nullable Long unit,
			@RequestParam(required = false) @Nullable String at, Model model) {
		long unitId = unit != null ? unit : defaultUnit();
		showIndex(unitId, at, model, null);
		return "assessment/index";
	}

	private long defaultUnit() {
		List<UnitRef> roots = units.scopeRoots(VnFormat.today());
		return roots.isEmpty() ? units.countryId() : roots.get(0).id();
	}

	private void showIndex(long unitId, @Nullable String at, Model model, @Nullable OpenForm typed) {
		LocalDate date = at == null || at.isBlank() ? VnFormat.today()
				: VnFormat.parseDate(at).orElse(VnFormat.today());
		UnitDetails details = units.details(unitId, date);
		if (!details.existsAt() && (at == null || at.isBlank())) {
			// a unit that has ended (a commune merged in 2025) is shown as on its last
			// day
			date = details.shownAt();
			details = units.details(unitId, date);
		}
		UnitRef unit = details.version();
		UnitDetails shown = details;
		List<SetSummary> sets = catalog.applicableTo(unit.type(), date)
			.stream()
			.filter(set -> ownedAbove(set, shown))
			.toList();
		List<Row> rows = new ArrayList<>();
		for (AssessmentView view : assessments.ofUnit(unitId)) {
			rows.add(Row.of(view, assessments.evaluate(view.id()).evaluation()));
		}
		model.addAttribute("unit", details);
		model.addAttribute("at", date);
		model.addAttribute("sets", sets);
		model.addAttribute("lowerSets", lowerSets(details));
		model.addAttribute("rows", rows);
		model.addAttribute("canEnter", assessments.canEnter(unitId));
		model.addAttribute("open",
				typed != null ? typed : new OpenForm(sets.isEmpty() ? "" : String.valueOf(sets.get(0).id()),
						defaultYear(sets, date), "", ""));
	}

	/** The last year of the period of the first set that is not after the date. */
	private static String defaultYear(List<SetSummary> sets, LocalDate date) {
		int year = date.getYear();
		if (!sets.isEmpty() && sets.get(0).validTo() != null && sets.get(0).validTo().getYear() < year) {
			year = sets.get(0).validTo().getYear();
		}
		return String.valueOf(year);
	}

	/**
	 * Published sets for units below this one (for "every unit below"): national sets,
	 * and a province's own sets within that province (all of them from the country).
	 */
	private List<SetSummary> lowerSets(UnitDetails unit) {
		return catalog.sets()
			.stream()
			.filter(s -> s.isPublished() && s.unitLevel() > unit.version().level())
			.filter(s -> unit.version().level() == 0 || ownedAbove(s, unit))
			.toList();
	}

	/** A national set, or a province's set and the unit in that province. */
	private static boolean ownedAbove(SetSummary set, UnitDetails unit) {
		Long owner = set.ownerUnitId();
		return owner == null || owner == unit.id() || unit.ancestors().stream().anyMatch(a -> a.id() == owner);
	}

	/** An assessment in the unit's list with its headline. */
	record Row(AssessmentView view, String notation, String ratio, TitleVerdict.Outcome title,
			RevocationVerdict.Outcome revocation, int flags) {

		static Row of(AssessmentView view, Evaluation evaluation) {
			return new Row(view, evaluation.summary().notation(), evaluation.summary().ratio(),
					evaluation.title().outcome(), evaluation.revocation().outcome(), evaluation.sourceFlags().size());
		}

	}

	/** The open form as typed. */
	record OpenForm(String setId, String year, String asOf, String source) {
	}

	/** Opens an assessment and goes to its evaluation. */
	@PostMapping("/evaluations")
	String open(@RequestParam long unitId, @RequestParam(defaultValue = "") String setId,
			@RequestParam(defaultValue = "") String year, @RequestParam(defaultValue = "") String asOf,
			@RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String from, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		access.requireActOn(unitId, Permission.ASSESSMENT_ENTER);
		OpenForm typed = new OpenForm(setId, year, asOf, source);
		try {
			NewAssessment request = request(unitId, typed);
			AssessmentView opened = assessments.open(request);
			return FormFlow.saved(redirect, evaluationPath(opened.unitId(), opened.setId(), opened.year()));
		}
		catch (BusinessRuleException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			flow.error(model, ex, locale);
			if (from.equals("evaluation") && setId.matches("\\d{1,18}") && year.matches("\\d{4}")) {
				showEvaluation(unitId, Long.parseLong(setId), Integer.parseInt(year), model);
				return "assessment/evaluation";
			}
			showIndex(unitId, null, model, typed);
			return "assessment/index";
		}
	}

	/**
	 * The request the open form makes; what cannot be read is refused naming the field.
	 */
	private static NewAssessment request(long unitId, OpenForm form) {
		List<Problem> problems = new ArrayList<>();
		Long set = form.setId().matches("\\d{1,18}") ? Long.valueOf(form.setId()) : null;
		int year = form.year().strip().matches("\\d{1,4}") ? Integer.parseInt(form.year().strip()) : 0;
		LocalDate asOf = null;
		if (!form.asOf().isBlank()) {
			asOf = VnFormat.parseDate(form.asOf()).orElse(null);
			if (asOf == null) {
				problems.add(Problem.at(List.of(new Place("assessment.field.asOf", form.asOf())),
						"evaluation.asOf.invalid", form.asOf()));
			}
		}
		if (!problems.isEmpty()) {
			throw new RejectedInput("assessment.open.rejected", problems);
		}
		return new NewAssessment(unitId, set, year, asOf, form.source().isBlank() ? null : form.source(), null);
	}

	static String evaluationPath(long unitId, long setId, int year) {
		return "/units/" + unitId + "/evaluation?set=" + setId + "&year=" + year;
	}

	/** An assessment's evaluation. */
	@GetMapping("/assessments/{id}")
	String assessment(@PathVariable long id) {
		AssessmentView view = assessments.get(id);
		return "redirect:" + evaluationPath(view.unitId(), view.setId(), view.year());
	}

	/** The evaluation of a unit for a set and year, with the entry form. */
	@ReadOnlyPage
	@GetMapping("/units/{id}/evaluation")
	String evaluation(@PathVariable long id, @RequestParam long set, @RequestParam int year, Model model) {
		showEvaluation(id, set, year, model);
		return "assessment/evaluation";
	}

	private void showEvaluation(long unitId, long setId, int year, Model model) {
		EvaluationView view = assessments.evaluate(unitId, setId, year);
		SetDocument document = catalog.document(setId);
		Evaluation evaluation = view.evaluation();
		ClassificationScheme scheme = document.thresholdScheme() == null ? null
				: units.schemes()
					.stream()
					.filter(s -> s.code().equals(document.thresholdScheme()))
					.findFirst()
					.orElse(null);
		Map<String, IndicatorResult> indicators = new LinkedHashMap<>();
		Map<String, CriterionResult> criteria = new LinkedHashMap<>();
		for (List<CriterionResult> list : List.of(evaluation.criteria(), evaluation.conditions())) {
			for (CriterionResult criterion : list) {
				criteria.put(criterion.number(), criterion);
				criterion.indicators().forEach(i -> indicators.put(i.code(), i));
			}
		}
		boolean canEnter = assessments.canEnter(unitId);
		model.addAttribute("view", view);
		model.addAttribute("e", evaluation);
		List<CriterionResult> results = new ArrayList<>(evaluation.criteria());
		results.addAll(evaluation.conditions());
		model.addAttribute("results", results);
		Map<String, String> titleNames = new LinkedHashMap<>();
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		catalog.titles().forEach(t -> titleNames.put(t.code(), english && t.nameEn() != null ? t.nameEn() : t.name()));
		model.addAttribute("titleNames", titleNames);
		model.addAttribute("setName", english && document.nameEn() != null ? document.nameEn() : view.set().name());
		model.addAttribute("doc", document);
		model.addAttribute("scheme", scheme);
		model.addAttribute("className", className(scheme, evaluation.thresholdClass()));
		model.addAttribute("missing",
				evaluation.missingThresholds().stream().map(indicators::get).filter(i -> i != null).toList());
		model.addAttribute("withoutIndicators",
				evaluation.withoutIndicators().stream().map(criteria::get).filter(c -> c != null).toList());
		model.addAttribute("canEnter", canEnter);
		model.addAttribute("years", years(view.set(), year));
		if (view.assessment() != null) {
			evidence.fill(model, view.assessment());
		}
	}

	private static @Nullable String className(@Nullable ClassificationScheme scheme, @Nullable String value) {
		if (scheme == null || value == null) {
			return value;
		}
		return scheme.values()
			.stream()
			.filter(v -> v.code().equals(value))
			.map(v -> v.name())
			.findFirst()
			.orElse(value);
	}

	/** The years of the set's period around this one, for moving between years. */
	private static List<Integer> years(SetSummary set, int year) {
		int from = set.validFrom() == null ? year - 2 : Math.max(set.validFrom().getYear(), year - 4);
		int to = set.validTo() == null ? year + 2 : Math.min(set.validTo().getYear(), year + 4);
		List<Integer> years = new ArrayList<>();
		for (int y = from; y <= to; y++) {
			years.add(y);
		}
		return years;
	}

	/**
	 * Every unit below a parent that the set applies to, most criteria met first, or
	 * above {@link UnitGroups#DETAIL_LIMIT} units the units directly below with their
	 * counts ({@code view} as on the matrix); the list {@link UnitGroups#DETAIL_LIMIT} a
	 * page.
	 */
	@ReadOnlyPage
	@GetMapping("/units/{id}/evaluations/within")
	String within(@PathVariable long id, @RequestParam long set, @RequestParam int year,
			@RequestParam(defaultValue = "false") boolean atRiskOnly,
			@RequestParam(required = false) @Nullable String view,
			@RequestParam(required = false) @Nullable Integer page, HttpServletRequest request, Model model) {
		List<UnitEvaluation> all = AssessmentApiController.sorted(assessments.evaluateWithin(id, set, year));
		List<UnitRef> ofYear = units.unitsOfYear(id, year);
		UnitGroups groups = UnitGroups.of(id, ofYear);
		UnitDetails root = units.details(id, units.lastDayIn(id, year));
		model.addAttribute("root", root);
		model.addAttribute("set", catalog.summary(set));
		model.addAttribute("year", year);
		model.addAttribute("atRiskOnly", atRiskOnly);
		model.addAttribute("endedIn", YearUnits.endedIn(ofYear, year));
		model.addAttribute("view", UnitGroups.view(view));
		Paging.viewLinks(model, request);
		List<UnitEvaluation> rows = all.stream()
			.filter(u -> !atRiskOnly || u.evaluation().revocation().atRiskOrRevoke())
			.toList();
		if (groups.aggregates(view, all.stream().map(UnitEvaluation::unitId).toList())) {
			model.addAttribute("aggregate", WithinAggregate.of(all, groups, atRiskOnly));
			model.addAttribute("rows", List.of());
		}
		else {
			Paging paging = Paging.of(page, UnitGroups.DETAIL_LIMIT, rows.size(), request);
			model.addAttribute("paging", paging);
			model.addAttribute("rows", paging.of(rows));
		}
		model.addAttribute("total", all.size());
		model.addAttribute("entered", all.stream().filter(u -> u.assessmentId() != null).count());
		model.addAttribute("qualifying",
				all.stream().filter(u -> u.evaluation().title().outcome() == TitleVerdict.Outcome.QUALIFIES).count());
		model.addAttribute("atRisk",
				all.stream()
					.filter(u -> u.evaluation().revocation().outcome() == RevocationVerdict.Outcome.AT_RISK)
					.count());
		model.addAttribute("revoke",
				all.stream()
					.filter(u -> u.evaluation().revocation().outcome() == RevocationVerdict.Outcome.REVOKE)
					.count());
		model.addAttribute("lowerSets", lowerSets(root));
		return "assessment/within";
	}

}
