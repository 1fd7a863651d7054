package vn.ntm.assessment.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.assessment.AssessmentWorkbooks;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedMessages;

/**
 * The upload page of filled assessment templates: the form, the job with its progress
 * (polled by htmx), the preview and errors, and "Áp dụng".
 */
@Controller
class AssessmentUploadController {

	private final AssessmentWorkbooks workbooks;

	private final MessageSource messages;

	AssessmentUploadController(AssessmentWorkbooks workbooks, MessageSource messages) {
		this.workbooks = workbooks;
		this.messages = messages;
	}

	@GetMapping("/assessments/uploads/new")
	String form(@RequestParam(required = false) @Nullable Long unit, Model model) {
		model.addAttribute("unit", unit);
		return "assessment/upload";
	}

	@PostMapping("/assessments/uploads")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable Long unit, Model model, Locale locale) throws IOException {
		try {
			if (file == null) {
				throw new BusinessRuleException("assessment.upload.missing");
			}
			UUID id = AssessmentWorkbookApiController.start(workbooks, file);
			return "redirect:/assessments/uploads/" + id;
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("unit", unit);
			model.addAttribute("formError", LocalizedMessages.of(messages, ex, locale));
			return "assessment/upload";
		}
	}

	@GetMapping("/assessments/uploads/{id}")
	String job(@PathVariable UUID id, Model model) {
		model.addAttribute("job", workbooks.job(id));
		return "assessment/upload-job";
	}

	/** The job's status block, polled by htmx while the file is checked. */
	@GetMapping("/assessments/uploads/{id}/status")
	String status(@PathVariable UUID id, Model model) {
		model.addAttribute("job", workbooks.job(id));
		return "assessment/upload-job :: status";
	}

	/** Checks again a file whose check a restart interrupted. */
	@PostMapping("/assessments/uploads/{id}/restart")
	String restart(@PathVariable UUID id) {
		workbooks.restart(id);
		return "redirect:/assessments/uploads/" + id;
	}

	@PostMapping("/assessments/uploads/{id}/apply")
	String apply(@PathVariable UUID id) {
		workbooks.apply(id);
		return "redirect:/assessments/uploads/" + id;
	}

}
