package vn.ntm.recognition.web;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.recognition.NewTitleAward;
import vn.ntm.recognition.NewTitleReview;
import vn.ntm.recognition.Revocation;
import vn.ntm.recognition.TitleAward;
import vn.ntm.recognition.Titles;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;
import vn.ntm.shared.web.FormFlow;

/**
 * The titles of a unit, recorded, reviewed and revoked from the unit's page. A refusal
 * goes back to the page with the reason; the facade checks who may.
 */
@Controller
class TitlePageController {

	private final Titles titles;

	private final MessageSource messages;

	TitlePageController(Titles titles, MessageSource messages) {
		this.titles = titles;
		this.messages = messages;
	}

	/** Records a title for the unit, from the titles panel of its page. */
	@PostMapping("/units/{id}/titles")
	String award(@PathVariable long id, @RequestParam(defaultValue = "") String titleCode,
			@RequestParam(defaultValue = "") String year, @RequestParam(required = false) @Nullable String decidedOn,
			@RequestParam(required = false) @Nullable String decisionNumber,
			@RequestParam(required = false) @Nullable String issuer,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect, Locale locale) {
		try {
			if (titleCode.isBlank()) {
				throw new BusinessRuleException("title.code.required");
			}
			titles.award(id,
					new NewTitleAward(titleCode.strip(), year(year), date(decidedOn, "criteria.award.decidedOn"),
							VnText.blankToNull(decisionNumber), VnText.blankToNull(issuer), VnText.blankToNull(source),
							VnText.blankToNull(note)));
			return FormFlow.saved(redirect, "/units/" + id);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			return refused(redirect, id, (LocalizedFailure) ex, locale);
		}
	}

	/** Records the revocation of a title: date, decision, issuer and reason. */
	@PostMapping("/units/{id}/titles/{awardId}/revoke")
	String revoke(@PathVariable long id, @PathVariable long awardId, @RequestParam(defaultValue = "") String revokedOn,
			@RequestParam(required = false) @Nullable String decision,
			@RequestParam(required = false) @Nullable String issuer,
			@RequestParam(required = false) @Nullable String reason, @RequestParam int version,
			RedirectAttributes redirect, Locale locale) {
		try {
			LocalDate on = date(revokedOn, "criteria.award.revokedOn");
			if (on == null) {
				throw new BusinessRuleException("title.revokedOn.required");
			}
			requireOf(id, awardId);
			titles.revoke(awardId, new Revocation(on, VnText.blankToNull(decision), VnText.blankToNull(issuer),
					reason == null ? "" : reason.strip()), version);
			return FormFlow.saved(redirect, "/units/" + id);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			return refused(redirect, id, (LocalizedFailure) ex, locale);
		}
	}

	/** Records a review of a title under a newer set (rà soát duy trì chuẩn). */
	@PostMapping("/units/{id}/titles/{awardId}/review")
	String review(@PathVariable long id, @PathVariable long awardId, @RequestParam(defaultValue = "") String setLabel,
			@RequestParam(defaultValue = "") String reviewedOn, @RequestParam(defaultValue = "true") boolean maintained,
			@RequestParam(required = false) @Nullable String decisionNumber,
			@RequestParam(required = false) @Nullable String issuer,
			@RequestParam(required = false) @Nullable String deadline,
			@RequestParam(required = false) @Nullable String note, @RequestParam int version,
			RedirectAttributes redirect, Locale locale) {
		try {
			LocalDate on = date(reviewedOn, "recognition.titles.review.reviewedOn");
			if (on == null) {
				throw new BusinessRuleException("title.review.reviewedOn.required");
			}
			requireOf(id, awardId);
			titles.review(awardId,
					new NewTitleReview(setLabel.strip(), on, maintained, VnText.blankToNull(decisionNumber),
							VnText.blankToNull(issuer), date(deadline, "recognition.titles.review.deadline"),
							VnText.blankToNull(note)),
					version);
			return FormFlow.saved(redirect, "/units/" + id);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			return refused(redirect, id, (LocalizedFailure) ex, locale);
		}
	}

	private void requireOf(long unitId, long awardId) {
		if (titles.historyOf(unitId).stream().map(TitleAward::id).noneMatch(a -> a == awardId)) {
			throw new NotFoundException("title.award.notFound", awardId);
		}
	}

	private String refused(RedirectAttributes redirect, long unitId, LocalizedFailure failure, Locale locale) {
		redirect.addFlashAttribute("titleError", LocalizedMessages.of(messages, failure, locale));
		return "redirect:/units/" + unitId;
	}

	static @Nullable LocalDate date(@Nullable String text, String fieldKey) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return VnFormat.parseDate(text.strip())
			.orElseThrow(() -> new BusinessRuleException("error.date.invalid", fieldKey, text.strip()));
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
