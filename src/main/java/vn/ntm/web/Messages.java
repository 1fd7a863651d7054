package vn.ntm.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ntm.shared.LocalizedFailure;

/**
 * Resolves the message of a {@link LocalizedFailure} in the request's language. Arguments
 * that are themselves message keys (a role, a permission) are translated too.
 */
@Component
public class Messages {

	private static final Pattern KEY = Pattern.compile("[a-z]+(\\.[A-Za-z_]+)+");

	private final MessageSource messages;

	Messages(MessageSource messages) {
		this.messages = messages;
	}

	public String of(LocalizedFailure failure, Locale locale) {
		return get(failure.messageKey(), failure.arguments(), locale);
	}

	public String get(String key, Object[] arguments, Locale locale) {
		Object[] resolved = Arrays.stream(arguments).map(arg -> translate(arg, locale)).toArray();
		return messages.getMessage(key, resolved, key, locale);
	}

	private Object translate(Object argument, Locale locale) {
		if (argument instanceof String text && KEY.matcher(text).matches()) {
			return messages.getMessage(text, null, text, locale);
		}
		return argument;
	}

}
