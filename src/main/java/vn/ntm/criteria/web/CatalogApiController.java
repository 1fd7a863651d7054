package vn.ntm.criteria.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.DirectionFlag;
import vn.ntm.criteria.SetComparison;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.TitleView;
import vn.ntm.shared.VnFormat;

/**
 * REST API of the criteria catalog ({@code /api/v1/criteria-sets}) and of the titles that
 * exist ({@code /api/v1/titles}; the titles units hold are the recognition module's).
 * Sets travel as {@link SetDocument}s, the format of the catalog files; changes carry the
 * {@code rowVersion} read with the set as {@code expectedVersion} and are refused with
 * 409 when someone saved in between. The catalog decides who may do what.
 */
@RestController
@RequestMapping("/api/v1")
class CatalogApiController {

	private final CriteriaCatalog catalog;

	CatalogApiController(CriteriaCatalog catalog) {
		this.catalog = catalog;
	}

	/** Every set version, newest period first; filtered by code, status and level. */
	@GetMapping("/criteria-sets")
	List<SetSummary> sets(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Integer unitLevel) {
		return catalog.sets()
			.stream()
			.filter(s -> code == null || code.isBlank() || s.code().equalsIgnoreCase(code.strip()))
			.filter(s -> status == null || status.isBlank() || s.status().equalsIgnoreCase(status.strip()))
			.filter(s -> unitLevel == null || s.unitLevel() == unitLevel)
			.toList();
	}

	/** The version as a document (with its status). */
	@GetMapping("/criteria-sets/{id}")
	SetDocument document(@PathVariable long id) {
		return catalog.document(id);
	}

	/** The version's summary: status, counts and the {@code rowVersion} for changes. */
	@GetMapping("/criteria-sets/{id}/summary")
	SetSummary summary(@PathVariable long id) {
		return catalog.summary(id);
	}

	/**
	 * The version's thresholds whose direction contradicts their indicator (a rate of
	 * something bad with a minimum…), each with its confirmation if any.
	 */
	@GetMapping("/criteria-sets/{id}/direction-flags")
	List<DirectionFlag> directionFlags(@PathVariable long id) {
		return catalog.directionFlags(id);
	}

	/** Confirms a flagged threshold as intended: {@code {"note": "…"}} (audited). */
	@PostMapping("/criteria-sets/{id}/direction-flags/{code}/confirm")
	DirectionFlag confirmDirection(@PathVariable long id, @PathVariable String code,
			@Valid @RequestBody Confirmation confirmation) {
		return catalog.confirmDirection(id, code, confirmation.note() == null ? "" : confirmation.note());
	}

	record Confirmation(@Nullable String note) {
	}

	/**
	 * Imports a document (JSON or YAML body) as a new draft: version 1 of a new code or
	 * the next version of an existing one. Unknown fields are refused, like every
	 * problem, with 422 and the list of problems.
	 */
	@PostMapping(path = "/criteria-sets",
			consumes = { MediaType.APPLICATION_JSON_VALUE, "application/yaml", "text/yaml", "application/x-yaml" })
	ResponseEntity<SetSummary> importDocument(@RequestBody byte[] body,
			@RequestHeader("Content-Type") String contentType) {
		String name = contentType.toLowerCase(Locale.ROOT).contains("yaml") ? "document.yaml" : "document.json";
		return created(catalog.importFile(name, body));
	}

	/**
	 * Imports a file (multipart {@code file}: .xlsx, .yaml, .yml or .json) as a draft.
	 */
	@PostMapping(path = "/criteria-sets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<SetSummary> importFile(@RequestParam("file") MultipartFile file) throws IOException {
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		return created(catalog.importFile(name, file.getBytes()));
	}

	private static ResponseEntity<SetSummary> created(SetSummary set) {
		return ResponseEntity.created(URI.create("/api/v1/criteria-sets/" + set.id())).body(set);
	}

	/** Replaces a draft's content: {@code {"expectedVersion": 3, "document": {…}}}. */
	@PutMapping("/criteria-sets/{id}")
	SetSummary save(@PathVariable long id, @Valid @RequestBody DraftUpdate update) {
		SetDocument document = catalog.readFile("document.json",
				update.document().toString().getBytes(StandardCharsets.UTF_8));
		return catalog.saveDraft(id, document, update.expectedVersion());
	}

	record DraftUpdate(@NotNull Integer expectedVersion, @NotNull JsonNode document) {
	}

	@PostMapping("/criteria-sets/{id}/publish")
	SetSummary publish(@PathVariable long id, @Valid @RequestBody Expected body) {
		return catalog.publish(id, body.expectedVersion());
	}

	record Expected(@NotNull Integer expectedVersion) {
	}

	@PostMapping("/criteria-sets/{id}/retire")
	SetSummary retire(@PathVariable long id, @Valid @RequestBody Retirement body) {
		return catalog.retire(id, body.reason(), body.expectedVersion());
	}

	record Retirement(@NotBlank(message = "{catalog.retire.reason}") @Size(max = 1000) String reason,
			@NotNull Integer expectedVersion) {
	}

	/** A new draft version with the content of this one. */
	@PostMapping("/criteria-sets/{id}/versions")
	ResponseEntity<SetSummary> newVersion(@PathVariable long id) {
		return created(catalog.newVersion(id));
	}

	/**
	 * A province's own set made from this one: {@code {"code": "QNA_XA_NTM", "province":
	 * "49", "at": "2024-06-30"}} ({@code at}: the date the province code is read at,
	 * today by default).
	 */
	@PostMapping("/criteria-sets/{id}/copy")
	ResponseEntity<SetSummary> copy(@PathVariable long id, @Valid @RequestBody Copy body) {
		LocalDate at = body.at() == null ? VnFormat.today() : body.at();
		return created(
				catalog.copyForProvince(id, body.code().strip().toUpperCase(Locale.ROOT), body.province().strip(), at));
	}

	record Copy(@NotBlank(message = "{criteria.copy.code.required}") String code,
			@NotBlank(message = "{catalog.owner.code}") String province, @Nullable LocalDate at) {
	}

	@GetMapping("/criteria-sets/compare")
	SetComparison compare(@RequestParam long left, @RequestParam long right) {
		return catalog.compare(left, right);
	}

	// Titles

	@GetMapping("/titles")
	List<TitleView> titleList() {
		return catalog.titles();
	}

	/** Adds a title (administrators). */
	@PostMapping("/titles")
	ResponseEntity<TitleView> addTitle(@Valid @RequestBody NewTitle title) {
		TitleView added = catalog.addTitle(new TitleView(title.code().strip().toUpperCase(Locale.ROOT), title.name(),
				title.nameEn(), title.unitLevel(), title.description(), false, false));
		return ResponseEntity.created(URI.create("/api/v1/titles")).body(added);
	}

	record NewTitle(@NotBlank(message = "{title.code.required}") String code,
			@NotBlank(message = "{title.name.required}") @Size(max = 300) String name,
			@Nullable @Size(max = 300) String nameEn, int unitLevel, @Nullable @Size(max = 1000) String description) {
	}

	/** Retires a title that is not built in (administrators). */
	@PostMapping("/titles/{code}/retire")
	ResponseEntity<Void> retireTitle(@PathVariable String code, @Valid @RequestBody TitleRetirement body) {
		catalog.retireTitle(code, body.reason());
		return ResponseEntity.noContent().build();
	}

	record TitleRetirement(@NotBlank(message = "{title.retire.reason}") @Size(max = 1000) String reason) {
	}

}
