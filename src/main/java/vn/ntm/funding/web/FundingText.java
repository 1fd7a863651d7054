package vn.ntm.funding.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ntm.funding.FundingAlert;

/** Alert texts for the templates: {@code ${@fundingText.alert(a, #locale)}}. */
@Component("fundingText")
class FundingText {

	private final MessageSource messages;

	FundingText(MessageSource messages) {
		this.messages = messages;
	}

	public String alert(FundingAlert alert, Locale locale) {
		return messages.getMessage(alert.messageKey(), alert.args().toArray(), locale);
	}

}
