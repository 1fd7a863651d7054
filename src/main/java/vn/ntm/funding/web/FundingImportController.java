package vn.ntm.funding.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.funding.FundingImports;
import vn.ntm.funding.FundingManagement;
import vn.ntm.funding.FundingViews;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;

/**
 * The import page of capital plans, works, allocations and disbursements: the template,
 * the upload, and the job's progress (polled by htmx until it has finished).
 */
@Controller
class FundingImportController {

	static final String TEMPLATE_NAME = "mau-nhap-nguon-von.xlsx";

	private final FundingImports imports;

	private final FundingManagement funding;

	private final FormFlow flow;

	FundingImportController(FundingImports imports, FundingManagement funding, FormFlow flow) {
		this.imports = imports;
		this.funding = funding;
		this.flow = flow;
	}

	@GetMapping("/funding/units/{id}/imports")
	String page(@PathVariable long id, Model model) {
		LocalDate today = VnFormat.today();
		FundingViews.Summary s = funding.summary(id, today.getYear(), today.getYear(), today);
		model.addAttribute("unitId", id);
		model.addAttribute("unitName", s.unitName());
		model.addAttribute("canEdit", s.canEdit());
		return "funding/import";
	}

	@GetMapping("/funding/units/{id}/imports/template.xlsx")
	void template(@PathVariable long id, HttpServletResponse response) throws IOException {
		// written first, so that a refusal is still an error page
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		imports.writeTemplate(id, out);
		FundingPageController.attachment(response, TEMPLATE_NAME);
		out.writeTo(response.getOutputStream());
	}

	@PostMapping("/funding/units/{id}/imports")
	String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, Model model,
			HttpServletResponse response, Locale locale) throws IOException {
		try {
			UUID job = imports.startImport(id, fileName(file), file.getBytes());
			return "redirect:/funding/imports/" + job;
		}
		catch (BusinessRuleException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			flow.error(model, ex, locale);
			return page(id, model);
		}
	}

	static String fileName(MultipartFile file) {
		String name = file.getOriginalFilename();
		return name == null || name.isBlank() ? "tep.xlsx" : name.replaceAll("[\\\\/]", "_");
	}

	@GetMapping("/funding/imports/{job}")
	String job(@PathVariable UUID job, Model model) {
		model.addAttribute("job", imports.importJob(job));
		return "funding/import-job";
	}

	/**
	 * The disbursement-only upload (sheet "Giải ngân" or the first sheet): the same
	 * tracked import, only its disbursements.
	 */
	@PostMapping("/funding/units/{id}/import")
	String uploadDisbursements(@PathVariable long id, @RequestParam("file") MultipartFile file, Model model,
			HttpServletResponse response, Locale locale) throws IOException {
		try {
			UUID job = imports.startDisbursementImport(id, fileName(file), file.getBytes());
			return "redirect:/funding/imports/" + job;
		}
		catch (BusinessRuleException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			flow.error(model, ex, locale);
			return page(id, model);
		}
	}

	/** Starts again, with the same file, an import that a restart interrupted. */
	@PostMapping("/funding/imports/{job}/restart")
	String restart(@PathVariable UUID job) {
		imports.restartImport(job);
		return "redirect:/funding/imports/" + job;
	}

	@GetMapping("/funding/imports/{job}/status")
	String status(@PathVariable UUID job, Model model) {
		model.addAttribute("job", imports.importJob(job));
		return "funding/import-job :: status";
	}

}
