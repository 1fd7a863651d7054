package vn.ntm.orgunit.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.shared.VnFormat;
import vn.ntm.orgunit.ImportJobView;
import vn.ntm.orgunit.UnitExports;
import vn.ntm.orgunit.UnitImports;

/**
 * REST API for unit files: imports as jobs ({@code /api/v1/units/imports}) and exports.
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitFileApiController {

	private final UnitImports imports;

	private final UnitExports exports;

	UnitFileApiController(UnitImports imports, UnitExports exports) {
		this.imports = imports;
		this.exports = exports;
	}

	/** Starts validating a file; answers 202 with the job to poll. */
	@PostMapping("/imports")
	ResponseEntity<ImportJobView> upload(@RequestParam("file") MultipartFile file) throws IOException {
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		UUID id = imports.upload(name, file.getBytes());
		return ResponseEntity.accepted().location(URI.create("/api/v1/units/imports/" + id)).body(imports.job(id));
	}

	@GetMapping("/imports/{id}")
	ImportJobView job(@PathVariable UUID id) {
		return imports.job(id);
	}

	/** Applies a job in status READY: all rows or none. */
	@PostMapping("/imports/{id}/apply")
	ResponseEntity<ImportJobView> apply(@PathVariable UUID id) {
		imports.apply(id);
		return ResponseEntity.accepted().body(imports.job(id));
	}

	/** Starts again a job that a restart interrupted (status INTERRUPTED). */
	@PostMapping("/imports/{id}/restart")
	ResponseEntity<ImportJobView> restart(@PathVariable UUID id) {
		imports.restart(id);
		return ResponseEntity.accepted().body(imports.job(id));
	}

	@GetMapping("/{id}/export")
	void export(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate at,
			HttpServletResponse response) throws IOException {
		LocalDate date = at == null ? VnFormat.today() : at;
		boolean csv = "csv".equalsIgnoreCase(format);
		response.setContentType(csv ? "text/csv;charset=UTF-8" : UnitFileController.XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("don-vi-" + id + "-" + date + (csv ? ".csv" : ".xlsx"))
					.build()
					.toString());
		if (csv) {
			exports.writeCsv(id, date, response.getOutputStream());
		}
		else {
			exports.writeXlsx(id, date, response.getOutputStream());
		}
	}

}
