package vn.ntm.orgunit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.orgunit.UnitExports;
import vn.ntm.orgunit.UnitImports;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;

/**
 * Import of unit lists (upload, progress, preview, apply) and export of a sub-tree as
 * .xlsx or .csv.
 */
@Controller
class UnitFileController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final UnitImports imports;

	private final UnitExports exports;

	private final UnitManagement units;

	private final AccessPolicy access;

	UnitFileController(UnitImports imports, UnitExports exports, UnitManagement units, AccessPolicy access) {
		this.imports = imports;
		this.exports = exports;
		this.units = units;
		this.access = access;
	}

	@GetMapping("/units/import")
	String importForm() {
		access.require(Permission.UNIT_IMPORT);
		return "units/import";
	}

	@PostMapping("/units/import")
	String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		access.require(Permission.UNIT_IMPORT);
		if (file.isEmpty() || file.getOriginalFilename() == null) {
			model.addAttribute("formErrorKey", "import.file.missing");
			return "units/import";
		}
		UUID job = imports.upload(file.getOriginalFilename(), file.getBytes());
		return "redirect:/units/import/" + job;
	}

	@GetMapping("/units/import/{id}")
	String job(@PathVariable UUID id, Model model) {
		model.addAttribute("job", imports.job(id));
		return "units/import-job";
	}

	/** The job's status block, polled by htmx while the job runs. */
	@GetMapping("/units/import/{id}/status")
	String status(@PathVariable UUID id, Model model) {
		model.addAttribute("job", imports.job(id));
		return "units/import-job :: status";
	}

	@PostMapping("/units/import/{id}/apply")
	String apply(@PathVariable UUID id) {
		imports.apply(id);
		return "redirect:/units/import/" + id;
	}

	/** Starts again a check or apply that a restart interrupted. */
	@PostMapping("/units/import/{id}/restart")
	String restart(@PathVariable UUID id) {
		imports.restart(id);
		return "redirect:/units/import/" + id;
	}

	@GetMapping("/units/import/template.xlsx")
	void template(HttpServletResponse response) throws IOException {
		attachment(response, XLSX, "mau-nhap-don-vi.xlsx");
		exports.writeTemplate(response.getOutputStream());
	}

	@GetMapping("/units/{id}/export.xlsx")
	void exportXlsx(@PathVariable long id, @RequestParam(required = false) @Nullable String at,
			HttpServletResponse response) throws IOException {
		LocalDate date = AsOf.parse(at);
		String name = fileName(id, date, "xlsx");
		attachment(response, XLSX, name);
		exports.writeXlsx(id, date, response.getOutputStream());
	}

	@GetMapping("/units/{id}/export.csv")
	void exportCsv(@PathVariable long id, @RequestParam(required = false) @Nullable String at,
			HttpServletResponse response) throws IOException {
		LocalDate date = AsOf.parse(at);
		String name = fileName(id, date, "csv");
		attachment(response, "text/csv;charset=UTF-8", name);
		exports.writeCsv(id, date, response.getOutputStream());
	}

	private String fileName(long id, LocalDate at, String extension) {
		String unit = units.details(id, at).version().fullName();
		String ascii = vn.ntm.shared.VnText.searchKey(unit).replace(' ', '-');
		return "don-vi-" + ascii + "-" + at + "." + extension;
	}

	private static void attachment(HttpServletResponse response, String contentType, String fileName) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
	}

}
