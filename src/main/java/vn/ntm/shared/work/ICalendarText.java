package vn.ntm.shared.work;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The text rules of iCalendar (RFC 5545) that every feed of the application follows
 * (planning's task feed, the deadline calendar's feed): dates of all-day events, the UTC
 * time stamp, escaping of texts, and content lines folded at 75 octets, never inside a
 * UTF-8 character, ended by CRLF. No iCalendar library is used: none is among the
 * project's allowed packages, and a feed of all-day events needs no more than this.
 */
public final class ICalendarText {

	/** A date value ({@code DTSTART;VALUE=DATE:20241030}). */
	public static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	/** A UTC date-time ({@code DTSTAMP:20241030T010203Z}). */
	public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private ICalendarText() {
	}

	/** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
	public static String escape(String text) {
		return text.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n");
	}

	/** Appends a content line folded at 75 octets (never inside a UTF-8 character). */
	public static void line(StringBuilder out, String content) {
		int octets = 0;
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < content.length();) {
			int cp = content.codePointAt(i);
			String ch = new String(Character.toChars(cp));
			int size = ch.getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > 75) {
				out.append(current).append("\r\n ");
				current.setLength(0);
				octets = 1;
			}
			current.append(ch);
			octets += size;
			i += Character.charCount(cp);
		}
		out.append(current).append("\r\n");
	}

}
