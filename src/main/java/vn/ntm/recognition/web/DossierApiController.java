package vn.ntm.recognition.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.documents.DocumentResponses;
import vn.ntm.documents.Upload;
import vn.ntm.recognition.DossierAction;
import vn.ntm.recognition.DossierView;
import vn.ntm.recognition.Dossiers;
import vn.ntm.recognition.Dossiers.DossierSummaryLine;
import vn.ntm.recognition.NewDossier;
import vn.ntm.shared.BusinessRuleException;

/**
 * Recognition dossiers: open one, read it (its conditions with their reasons in the
 * request's language), list a unit's, act at its pending step, record the security
 * assessment, upload and download its documents. A stale {@code expectedVersion} is
 * refused with 409, another unit's dossier with 403.
 */
@RestController
@RequestMapping("/api/v1/dossiers")
class DossierApiController {

	private final Dossiers dossiers;

	private final MessageSource messages;

	DossierApiController(Dossiers dossiers, MessageSource messages) {
		this.dossiers = dossiers;
		this.messages = messages;
	}

	@GetMapping
	List<DossierSummaryLine> list(@RequestParam long unit, @RequestParam(required = false) @Nullable Integer year) {
		return dossiers.below(unit, year);
	}

	@GetMapping("/waiting")
	List<DossierSummaryLine> waiting() {
		return dossiers.waitingForMe();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	DossierJson open(@RequestBody NewDossier dossier, Locale locale) {
		return DossierJson.of(dossiers.open(dossier), messages, locale);
	}

	@GetMapping("/{id}")
	DossierJson get(@PathVariable long id, Locale locale) {
		return DossierJson.of(dossiers.find(id), messages, locale);
	}

	@PostMapping("/{id}/actions")
	DossierJson act(@PathVariable long id, @RequestBody DossierAction action, Locale locale) {
		return DossierJson.of(dossiers.act(id, action), messages, locale);
	}

	record Security(@Nullable Boolean complex, @Nullable String source, @Nullable Integer expectedVersion) {
	}

	@PutMapping("/{id}/security")
	DossierJson security(@PathVariable long id, @RequestBody Security security, Locale locale) {
		if (security.complex() == null) {
			throw new BusinessRuleException("recognition.dossier.required",
					"recognition.dossier.field.securityComplex");
		}
		return DossierJson
			.of(dossiers.recordSecurity(id, security.complex(), security.source() == null ? "" : security.source(),
					security.expectedVersion() == null ? -1 : security.expectedVersion()), messages, locale);
	}

	@PostMapping("/{id}/documents/{item}")
	@ResponseStatus(HttpStatus.CREATED)
	DossierJson upload(@PathVariable long id, @PathVariable String item, @RequestPart("file") MultipartFile file,
			Locale locale) {
		return DossierJson.of(
				dossiers.upload(id, item,
						new Upload(file.getOriginalFilename() == null ? "tep" : file.getOriginalFilename(), file)),
				messages, locale);
	}

	@GetMapping("/{id}/documents/{documentId}")
	ResponseEntity<Resource> document(@PathVariable long id, @PathVariable long documentId) {
		Dossiers.DocumentFile file = dossiers.document(id, documentId);
		return DocumentResponses.of(file.content(), file.document().fileName(), file.document().contentType(),
				file.document().sha256(), false);
	}

	/** The dossier with each condition's reason in words. */
	record DossierJson(DossierView dossier, List<ConditionJson> conditions) {

		static DossierJson of(DossierView view, MessageSource messages, Locale locale) {
			return new DossierJson(view,
					view.conditions()
						.stream()
						.map(c -> new ConditionJson(c.code(), c.outcome().name(),
								messages.getMessage("recognition.dossier.condition." + c.code(), null, locale),
								messages.getMessage(c.messageKey(), c.arguments().toArray(), locale)))
						.toList());
		}

	}

	record ConditionJson(String code, String outcome, String name, String reason) {
	}

}
