package vn.ntm.shared;

import org.jspecify.annotations.Nullable;

/**
 * Text written to CSV files that people open in Excel: a value that begins like a formula
 * ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return) gets a leading
 * apostrophe, so that a unit named "=HYPERLINK(…)" is shown, not run (OWASP's advice
 * against CSV injection).
 */
public final class CsvText {

	private CsvText() {
	}

	public static String cell(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

}
