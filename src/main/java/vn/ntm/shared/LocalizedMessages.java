package vn.ntm.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * Turns a {@link LocalizedFailure} (or a key with arguments) into text in the user's
 * language. Arguments that are themselves message keys ("role.ADMIN",
 * "permission.UNIT_EDIT") are translated too; an unknown key falls back to itself rather
 * than failing.
 */
public final class LocalizedMessages {

	private static final Pattern KEY = Pattern.compile("[a-z]+(\\.[A-Za-z_]+)+");

	private LocalizedMessages() {
	}

	public static String of(MessageSource messages, LocalizedFailure failure, Locale locale) {
		return get(messages, failure.messageKey(), failure.arguments(), locale);
	}

	/** Where a problem is, from the outside in: "Tiêu chí 17 › Chỉ tiêu 17.1". */
	public static String where(MessageSource messages, Problem problem, Locale locale) {
		return problem.where()
			.stream()
			.map(place -> messages.getMessage(place.key(), new Object[] { place.value() }, place.value(), locale))
			.collect(java.util.stream.Collectors.joining(" › "));
	}

	public static String get(MessageSource messages, String key, Object[] arguments, Locale locale) {
		Object[] resolved = Arrays.stream(arguments)
			.map(arg -> arg instanceof String text && KEY.matcher(text).matches()
					? messages.getMessage(text, null, text, locale) : arg)
			.toArray();
		return messages.getMessage(key, resolved, key, locale);
	}

}
