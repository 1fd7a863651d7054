package vn.ntm.planning.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import vn.ntm.planning.Deadline;
import vn.ntm.planning.TaskView;
import vn.ntm.shared.work.ICalendarWriter;

/**
 * Tasks as an iCalendar (RFC 5545) feed, built with ical4j: an all-day event on each
 * task's due day (from its start, when the deadline names a month or quarter), a monthly,
 * quarterly… rule for recurring deadlines; written by {@link ICalendarWriter} (lines
 * folded at 75 octets).
 */
final class ICalendar {

	private ICalendar() {
	}

	static String of(List<TaskView> tasks, Instant now) {
		Calendar calendar = new Calendar().withProdId("-//NTM Monitor//Ke hoach//VI")
			.withDefaults()
			.withProperty(new XProperty("X-WR-CALNAME", "NTM Monitor — Nhiệm vụ"))
			.getFluentTarget();
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
			VEvent event = new VEvent(first, first.plusDays(1), t.title());
			event.replace(new DtStamp(now));
			event.add(new Uid("task-" + t.id() + "@ntm-monitor"));
			if (rule != null) {
				event.add(new RRule<LocalDate>(rule));
			}
			event.add(new Description(t.planTitle() + "\nThời hạn: " + d.text()
					+ (t.leadLabel().isEmpty() ? "" : "\nChủ trì: " + t.leadLabel())));
			calendar.add(event);
		}
		return ICalendarWriter.write(calendar);
	}

}
