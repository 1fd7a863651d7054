package vn.ntm.criteria.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetFile;
import vn.ntm.criteria.SetSummary;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.web.FormFlow;

/**
 * Catalog files: a set imported from .xlsx, .yaml or .json as a new draft (every problem
 * shown with its sheet, row and column, nothing saved), and a version exported in those
 * formats.
 */
@Controller
class CatalogFileController {

	private final CriteriaCatalog catalog;

	private final AccessPolicy access;

	private final FormFlow forms;

	CatalogFileController(CriteriaCatalog catalog, AccessPolicy access, FormFlow forms) {
		this.catalog = catalog;
		this.access = access;
		this.forms = forms;
	}

	@GetMapping("/criteria/import")
	String importForm(Model model) {
		access.require(Permission.CATALOG_EDIT);
		return showImport(model);
	}

	private String showImport(Model model) {
		model.addAttribute("maxBytes", SetFile.MAX_BYTES);
		model.addAttribute("maxMegabytes", SetFile.MAX_BYTES / 1024 / 1024);
		return "criteria/import";
	}

	@PostMapping("/criteria/import")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			RedirectAttributes redirect, Locale locale) {
		access.require(Permission.CATALOG_EDIT);
		return forms.submit(model, locale, () -> {
			if (file == null || file.isEmpty() || file.getOriginalFilename() == null
					|| file.getOriginalFilename().isBlank()) {
				throw new BusinessRuleException("criteria.import.missing");
			}
			model.addAttribute("fileName", file.getOriginalFilename());
			SetSummary created = catalog.importFile(file.getOriginalFilename(), bytes(file));
			return FormFlow.saved(redirect, "/criteria/sets/" + created.id());
		}, () -> showImport(model));
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@GetMapping("/criteria/sets/{id}/export.{format:xlsx|yaml|json}")
	ResponseEntity<byte[]> export(@PathVariable long id, @PathVariable String format) {
		return download(catalog.exportFile(id, format));
	}

	/** The file as an attachment under its own name. */
	static ResponseEntity<byte[]> download(SetFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.content());
	}

}
