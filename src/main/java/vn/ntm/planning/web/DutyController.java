package vn.ntm.planning.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.documents.Documents;
import vn.ntm.documents.StoredDocument;
import vn.ntm.planning.DutyForm;
import vn.ntm.planning.DutyView;
import vn.ntm.planning.Planning;
import vn.ntm.planning.ReportingDuties;
import vn.ntm.planning.SubmissionForm;
import vn.ntm.security.AccessPolicy;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;

/**
 * Reporting duties: the reports units owe, each occurrence on time, late, missing or
 * upcoming; a report submitted for an occurrence. Pages and API.
 */
@Controller
class DutyController {

	private final ReportingDuties duties;

	private final FormFlow flow;

	private final Documents documents;

	private final Planning planning;

	private final AccessPolicy access;

	DutyController(ReportingDuties duties, FormFlow flow, Documents documents, Planning planning, AccessPolicy access) {
		this.duties = duties;
		this.flow = flow;
		this.documents = documents;
		this.planning = planning;
		this.access = access;
	}

	@GetMapping("/plans/duties")
	String list(@RequestParam(required = false) @Nullable Long unit, Model model) {
		model.addAttribute("duties", unit == null ? duties.duties() : duties.duties(unit));
		model.addAttribute("canSet",
				access.currentIfAny().stream().flatMap(me -> me.unitIds().stream()).anyMatch(planning::canPlan));
		return "planning/duties";
	}

	@GetMapping("/plans/duties/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("duty", duties.duty(id));
		model.addAttribute("canChange", duties.canChange(id));
		model.addAttribute("today", VnFormat.today());
		model.addAttribute("attachmentMaxBytes", documents.maxFileSize());
		model.addAttribute("attachmentMax", StoredDocument.bytes(documents.maxFileSize()));
		return "planning/duty";
	}

	@PostMapping("/plans/duties/{id}/reports")
	String submit(@PathVariable long id, @RequestParam String dueOn,
			@RequestParam(required = false) @Nullable String submittedOn,
			@RequestParam(required = false) @Nullable String content,
			@RequestParam(required = false) @Nullable String figures,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		try {
			LocalDate due = LocalDate.parse(dueOn);
			LocalDate on = submittedOn == null || submittedOn.isBlank() ? null : VnFormat.parseDate(submittedOn)
				.orElseThrow(() -> new BusinessRuleException("planning.progress.unreadable"));
			duties.submit(id, new SubmissionForm(due, on, content, figures), AttachmentFiles.of(files));
			return FormFlow.saved(redirect, "/plans/duties/" + id);
		}
		catch (java.time.format.DateTimeParseException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			flow.error(model, new BusinessRuleException("planning.progress.unreadable"), locale);
			return show(id, model);
		}
		catch (BusinessRuleException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			flow.error(model, ex, locale);
			return show(id, model);
		}
	}

	/**
	 * A file attached to a submitted report, for those who read the duty;
	 * {@code inline=true} asks browsers to show PDF and images.
	 */
	@GetMapping({ "/plans/duties/attachments/{id}", "/api/v1/duties/attachments/{id}/content" })
	ResponseEntity<Resource> attachment(@PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) {
		return AttachmentFiles.download(duties.attachment(id), inline);
	}

	@GetMapping("/api/v1/duties")
	@ResponseBody
	java.util.List<DutyView> api(@RequestParam(required = false) @Nullable Long unit) {
		return unit == null ? duties.duties() : duties.duties(unit);
	}

	@GetMapping("/api/v1/duties/{id}")
	@ResponseBody
	DutyView apiDuty(@PathVariable long id) {
		return duties.duty(id);
	}

	@PostMapping("/api/v1/duties")
	@ResponseBody
	@ResponseStatus(HttpStatus.CREATED)
	DutyView apiCreate(@RequestBody DutyForm duty) {
		return duties.duty(duties.create(duty));
	}

	/**
	 * A report with files attached (multipart: the report's fields as parameters, each
	 * file a part {@code files}).
	 */
	@PostMapping(path = "/api/v1/duties/{id}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseBody
	@ResponseStatus(HttpStatus.CREATED)
	DutyView apiSubmitWithFiles(@PathVariable long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate submittedOn,
			@RequestParam(required = false) @Nullable String content,
			@RequestParam(required = false) @Nullable String figures,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
		return duties.submit(id, new SubmissionForm(dueOn, submittedOn, content, figures), AttachmentFiles.of(files));
	}

	@PostMapping("/api/v1/duties/{id}/reports")
	@ResponseBody
	@ResponseStatus(HttpStatus.CREATED)
	DutyView apiSubmit(@PathVariable long id, @RequestBody SubmissionForm report) {
		return duties.submit(id, report);
	}

}
