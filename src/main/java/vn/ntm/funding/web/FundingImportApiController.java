package vn.ntm.funding.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.funding.FundingImportView;
import vn.ntm.funding.FundingImports;

/**
 * Imports through the API: the template, an upload started as a job (202 with the job's
 * address), and the job's state, problems in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/funding")
class FundingImportApiController {

	private final FundingImports imports;

	FundingImportApiController(FundingImports imports) {
		this.imports = imports;
	}

	@GetMapping("/units/{id}/imports/template.xlsx")
	void template(@PathVariable long id, HttpServletResponse response) throws IOException {
		// written first, so that a refusal is still a problem response
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		imports.writeTemplate(id, out);
		FundingPageController.attachment(response, FundingImportController.TEMPLATE_NAME);
		out.writeTo(response.getOutputStream());
	}

	@PostMapping(value = "/units/{id}/imports", consumes = "multipart/form-data")
	ResponseEntity<Map<String, Object>> upload(@PathVariable long id, @RequestParam("file") MultipartFile file)
			throws IOException {
		return accepted(imports.startImport(id, FundingImportController.fileName(file), file.getBytes()));
	}

	/**
	 * Disbursements only (sheet "Giải ngân" or the first sheet), as a run of the same
	 * import: 202 with the import's address.
	 */
	@PostMapping(value = "/units/{id}/disbursements.xlsx", consumes = "multipart/form-data")
	ResponseEntity<Map<String, Object>> uploadDisbursements(@PathVariable long id,
			@RequestParam("file") MultipartFile file) throws IOException {
		UUID job = imports.startDisbursementImport(id, FundingImportController.fileName(file), file.getBytes());
		return accepted(job);
	}

	private static ResponseEntity<Map<String, Object>> accepted(UUID job) {
		URI location = URI.create("/api/v1/funding/imports/" + job);
		return ResponseEntity.accepted().location(location).body(Map.of("id", job, "status", "QUEUED"));
	}

	@GetMapping("/imports/{job}")
	FundingImportView job(@PathVariable UUID job) {
		return imports.importJob(job);
	}

	/** Starts again an import that a restart interrupted (202); 422 when it was not. */
	@PostMapping("/imports/{job}/restart")
	ResponseEntity<Map<String, Object>> restart(@PathVariable UUID job) {
		imports.restartImport(job);
		return accepted(job);
	}

}
