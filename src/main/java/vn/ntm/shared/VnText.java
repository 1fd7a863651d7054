package vn.ntm.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Vietnamese text helpers. {@link #searchKey(String)} folds a text to lower-case ASCII
 * without tone marks so that "hung my" finds "Hùng Mỹ" and "tam thang" finds "Tam Thăng".
 */
public final class VnText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private VnText() {
	}

	/** Lower-case, without diacritics (đ → d), single-spaced and trimmed. */
	public static String searchKey(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String stripped = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
	}

	/**
	 * Trims and collapses inner whitespace; NFC-normalises so that composed and
	 * decomposed input agree.
	 */
	public static String clean(String text) {
		return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").trim();
	}

	/** Escapes the LIKE wildcards of a user-typed fragment. */
	public static String likeEscape(String fragment) {
		return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** The text stripped of surrounding white space, or null when nothing is left. */
	public static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
