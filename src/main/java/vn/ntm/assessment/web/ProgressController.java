package vn.ntm.assessment.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentTracking;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * The progress of submissions and appraisals across the units below a parent, as a page
 * and as an .xlsx (the API is in {@link ViewsApiController}). Access is that of
 * {@link AssessmentManagement#evaluateWithin}.
 */
@Controller
class ProgressController {

	private final AssessmentManagement assessments;

	private final AssessmentTracking tracking;

	private final CriteriaCatalog catalog;

	private final UnitManagement units;

	private final MatrixSource sets;

	private final MessageSource messages;

	ProgressController(AssessmentManagement assessments, AssessmentTracking tracking, CriteriaCatalog catalog,
			UnitManagement units, MatrixSource sets, MessageSource messages) {
		this.assessments = assessments;
		this.tracking = tracking;
		this.catalog = catalog;
		this.units = units;
		this.sets = sets;
		this.messages = messages;
	}

	/** The report, read in three steps whatever the number of units. */
	ProgressReport report(long id, long set, int year, @Nullable String status) {
		List<UnitEvaluation> within = assessments.evaluateWithin(id, set, year);
		return ProgressReport.of(id, catalog.definition(set), within,
				tracking.states(id, year,
						within.stream().map(UnitEvaluation::assessmentId).filter(Objects::nonNull).toList()),
				VnFormat.today(), status);
	}

	/**
	 * The page: above {@link UnitGroups#DETAIL_LIMIT} units, the units directly below
	 * with their units per state ({@code view} as on the matrix); else the units, longest
	 * waiting first, {@link UnitGroups#DETAIL_LIMIT} a page.
	 */
	@GetMapping("/units/{id}/assessments/progress")
	String page(@PathVariable long id, @RequestParam long set, @RequestParam int year,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String view,
			@RequestParam(required = false) @Nullable Integer page, HttpServletRequest request, Model model) {
		ProgressReport report = report(id, set, year, status);
		List<UnitRef> ofYear = units.unitsOfYear(id, year);
		UnitGroups groups = UnitGroups.of(id, ofYear);
		boolean aggregate = groups.aggregates(view, report.all().stream().map(ProgressReport.Row::unitId).toList());
		UnitDetails root = units.details(id, units.lastDayIn(id, year));
		model.addAttribute("root", root);
		model.addAttribute("set", catalog.summary(set));
		model.addAttribute("year", year);
		model.addAttribute("p", report);
		model.addAttribute("view", UnitGroups.view(view));
		Paging.viewLinks(model, request);
		if (aggregate) {
			model.addAttribute("aggregate", ProgressAggregate.of(report, groups));
			model.addAttribute("shown", List.of());
		}
		else {
			Paging paging = Paging.of(page, UnitGroups.DETAIL_LIMIT, report.rows().size(), request);
			model.addAttribute("paging", paging);
			model.addAttribute("shown", paging.of(report.rows()));
		}
		model.addAttribute("endedIn", YearUnits.endedIn(ofYear, year));
		model.addAttribute("lowerSets", sets.lowerSets(root));
		model.addAttribute("states", ProgressReport.STATES);
		return "assessment/progress";
	}

	@GetMapping("/units/{id}/assessments/progress.xlsx")
	void xlsx(@PathVariable long id, @RequestParam long set, @RequestParam int year,
			@RequestParam(required = false) @Nullable String status, HttpServletResponse response) throws IOException {
		ProgressReport report = report(id, set, year, status);
		UnitDetails root = units.details(id, units.lastDayIn(id, year));
		SetSummary summary = catalog.summary(set);
		Locale vi = Locale.forLanguageTag("vi");
		String title = messages.getMessage("progress.xlsx.title", new Object[] { root.version().fullName(),
				summary.label(), String.valueOf(year), VnFormat.date(report.today()) }, vi);
		if (report.state() != null) {
			title += " "
					+ messages
						.getMessage("matrix.xlsx.statusFilter",
								new Object[] { messages.getMessage(ProgressReport.NOT_OPENED.equals(report.state())
										? "matrix.status.NONE" : "assessment.status." + report.state(), null, vi) },
								vi);
		}
		String name = "Tiến độ đánh giá - " + root.version().fullName() + " - " + summary.label() + " - " + year
				+ ".xlsx";
		String ascii = ("tien-do-danh-gia-" + VnText.searchKey(root.version().fullName()) + "-" + summary.code() + "-v"
				+ summary.version() + "-" + year)
			.replaceAll("[^A-Za-z0-9_.-]+", "-") + ".xlsx";
		EvaluationMatrixController.attachment(response, ascii, name);
		ProgressWorkbook.write(report, title, messages, response.getOutputStream());
	}

}
