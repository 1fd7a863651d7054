package vn.ntm.shared.work;

import java.nio.charset.StandardCharsets;

import net.fortuna.ical4j.model.Calendar;

/**
 * Writes an iCalendar (RFC 5545) built with ical4j as the feeds of the application serve
 * it (planning's task feed, the deadline calendar's feed). ical4j writes the content
 * lines (escaping, value types, CRLF); only the folding is done here: ical4j's own
 * {@code FoldingWriter} counts characters, and a line of Vietnamese text of 73 characters
 * is far over the 75 octets RFC 5545 asks for — so lines are folded at 75 octets, never
 * inside a UTF-8 character.
 */
public final class ICalendarWriter {

	private static final int MAX_OCTETS = 75;

	private ICalendarWriter() {
	}

	/** The calendar's text: content lines folded at 75 octets, each ended by CRLF. */
	public static String write(Calendar calendar) {
		String unfolded = calendar.toString();
		StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
		for (String line : unfolded.split("\r\n")) {
			fold(out, line);
		}
		return out.toString();
	}

	private static void fold(StringBuilder out, String line) {
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int cp = line.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > MAX_OCTETS) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		out.append("\r\n");
	}

}
