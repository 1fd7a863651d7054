package vn.ntm.assessment.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.ntm.criteria.engine.Reason;
import vn.ntm.shared.LocalizedMessages;

/**
 * The engine's explanations in the user's language, for templates
 * ({@code ${@reasons.text(reason)}}) and for the API's JSON: the reason's message key
 * ({@code engine.indicator.notMet}) with its arguments, which the engine has already
 * formatted the Vietnamese way; arguments that are message keys are translated too.
 */
@Component("reasons")
public class ReasonTexts {

	private final MessageSource messages;

	ReasonTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** The reason in the locale of the current request. */
	public String text(Reason reason) {
		return text(reason, LocaleContextHolder.getLocale());
	}

	public String text(Reason reason, Locale locale) {
		return LocalizedMessages.get(messages, reason.key(), reason.args().toArray(), locale);
	}

	public List<String> texts(List<Reason> reasons) {
		Locale locale = LocaleContextHolder.getLocale();
		return reasons.stream().map(r -> text(r, locale)).toList();
	}

	/** A message key with arguments (a status label, an outcome) in the given locale. */
	public String message(String key, Locale locale, Object... args) {
		return LocalizedMessages.get(messages, key, args, locale);
	}

}
