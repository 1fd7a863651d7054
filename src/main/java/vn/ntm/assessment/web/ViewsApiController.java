package vn.ntm.assessment.web;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.criteria.CriteriaCatalog;

/**
 * The views sent up the hierarchy, as JSON: a unit's assessment summary with the change
 * since the previous year, and the progress of submissions and appraisals below a parent.
 * Texts in the request's language; access as for the pages.
 */
@RestController
@RequestMapping("/api/v1")
class ViewsApiController {

	private final SummarySource summaries;

	private final ProgressController progress;

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final MessageSource messages;

	ViewsApiController(SummarySource summaries, ProgressController progress, AssessmentManagement assessments,
			CriteriaCatalog catalog, MessageSource messages) {
		this.summaries = summaries;
		this.progress = progress;
		this.assessments = assessments;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/units/{id}/summary")
	AssessmentSummary summary(@PathVariable long id, @RequestParam long set, @RequestParam int year, Locale locale) {
		return summaries.of(id, set, year, locale);
	}

	@GetMapping("/assessments/{id}/summary")
	AssessmentSummary summary(@PathVariable long id, Locale locale) {
		AssessmentView view = assessments.get(id);
		return summaries.of(view.unitId(), view.setId(), view.year(), locale);
	}

	/**
	 * The progress of submissions and appraisals of the units below a parent;
	 * {@code status} keeps one state ({@code NONE} for units without an assessment).
	 * Paged as the matrix ({@code page}, {@code size}).
	 */
	@GetMapping("/units/{id}/assessments/progress")
	ProgressJson progress(@PathVariable long id, @RequestParam long set, @RequestParam int year,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, Locale locale) {
		ProgressReport report = progress.report(id, set, year, status);
		Paging paging = Paging.of(page, AssessmentApiController.pageSize(size), report.rows().size(), null);
		return new ProgressJson(id, EvaluationJson.SetJson.of(catalog.summary(set)), year, report.today(),
				report.state(), report.totals(), report.rows().size(), paging.page(), paging.pages(), paging.size(),
				paging.of(report.rows())
					.stream()
					.map(r -> new ProgressRowJson(r.unitId(), r.label(), r.assessmentId(), r.state(),
							messages.getMessage(r.stateKey(), null, locale), r.since(), r.days(), r.waiting().name(),
							messages.getMessage("progress.waiting." + r.waiting().name(), null, locale), r.unchecked(),
							r.returned()
								.stream()
								.map(c -> new ReturnedJson(c.criterion(), c.reason(), c.checkedBy(), c.checkedAt()))
								.toList(),
							r.lastReturnReason()))
					.toList());
	}

	/**
	 * {@code rowCount} rows in all, {@code rows} those of {@code page} (from 1) of
	 * {@code pageSize}.
	 */
	record ProgressJson(long rootId, EvaluationJson.SetJson set, int year, LocalDate today, @Nullable String status,
			Map<String, Integer> totals, int rowCount, int page, int pages, int pageSize, List<ProgressRowJson> rows) {
	}

	record ProgressRowJson(long unitId, String label, @Nullable Long assessmentId, String status, String statusText,
			@Nullable LocalDate since, @Nullable Long days, String waitingFor, String waitingForText,
			List<String> uncheckedCriteria, List<ReturnedJson> returned, @Nullable String lastReturnReason) {
	}

	record ReturnedJson(String criterion, @Nullable String reason, String checkedBy, Instant checkedAt) {
	}

}
