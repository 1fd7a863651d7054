package vn.ntm.assessment.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.shared.VnText;

/**
 * The assessment matrix of a parent unit: units below it × the set's criteria, as a page
 * and as an .xlsx. Access is that of {@link AssessmentManagement#evaluateWithin}.
 */
@Controller
class EvaluationMatrixController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final UnitManagement units;

	private final MessageSource messages;

	EvaluationMatrixController(AssessmentManagement assessments, CriteriaCatalog catalog, UnitManagement units,
			MessageSource messages) {
		this.assessments = assessments;
		this.catalog = catalog;
		this.units = units;
		this.messages = messages;
	}

	/** The matrix of the units below a parent for a set and year. */
	@GetMapping("/units/{id}/evaluations/matrix")
	String matrix(@PathVariable long id, @RequestParam long set, @RequestParam int year,
			@RequestParam(required = false) @Nullable Integer below,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String dir,
			Model model) {
		EvaluationMatrix matrix = build(id, set, year, below, sort, dir);
		model.addAttribute("root", units.details(id, LocalDate.of(year, 12, 31)));
		model.addAttribute("set", catalog.summary(set));
		model.addAttribute("year", year);
		model.addAttribute("m", matrix);
		return "assessment/matrix";
	}

	/** The same table as an .xlsx, in Vietnamese. */
	@GetMapping("/units/{id}/evaluations/matrix.xlsx")
	void xlsx(@PathVariable long id, @RequestParam long set, @RequestParam int year,
			@RequestParam(required = false) @Nullable Integer below,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String dir,
			HttpServletResponse response) throws IOException {
		// evaluated (and access checked) before anything is written
		EvaluationMatrix matrix = build(id, set, year, below, sort, dir);
		UnitDetails root = units.details(id, LocalDate.of(year, 12, 31));
		SetSummary summary = catalog.summary(set);
		Locale vi = Locale.forLanguageTag("vi");
		String title = messages.getMessage("matrix.xlsx.title",
				new Object[] { root.version().fullName(), summary.label(), summary.name(), String.valueOf(year) }, vi);
		if (below != null) {
			title += " " + messages.getMessage("matrix.xlsx.below", new Object[] { below }, vi);
		}
		String name = "Ma trận đánh giá - " + root.version().fullName() + " - " + summary.label() + " - " + year
				+ ".xlsx";
		String ascii = ("ma-tran-danh-gia-" + VnText.searchKey(root.version().fullName()) + "-" + summary.code() + "-v"
				+ summary.version() + "-" + year)
			.replaceAll("[^A-Za-z0-9_.-]+", "-") + ".xlsx";
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
				+ URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
		MatrixWorkbook.write(matrix, title, messages, response.getOutputStream());
	}

	private EvaluationMatrix build(long id, long set, int year, @Nullable Integer below, @Nullable String sort,
			@Nullable String dir) {
		return EvaluationMatrix.of(id, catalog.definition(set), assessments.evaluateWithin(id, set, year), below, sort,
				dir);
	}

}
