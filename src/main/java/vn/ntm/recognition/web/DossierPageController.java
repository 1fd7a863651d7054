package vn.ntm.recognition.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
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
import vn.ntm.documents.DocumentResponses;
import vn.ntm.documents.Upload;
import vn.ntm.recognition.DossierAction;
import vn.ntm.recognition.DossierView;
import vn.ntm.recognition.Dossiers;
import vn.ntm.recognition.Dossiers.DossierSummaryLine;
import vn.ntm.recognition.NewDossier;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;

/**
 * The dossier pages: a unit's dossiers (and those below it) with the form to open one and
 * their .xlsx, and a dossier's page — its steps with deadlines, its checklist with every
 * version, its conditions, what happened, and the forms of the actions its reader may
 * take.
 */
@Controller
class DossierPageController {

	private final Dossiers dossiers;

	private final AccessPolicy access;

	private final UnitDirectory directory;

	private final CriteriaCatalog catalog;

	private final FormFlow flow;

	private final MessageSource messages;

	DossierPageController(Dossiers dossiers, AccessPolicy access, UnitDirectory directory, CriteriaCatalog catalog,
			FormFlow flow, MessageSource messages) {
		this.dossiers = dossiers;
		this.access = access;
		this.directory = directory;
		this.catalog = catalog;
		this.flow = flow;
		this.messages = messages;
	}

	@GetMapping("/units/{id}/dossiers")
	String list(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year, Model model) {
		return showList(id, year, model);
	}

	private String showList(long id, @Nullable Integer year, Model model) {
		List<DossierSummaryLine> lines = dossiers.below(id, year);
		model.addAttribute("unitId", id);
		model.addAttribute("unitName", directory.label(id));
		model.addAttribute("year", year);
		model.addAttribute("lines", lines);
		model.addAttribute("canOpen", access.canActOn(id, Permission.ASSESSMENT_ENTER));
		int level = directory.level(id);
		model.addAttribute("titles",
				catalog.titles().stream().filter(t -> t.unitLevel() == level && !t.retired()).toList());
		model.addAttribute("today", VnFormat.date(LocalDate.now(VnFormat.ZONE)));
		return "recognition/dossiers";
	}

	@PostMapping("/units/{id}/dossiers")
	String open(@PathVariable long id, @RequestParam(required = false) @Nullable String titleCode,
			@RequestParam(required = false) @Nullable String year,
			@RequestParam(required = false) @Nullable String openedOn, Model model, Locale locale) {
		return flow.submit(model, locale, () -> {
			DossierView opened = dossiers
				.open(new NewDossier(id, titleCode, number(year, "recognition.dossier.field.year"),
						date(openedOn, "recognition.dossier.field.openedOn")));
			return "redirect:/dossiers/" + opened.id();
		}, () -> showList(id, null, model));
	}

	@GetMapping(value = "/units/{id}/dossiers.xlsx")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		List<DossierSummaryLine> lines = dossiers.below(id, year);
		byte[] body = DossierWorkbook.write(directory.label(id), lines, messages);
		String name = "ho-so-xet-cong-nhan-" + directory.code(id).orElse(String.valueOf(id)) + ".xlsx";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	@GetMapping("/dossiers/{id}")
	String page(@PathVariable long id, Model model) {
		return show(dossiers.find(id), model);
	}

	private String show(DossierView dossier, Model model) {
		model.addAttribute("d", dossier);
		model.addAttribute("today", VnFormat.date(LocalDate.now(VnFormat.ZONE)));
		model.addAttribute("unitReadable", access.canRead(dossier.unitId()));
		return "recognition/dossier";
	}

	@PostMapping("/dossiers/{id}/act")
	String act(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) @Nullable String on,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String decisionNumber,
			@RequestParam(required = false) @Nullable String issuer, @RequestParam int expectedVersion, Model model,
			Locale locale, RedirectAttributes redirect) {
		return flow.submit(model, locale, () -> {
			dossiers.act(id, new DossierAction(action, reason, date(on, "recognition.dossier.field.on"), decisionNumber,
					issuer, expectedVersion));
			return FormFlow.saved(redirect, "/dossiers/" + id);
		}, () -> show(dossiers.find(id), model));
	}

	@PostMapping("/dossiers/{id}/security")
	String security(@PathVariable long id, @RequestParam(required = false) @Nullable String complex,
			@RequestParam(required = false) @Nullable String source, @RequestParam int expectedVersion, Model model,
			Locale locale, RedirectAttributes redirect) {
		return flow.submit(model, locale, () -> {
			if (complex == null || complex.isBlank()) {
				throw new BusinessRuleException("recognition.dossier.required",
						"recognition.dossier.field.securityComplex");
			}
			dossiers.recordSecurity(id, "yes".equals(complex), source == null ? "" : source, expectedVersion);
			return FormFlow.saved(redirect, "/dossiers/" + id);
		}, () -> show(dossiers.find(id), model));
	}

	@PostMapping("/dossiers/{id}/documents")
	String upload(@PathVariable long id, @RequestParam String item,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, Locale locale,
			RedirectAttributes redirect) {
		return flow.submit(model, locale, () -> {
			if (file == null || file.isEmpty()) {
				throw new BusinessRuleException("recognition.dossier.required", "recognition.dossier.field.file");
			}
			dossiers.upload(id, item,
					new Upload(file.getOriginalFilename() == null ? "tep" : file.getOriginalFilename(), file));
			return FormFlow.saved(redirect, "/dossiers/" + id);
		}, () -> show(dossiers.find(id), model));
	}

	@GetMapping("/dossiers/{id}/documents/{documentId}")
	ResponseEntity<Resource> document(@PathVariable long id, @PathVariable long documentId,
			@RequestParam(defaultValue = "false") boolean inline) {
		Dossiers.DocumentFile file = dossiers.document(id, documentId);
		return DocumentResponses.of(file.content(), file.document().fileName(), file.document().contentType(),
				file.document().sha256(), inline);
	}

	static @Nullable Integer number(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new BusinessRuleException("recognition.dossier.number", field, text.strip());
		}
	}

	static @Nullable LocalDate date(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return VnFormat.parseDate(text.strip())
			.orElseThrow(() -> new BusinessRuleException("recognition.dossier.date", field, text.strip()));
	}

}
