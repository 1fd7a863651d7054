package vn.ntm.web.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import vn.ntm.shared.work.CalendarEntry;
import vn.ntm.shared.work.ICalendarText;

/**
 * The calendar as an iCalendar (RFC 5545) feed: one all-day event per entry, with the
 * entry's stable UID, the kind, state and detail in the description, the page's full
 * address; a deadline met stays in the calendar, its summary starting with ✓.
 */
final class CalendarFeed {

	private CalendarFeed() {
	}

	static String write(List<DeadlineCalendar.Line> lines, String baseUrl, Instant now, MessageSource messages,
			Locale locale) {
		StringBuilder out = new StringBuilder();
		ICalendarText.line(out, "BEGIN:VCALENDAR");
		ICalendarText.line(out, "VERSION:2.0");
		ICalendarText.line(out, "PRODID:-//NTM Monitor//Lich han//VI");
		ICalendarText.line(out, "CALSCALE:GREGORIAN");
		ICalendarText.line(out, "METHOD:PUBLISH");
		ICalendarText.line(out,
				"X-WR-CALNAME:" + ICalendarText.escape(messages.getMessage("calendar.feed.name", null, locale)));
		for (DeadlineCalendar.Line line : lines) {
			CalendarEntry e = line.entry();
			String kind = messages.getMessage(e.kind(), null, e.kind(), locale);
			String state = messages.getMessage(line.state().key(), null, line.state().key(), locale);
			ICalendarText.line(out, "BEGIN:VEVENT");
			ICalendarText.line(out, "UID:" + e.uid());
			ICalendarText.line(out, "DTSTAMP:" + ICalendarText.STAMP.format(now));
			ICalendarText.line(out, "DTSTART;VALUE=DATE:" + ICalendarText.DAY.format(e.due()));
			ICalendarText.line(out, "DTEND;VALUE=DATE:" + ICalendarText.DAY.format(e.due().plusDays(1)));
			ICalendarText.line(out, "SUMMARY:" + ICalendarText.escape((e.done() ? "✓ " : "") + e.title()));
			ICalendarText.line(out, "DESCRIPTION:"
					+ ICalendarText.escape(kind + " — " + state + (e.detail() == null ? "" : "\n" + e.detail())));
			ICalendarText.line(out, "CATEGORIES:" + ICalendarText.escape(kind));
			if (e.link() != null) {
				ICalendarText.line(out, "URL:" + baseUrl + e.link());
			}
			ICalendarText.line(out, "TRANSP:TRANSPARENT");
			ICalendarText.line(out, "END:VEVENT");
		}
		ICalendarText.line(out, "END:VCALENDAR");
		return out.toString();
	}

}
