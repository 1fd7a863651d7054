package vn.ntm.assessment.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.shared.web.ReadOnlyPage;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.ClassificationScheme;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.VnText;

/**
 * The assessment matrix of a parent unit: units below it × the set's criteria, as a page
 * and as an .xlsx, with the same filters (below N criteria, region or commune group,
 * title, assessment status) and order. Access is that of
 * {@link vn.ntm.assessment.AssessmentManagement#evaluateWithin}.
 */
@Controller
class EvaluationMatrixController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final MatrixSource source;

	private final CriteriaCatalog catalog;

	private final UnitManagement units;

	private final MessageSource messages;

	private final EvaluationDisplay display;

	EvaluationMatrixController(MatrixSource source, CriteriaCatalog catalog, UnitManagement units,
			MessageSource messages, EvaluationDisplay display) {
		this.display = display;
		this.source = source;
		this.catalog = catalog;
		this.units = units;
		this.messages = messages;
	}

	/**
	 * The matrix of the units below a parent for a set and year. Above
	 * {@link UnitGroups#DETAIL_LIMIT} units (the country, a large province before 2025)
	 * it starts from the aggregate by the units directly below ({@code view=auto}, the
	 * default; {@code groups} asks for it, {@code units} for the list of units, shown
	 * {@link UnitGroups#DETAIL_LIMIT} a page); the whole table is the .xlsx.
	 */
	@ReadOnlyPage
	@GetMapping("/units/{id}/evaluations/matrix")
	String matrix(@PathVariable long id, @RequestParam long set, @RequestParam int year,
			@RequestParam(required = false) @Nullable Integer below,
			@RequestParam(required = false) @Nullable String cls,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String dir,
			@RequestParam(required = false) @Nullable String view,
			@RequestParam(required = false) @Nullable Integer page, HttpServletRequest request, Model model,
			Locale locale) {
		List<UnitRef> ofYear = units.unitsOfYear(id, year);
		EvaluationMatrix matrix = source.build(id, set, year, new MatrixQuery(below, cls, title, status, sort, dir),
				ofYear);
		UnitGroups groups = UnitGroups.of(id, ofYear);
		boolean aggregate = groups.aggregates(view, matrix.rows().stream().map(EvaluationMatrix.Line::unitId).toList());
		model.addAttribute("cells", new MatrixCells(matrix.criteria(), display, messages, locale));
		UnitDetails root = units.details(id, units.lastDayIn(id, year));
		model.addAttribute("root", root);
		model.addAttribute("set", catalog.summary(set));
		model.addAttribute("year", year);
		model.addAttribute("m", matrix);
		model.addAttribute("view", UnitGroups.view(view));
		Paging.viewLinks(model, request);
		if (aggregate) {
			model.addAttribute("aggregate", MatrixAggregate.of(matrix, groups));
			model.addAttribute("shown", List.of());
		}
		else {
			Paging paging = Paging.of(page, UnitGroups.DETAIL_LIMIT, matrix.rows().size(), request);
			model.addAttribute("paging", paging);
			model.addAttribute("shown", paging.of(matrix.rows()));
		}
		model.addAttribute("endedIn", YearUnits.endedIn(ofYear, year));
		model.addAttribute("q", matrix.query());
		model.addAttribute("lowerSets", source.lowerSets(root));
		model.addAttribute("scheme", source.thresholdScheme(set));
		model.addAttribute("titleFilters", EvaluationMatrix.TitleFilter.values());
		model.addAttribute("statuses", AssessmentStatus.values());
		return "assessment/matrix";
	}

	/** The same table as an .xlsx, in Vietnamese, with the same filters and order. */
	@GetMapping("/units/{id}/evaluations/matrix.xlsx")
	void xlsx(@PathVariable long id, @RequestParam long set, @RequestParam int year,
			@RequestParam(required = false) @Nullable Integer below,
			@RequestParam(required = false) @Nullable String cls,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String dir,
			HttpServletResponse response) throws IOException {
		// evaluated (and access checked) before anything is written
		EvaluationMatrix matrix = source.build(id, set, year, new MatrixQuery(below, cls, title, status, sort, dir));
		UnitDetails root = units.details(id, units.lastDayIn(id, year));
		SetSummary summary = catalog.summary(set);
		Locale vi = Locale.forLanguageTag("vi");
		String heading = messages.getMessage("matrix.xlsx.title",
				new Object[] { root.version().fullName(), summary.label(), summary.name(), String.valueOf(year) }, vi);
		String filters = filters(matrix, source.thresholdScheme(set), vi);
		if (!filters.isEmpty()) {
			heading += " " + filters;
		}
		String name = "Ma trận đánh giá - " + root.version().fullName() + " - " + summary.label() + " - " + year
				+ ".xlsx";
		String ascii = ("ma-tran-danh-gia-" + VnText.searchKey(root.version().fullName()) + "-" + summary.code() + "-v"
				+ summary.version() + "-" + year)
			.replaceAll("[^A-Za-z0-9_.-]+", "-") + ".xlsx";
		attachment(response, ascii, name);
		MatrixWorkbook.write(matrix, heading, messages, response.getOutputStream());
	}

	static void attachment(HttpServletResponse response, String ascii, String name) {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
				+ URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	/** The filters as the title of the .xlsx states them: "(chỉ các đơn vị …)". */
	private String filters(EvaluationMatrix matrix, @Nullable ClassificationScheme scheme, Locale vi) {
		MatrixQuery q = matrix.query();
		List<String> parts = new ArrayList<>();
		if (q.below() != null) {
			parts.add(messages.getMessage("matrix.xlsx.below", new Object[] { q.below() }, vi));
		}
		if (q.cls() != null && !q.cls().isBlank()) {
			String className = scheme == null ? q.cls()
					: scheme.values()
						.stream()
						.filter(v -> v.code().equals(q.cls().strip()))
						.map(ClassificationScheme.Value::name)
						.findFirst()
						.orElse(q.cls());
			parts.add(LocalizedMessages.get(messages, "matrix.xlsx.cls",
					new Object[] { scheme == null ? "" : scheme.name(), className }, vi));
		}
		if (q.title() != null && !q.title().isBlank()) {
			parts.add(LocalizedMessages.get(messages, "matrix.xlsx.titleFilter",
					new Object[] { "matrix.title." + q.title().strip().toUpperCase(Locale.ROOT) }, vi));
		}
		if (q.status() != null && !q.status().isBlank()) {
			String status = q.status().strip().toUpperCase(Locale.ROOT);
			parts.add(LocalizedMessages.get(messages, "matrix.xlsx.statusFilter",
					new Object[] { EvaluationMatrix.NO_ASSESSMENT.equals(status) ? "matrix.status.NONE"
							: "assessment.status." + status },
					vi));
		}
		return String.join(" ", parts);
	}

}
