package vn.ntm.planning.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import vn.ntm.planning.Deadline;
import vn.ntm.planning.TaskView;
import vn.ntm.shared.work.ICalendarText;

/**
 * Tasks as an iCalendar (RFC 5545) feed: an all-day event on each task's due day (from
 * its start, when the deadline names a month or quarter), a monthly, quarterly… rule for
 * recurring deadlines; texts escaped and lines folded at 75 octets
 * ({@link ICalendarText}, shared with the deadline calendar's feed).
 */
final class ICalendar {

	private static final DateTimeFormatter DAY = ICalendarText.DAY;

	private static final DateTimeFormatter STAMP = ICalendarText.STAMP;

	private ICalendar() {
	}

	static String of(List<TaskView> tasks, Instant now) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//NTM Monitor//Ke hoach//VI");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "X-WR-CALNAME:" + escape("NTM Monitor — Nhiệm vụ"));
		for (TaskView t : tasks) {
			Deadline d = t.deadline();
			if (d == null) {
				continue;
			}
			LocalDate first;
			String rule = null;
			if (d.isRecurring()) {
				first = d.nextDue(LocalDate.ofInstant(now, vn.ntm.shared.VnFormat.ZONE)).orElse(null);
				rule = switch (d.recurrence() == null ? Deadline.Recurrence.MONTHLY : d.recurrence()) {
					case WEEKLY -> "FREQ=WEEKLY;BYDAY=FR";
					case MONTHLY -> d.dayOfMonth() != null ? "FREQ=MONTHLY;BYMONTHDAY=" + d.dayOfMonth()
							: "FREQ=MONTHLY;BYMONTHDAY=-1";
					case QUARTERLY -> "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1";
					case HALF_YEARLY -> "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1";
					case YEARLY -> "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31";
				};
			}
			else {
				first = d.due();
			}
			if (first == null) {
				continue;
			}
			line(out, "BEGIN:VEVENT");
			line(out, "UID:task-" + t.id() + "@ntm-monitor");
			line(out, "DTSTAMP:" + STAMP.format(now));
			line(out, "DTSTART;VALUE=DATE:" + DAY.format(first));
			line(out, "DTEND;VALUE=DATE:" + DAY.format(first.plusDays(1)));
			if (rule != null) {
				line(out, "RRULE:" + rule);
			}
			line(out, "SUMMARY:" + escape(t.title()));
			line(out, "DESCRIPTION:" + escape(t.planTitle() + "\nThời hạn: " + d.text()
					+ (t.leadLabel().isEmpty() ? "" : "\nChủ trì: " + t.leadLabel())));
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	static String escape(String text) {
		return ICalendarText.escape(text);
	}

	static void line(StringBuilder out, String content) {
		ICalendarText.line(out, content);
	}

}
