package vn.ntm.web.calendar;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import org.springframework.context.MessageSource;
import vn.ntm.shared.work.CalendarEntry;
import vn.ntm.shared.work.ICalendarWriter;

/**
 * The calendar as an iCalendar (RFC 5545) feed, built with ical4j: one all-day event per
 * entry, with the entry's stable UID, the kind, state and detail in the description, the
 * page's full address; a deadline met stays in the calendar, its summary starting with ✓.
 */
final class CalendarFeed {

	private CalendarFeed() {
	}

	static String write(List<DeadlineCalendar.Line> lines, String baseUrl, Instant now, MessageSource messages,
			Locale locale) {
		Calendar calendar = new Calendar().withProdId("-//NTM Monitor//Lich han//VI")
			.withDefaults()
			.withProperty(new Method(Method.VALUE_PUBLISH))
			.withProperty(new XProperty("X-WR-CALNAME", messages.getMessage("calendar.feed.name", null, locale)))
			.getFluentTarget();
		for (DeadlineCalendar.Line line : lines) {
			CalendarEntry e = line.entry();
			String kind = messages.getMessage(e.kind(), null, e.kind(), locale);
			String state = messages.getMessage(line.state().key(), null, line.state().key(), locale);
			VEvent event = new VEvent(e.due(), e.due().plusDays(1), (e.done() ? "✓ " : "") + e.title());
			event.replace(new DtStamp(now));
			event.add(new Uid(e.uid()));
			event.add(new Description(kind + " — " + state + (e.detail() == null ? "" : "\n" + e.detail())));
			event.add(new Categories(new TextList(kind)));
			if (e.link() != null) {
				event.add(new Url(URI.create(baseUrl + e.link())));
			}
			event.add(new Transp(Transp.VALUE_TRANSPARENT));
			calendar.add(event);
		}
		return ICalendarWriter.write(calendar);
	}

}
