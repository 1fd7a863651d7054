package vn.ntm.recognition.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.criteria.engine.Reason;
import vn.ntm.recognition.RevocationRisk;
import vn.ntm.recognition.RevocationRisks;
import vn.ntm.recognition.RiskList;
import vn.ntm.shared.LocalizedMessages;

/**
 * The revocation-risk list of a parent unit at a date ({@code at}: dd/MM/yyyy or ISO,
 * today when none), with the engine's reasons in the request's language.
 */
@RestController
class RevocationRiskApiController {

	private final RevocationRisks risks;

	private final MessageSource messages;

	RevocationRiskApiController(RevocationRisks risks, MessageSource messages) {
		this.risks = risks;
		this.messages = messages;
	}

	@GetMapping("/api/v1/units/{id}/revocation-risk")
	RiskJson get(@PathVariable long id, @RequestParam(required = false) @Nullable String at) {
		RiskList list = risks.below(id, RevocationRiskController.date(at));
		Locale locale = LocaleContextHolder.getLocale();
		return new RiskJson(list.parentId(), list.parentName(), list.at(), list.holders(),
				list.crossing().stream().map(r -> UnitJson.of(r, messages, locale)).toList(),
				list.undecided().stream().map(r -> UnitJson.of(r, messages, locale)).toList(), list.withoutResult());
	}

	record RiskJson(long parentId, String parentName, java.time.LocalDate at, int holders, List<UnitJson> crossing,
			List<UnitJson> undecided, List<String> withoutResult) {
	}

	record UnitJson(long unitId, String unitName, String titleCode, String titleName, long assessmentId,
			String setLabel, int year, java.time.LocalDate asOf, String outcome, int failing, int total,
			String failingShare, List<RevocationRisk.FailingCriterion> failingCriteria, @Nullable String rule,
			List<String> reasons) {

		static UnitJson of(RevocationRisk r, MessageSource messages, Locale locale) {
			return new UnitJson(r.unitId(), r.unitName(), r.titleCode(), r.titleName(), r.assessmentId(), r.setLabel(),
					r.year(), r.asOf(), r.outcome().name(), r.failing(), r.total(), r.failingShare(),
					r.failingCriteria(), r.rule() == null ? null : text(r.rule(), messages, locale),
					r.reasons().stream().map(x -> text(x, messages, locale)).toList());
		}

		static String text(Reason reason, MessageSource messages, Locale locale) {
			return LocalizedMessages.get(messages, reason.key(), reason.args().toArray(), locale);
		}

	}

}
