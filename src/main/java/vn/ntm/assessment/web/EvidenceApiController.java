package vn.ntm.assessment.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.assessment.EvidenceContent;
import vn.ntm.assessment.EvidenceFiles;
import vn.ntm.assessment.EvidenceView;
import vn.ntm.documents.DocumentResponses;
import vn.ntm.shared.BusinessRuleException;

/**
 * REST API for the evidence files of an assessment: upload (multipart), list, download,
 * delete. Access and the assessment's status are checked by {@link EvidenceFiles}.
 */
@RestController
@RequestMapping("/api/v1")
class EvidenceApiController {

	private final EvidenceFiles evidence;

	EvidenceApiController(EvidenceFiles evidence) {
		this.evidence = evidence;
	}

	/** Uploads a file (part {@code file}) with what it backs and a note. */
	@PostMapping(path = "/assessments/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<EvidenceView> upload(@PathVariable long id,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String criterion,
			@RequestParam(required = false) @Nullable String indicator,
			@RequestParam(required = false) @Nullable String note) throws IOException {
		if (file == null) {
			throw new BusinessRuleException("evidence.file.required");
		}
		EvidenceView saved;
		try (InputStream in = file.getInputStream()) {
			saved = evidence.upload(id, criterion, indicator, name(file), in, note);
		}
		return ResponseEntity.created(URI.create("/api/v1/evidence/" + saved.id() + "/content")).body(saved);
	}

	static String name(MultipartFile file) {
		String name = file.getOriginalFilename();
		return name == null ? "" : name;
	}

	@GetMapping("/assessments/{id}/evidence")
	List<EvidenceView> list(@PathVariable long id) {
		return evidence.list(id);
	}

	/**
	 * The file's bytes as uploaded; {@code inline=true} asks browsers to show PDF and
	 * images.
	 */
	@GetMapping("/evidence/{id}/content")
	ResponseEntity<Resource> content(@PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) {
		return download(evidence.open(id), inline);
	}

	/** The file as a response, as every stored document is served. */
	static ResponseEntity<Resource> download(EvidenceContent content, boolean inline) {
		EvidenceView file = content.file();
		return DocumentResponses.of(content.content(), file.fileName(), file.contentType(), file.sha256(), inline);
	}

	@DeleteMapping("/evidence/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		evidence.delete(id);
		return ResponseEntity.noContent().build();
	}

}
