package vn.ntm.assessment.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.EvidenceFiles;
import vn.ntm.assessment.EvidenceView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedMessages;

/**
 * The evidence section of an evaluation page: upload and delete (a plain form that
 * redirects back; with htmx the section alone is answered and swapped, refusals included,
 * since htmx swaps only successful answers), download and preview.
 */
@Controller
class EvidencePageController {

	private static final String SECTION = "assessment/evidence :: section";

	private final EvidenceFiles evidence;

	private final AssessmentManagement assessments;

	private final EvidenceSection section;

	private final MessageSource messages;

	EvidencePageController(EvidenceFiles evidence, AssessmentManagement assessments, EvidenceSection section,
			MessageSource messages) {
		this.evidence = evidence;
		this.assessments = assessments;
		this.section = section;
		this.messages = messages;
	}

	@PostMapping("/assessments/{id}/evidence")
	String upload(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(defaultValue = "") String criterion, @RequestParam(defaultValue = "") String note,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect, Locale locale) throws IOException {
		String done = "evidence.saved";
		String error = null;
		try {
			if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
				throw new BusinessRuleException("evidence.file.required");
			}
			try (InputStream in = file.getInputStream()) {
				evidence.upload(id, criterion, null, EvidenceApiController.name(file), in, note);
			}
		}
		catch (BusinessRuleException ex) {
			error = LocalizedMessages.of(messages, ex, locale);
		}
		return answer(assessments.get(id), htmx != null, done, error, model, redirect, locale);
	}

	@PostMapping("/evidence/{id}/delete")
	String delete(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model, RedirectAttributes redirect, Locale locale) {
		EvidenceView file = evidence.open(id).file();
		String error = null;
		try {
			evidence.delete(id);
		}
		catch (BusinessRuleException ex) {
			error = LocalizedMessages.of(messages, ex, locale);
		}
		return answer(assessments.get(file.assessmentId()), htmx != null, "evidence.deleted", error, model, redirect,
				locale);
	}

	private String answer(AssessmentView assessment, boolean htmx, String done, @Nullable String error, Model model,
			RedirectAttributes redirect, Locale locale) {
		String message = error == null ? messages.getMessage(done, null, locale) : null;
		if (htmx) {
			section.fill(model, assessment);
			model.addAttribute("evidenceError", error);
			model.addAttribute("evidenceMessage", message);
			return SECTION;
		}
		if (error != null) {
			redirect.addFlashAttribute("evidenceError", error);
		}
		if (message != null) {
			redirect.addFlashAttribute("evidenceMessage", message);
		}
		return "redirect:"
				+ EvaluationPageController.evaluationPath(assessment.unitId(), assessment.setId(), assessment.year())
				+ "#evidence";
	}

	/**
	 * The file as a download, or shown by the browser ({@code inline}) for PDF and
	 * images.
	 */
	@GetMapping("/evidence/{id}")
	ResponseEntity<Resource> download(@PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) {
		return EvidenceApiController.download(evidence.open(id), inline);
	}

}
