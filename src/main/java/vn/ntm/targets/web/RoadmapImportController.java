package vn.ntm.targets.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.web.FormFlow;
import vn.ntm.targets.RoadmapImports;

/**
 * Roadmap imports from .xlsx, on pages (the upload form, the import's progress and
 * problems) and through the API (the template, an upload answering 202 with the import's
 * id, the import's state).
 */
@Controller
class RoadmapImportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final RoadmapImports imports;

	private final UnitDirectory directory;

	private final FormFlow flow;

	private final AccessPolicy access;

	RoadmapImportController(RoadmapImports imports, UnitDirectory directory, FormFlow flow, AccessPolicy access) {
		this.imports = imports;
		this.directory = directory;
		this.flow = flow;
		this.access = access;
	}

	@GetMapping({ "/units/{id}/roadmap/import-template.xlsx", "/api/v1/units/{id}/roadmap/import-template.xlsx" })
	ResponseEntity<byte[]> template(@PathVariable long id) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-lo-trinh.xlsx\"")
			.contentType(XLSX)
			.body(imports.template(id));
	}

	@GetMapping("/units/{id}/roadmap/import")
	String form(@PathVariable long id, Model model) {
		// the form names the unit: only those who may import for it see it
		access.requireActOn(id, Permission.PLAN_EDIT);
		model.addAttribute("unitId", id);
		model.addAttribute("unitName", directory.label(id));
		return "targets/roadmap-import";
	}

	@PostMapping("/units/{id}/roadmap/import")
	String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
			Locale locale) {
		return flow.submit(model, locale, () -> {
			UUID importId = imports.start(id, name(file), bytes(file));
			return "redirect:/roadmap/imports/" + importId;
		}, () -> form(id, model));
	}

	@GetMapping("/roadmap/imports/{importId}")
	String job(@PathVariable UUID importId, Model model) {
		RoadmapImports.ImportView job = imports.find(importId);
		model.addAttribute("job", job);
		model.addAttribute("unitName", directory.label(job.unitId()));
		return "targets/roadmap-import-job";
	}

	@GetMapping("/roadmap/imports/{importId}/status")
	String status(@PathVariable UUID importId, Model model) {
		model.addAttribute("job", imports.find(importId));
		return "targets/roadmap-import-job :: status";
	}

	@PostMapping("/api/v1/units/{id}/roadmap/imports")
	@ResponseBody
	ResponseEntity<Map<String, Object>> apiUpload(@PathVariable long id, @RequestParam MultipartFile file) {
		UUID importId = imports.start(id, name(file), bytes(file));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("id", importId, "status", "/api/v1/roadmap/imports/" + importId));
	}

	@GetMapping("/api/v1/roadmap/imports/{importId}")
	@ResponseBody
	RoadmapImports.ImportView apiJob(@PathVariable UUID importId) {
		return imports.find(importId);
	}

	private static String name(@org.jspecify.annotations.Nullable MultipartFile file) {
		return file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
	}

	private static byte[] bytes(@org.jspecify.annotations.Nullable MultipartFile file) {
		try {
			return file == null ? new byte[0] : file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
