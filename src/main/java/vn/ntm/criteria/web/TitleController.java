package vn.ntm.criteria.web;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.NewTitleAward;
import vn.ntm.criteria.TitleRegistry;
import vn.ntm.criteria.TitleView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.VnText;
import vn.ntm.shared.web.FormFlow;

/**
 * Titles: the list kept by administrators (add, retire) and the titles of a unit,
 * recorded and revoked from the unit's page. A refusal goes back to the page it came from
 * with the reason; the catalog and the registry check who may.
 */
@Controller
class TitleController {

	private final CriteriaCatalog catalog;

	private final TitleRegistry registry;

	private final CatalogPageController pages;

	private final FormFlow forms;

	private final org.springframework.context.MessageSource messages;

	TitleController(CriteriaCatalog catalog, TitleRegistry registry, CatalogPageController pages, FormFlow forms,
			org.springframework.context.MessageSource messages) {
		this.catalog = catalog;
		this.registry = registry;
		this.pages = pages;
		this.forms = forms;
		this.messages = messages;
	}

	@PostMapping("/criteria/titles")
	String add(@RequestParam String code, @RequestParam String name,
			@RequestParam(required = false) @Nullable String nameEn, @RequestParam(defaultValue = "0") int unitLevel,
			@RequestParam(required = false) @Nullable String description, Model model, RedirectAttributes redirect,
			Locale locale) {
		model.addAttribute("newTitle", new TitleView(code, name, nameEn, unitLevel, description, false, false));
		return forms.submit(model, locale, () -> {
			catalog.addTitle(new TitleView(code.strip().toUpperCase(Locale.ROOT), name, VnText.blankToNull(nameEn),
					unitLevel, VnText.blankToNull(description), false, false));
			return FormFlow.saved(redirect, "/criteria/titles");
		}, () -> pages.titles(model));
	}

	@PostMapping("/criteria/titles/{code}/retire")
	String retire(@PathVariable String code, @RequestParam(defaultValue = "") String reason, Model model,
			RedirectAttributes redirect, Locale locale) {
		return forms.submit(model, locale, () -> {
			catalog.retireTitle(code, reason);
			return FormFlow.saved(redirect, "/criteria/titles");
		}, () -> pages.titles(model));
	}

	/** Records a title for the unit, from the titles panel of its page. */
	@PostMapping("/units/{id}/titles")
	String award(@PathVariable long id, @RequestParam(defaultValue = "") String titleCode,
			@RequestParam(defaultValue = "") String year, @RequestParam(required = false) @Nullable String decidedOn,
			@RequestParam(required = false) @Nullable String decisionNumber,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect, Locale locale) {
		try {
			if (titleCode.isBlank()) {
				throw new BusinessRuleException("title.code.required");
			}
			registry.award(id,
					new NewTitleAward(titleCode.strip(), year(year),
							Dates.optional(decidedOn, "criteria.award.decidedOn"), VnText.blankToNull(decisionNumber),
							VnText.blankToNull(source), VnText.blankToNull(note)));
			return FormFlow.saved(redirect, "/units/" + id);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			return refused(redirect, id, (LocalizedFailure) ex, locale);
		}
	}

	/** Records the revocation of a title from a date. */
	@PostMapping("/units/{id}/titles/{awardId}/revoke")
	String revoke(@PathVariable long id, @PathVariable long awardId, @RequestParam(defaultValue = "") String revokedOn,
			@RequestParam(required = false) @Nullable String decision, @RequestParam int version,
			RedirectAttributes redirect, Locale locale) {
		try {
			LocalDate on = Dates.optional(revokedOn, "criteria.award.revokedOn");
			if (on == null) {
				throw new BusinessRuleException("title.revokedOn.required");
			}
			if (registry.awardsOf(id).stream().noneMatch(a -> a.id() == awardId)) {
				throw new vn.ntm.shared.NotFoundException("title.award.notFound", awardId);
			}
			registry.revoke(awardId, on, decision == null ? "" : decision, version);
			return FormFlow.saved(redirect, "/units/" + id);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			return refused(redirect, id, (LocalizedFailure) ex, locale);
		}
	}

	private String refused(RedirectAttributes redirect, long unitId, LocalizedFailure failure, Locale locale) {
		redirect.addFlashAttribute("titleError", LocalizedMessages.of(messages, failure, locale));
		return "redirect:/units/" + unitId;
	}

	private static int year(String text) {
		try {
			int year = Integer.parseInt(text.strip());
			if (year < 2000 || year > 2100) {
				throw new BusinessRuleException("title.year.invalid");
			}
			return year;
		}
		catch (NumberFormatException ex) {
			throw new BusinessRuleException("title.year.invalid");
		}
	}

}
