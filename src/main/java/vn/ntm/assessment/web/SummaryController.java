package vn.ntm.assessment.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.shared.VnText;

/**
 * A unit's assessment summary as a page and as an .xlsx (the API is in
 * {@link ViewsApiController}); reading needs the unit in the user's scope.
 */
@Controller
class SummaryController {

	private final SummarySource summaries;

	private final AssessmentManagement assessments;

	private final MessageSource messages;

	SummaryController(SummarySource summaries, AssessmentManagement assessments, MessageSource messages) {
		this.summaries = summaries;
		this.assessments = assessments;
		this.messages = messages;
	}

	static String path(long unitId, long setId, int year) {
		return "/units/" + unitId + "/summary?set=" + setId + "&year=" + year;
	}

	@GetMapping("/assessments/{id}/summary")
	String ofAssessment(@PathVariable long id) {
		AssessmentView view = assessments.get(id);
		return "redirect:" + path(view.unitId(), view.setId(), view.year());
	}

	@GetMapping("/units/{id}/summary")
	String page(@PathVariable long id, @RequestParam long set, @RequestParam int year, Model model, Locale locale) {
		model.addAttribute("s", summaries.of(id, set, year, locale));
		return "assessment/summary";
	}

	@GetMapping("/units/{id}/summary.xlsx")
	void xlsx(@PathVariable long id, @RequestParam long set, @RequestParam int year, HttpServletResponse response)
			throws IOException {
		AssessmentSummary summary = summaries.of(id, set, year, Locale.forLanguageTag("vi"));
		String name = "Tóm tắt đánh giá - " + summary.unit() + " - " + summary.set() + " - " + year + ".xlsx";
		String ascii = ("tom-tat-danh-gia-" + VnText.searchKey(summary.unit()) + "-" + summary.set() + "-" + year)
			.replaceAll("[^A-Za-z0-9_.-]+", "-") + ".xlsx";
		EvaluationMatrixController.attachment(response, ascii, name);
		SummaryWorkbook.write(summary, messages, response.getOutputStream());
	}

}
