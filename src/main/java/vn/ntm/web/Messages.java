package vn.ntm.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;

/**
 * The message bundles for the error handling of every module.
 */
@Component
public class Messages {

	private final MessageSource messages;

	Messages(MessageSource messages) {
		this.messages = messages;
	}

	public String of(LocalizedFailure failure, Locale locale) {
		return LocalizedMessages.of(messages, failure, locale);
	}

	public String get(String key, Object[] arguments, Locale locale) {
		return LocalizedMessages.get(messages, key, arguments, locale);
	}

}
