package vn.ntm.support;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateProperty;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iCalendar feeds read back with ical4j's {@code CalendarBuilder}, checked by
 * ical4j's own validation (RFC 5545) and by the line rules the feeds keep (CRLF, at most
 * 75 octets), as plain records to assert on.
 */
public final class ICalendarFeeds {

	private ICalendarFeeds() {
	}

	/** One parsed VEVENT; DTSTART and DTEND are dates (all-day events). */
	public record Event(String uid, String summary, LocalDate start, @Nullable LocalDate end,
			@Nullable String description, List<String> categories, @Nullable String url, @Nullable String rrule) {

		static Event of(VEvent v) {
			List<String> categories = v.<Categories>getProperties(Property.CATEGORIES)
				.stream()
				.flatMap(c -> c.getCategories().getTexts().stream())
				.toList();
			return new Event(text(v, Property.UID), text(v, Property.SUMMARY), date(v, Property.DTSTART),
					v.getProperty(Property.DTEND).isPresent() ? date(v, Property.DTEND) : null,
					optional(v, Property.DESCRIPTION), categories, optional(v, Property.URL),
					optional(v, Property.RRULE));
		}

		private static String text(VEvent v, String name) {
			Optional<Property> p = v.getProperty(name);
			assertThat(p).as(name).isPresent();
			return p.get().getValue();
		}

		private static @Nullable String optional(VEvent v, String name) {
			return v.getProperty(name).map(Property::getValue).orElse(null);
		}

		private static LocalDate date(VEvent v, String name) {
			Optional<DateProperty<Temporal>> p = v.getProperty(name);
			assertThat(p).as(name).isPresent();
			Temporal date = p.get().getDate();
			assertThat(date).as(name + " an all-day date").isInstanceOf(LocalDate.class);
			return (LocalDate) date;
		}

	}

	/** The calendar of the text, its lines checked and the whole validated. */
	public static Calendar parse(String ics) {
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
			assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\uFFFD");
		}
		Calendar calendar;
		try {
			calendar = new CalendarBuilder().build(new StringReader(ics));
		}
		catch (Exception ex) {
			throw new AssertionError("not an iCalendar text: " + ex.getMessage(), ex);
		}
		// the calendar's own properties (VERSION, PRODID…), then each event by RFC 5545;
		// not the iTIP rules of METHOD:PUBLISH (an ORGANIZER), which feeds to subscribe
		// to do not follow. A feed with nothing due yet is served empty, as calendar
		// applications accept, though RFC 5545's grammar wants one component.
		try {
			boolean empty = calendar.getComponents().isEmpty();
			assertThat(calendar.validate(false).getEntries()).as("the calendar")
				.filteredOn(e -> !(empty && e.getMessage().contains("at least one component")))
				.isEmpty();
			for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
				assertThat(event.validate().getEntries()).as(event.toString()).isEmpty();
			}
		}
		catch (Exception ex) {
			throw new AssertionError("not valid: " + ex.getMessage(), ex);
		}
		return calendar;
	}

	/** The events of the text (parsed and validated). */
	public static List<Event> events(String ics) {
		return events(parse(ics));
	}

	public static List<Event> events(Calendar calendar) {
		return calendar.<VEvent>getComponents(Component.VEVENT).stream().map(Event::of).toList();
	}

	/** The calendar's name (X-WR-CALNAME), or null. */
	public static @Nullable String name(Calendar calendar) {
		return calendar.getProperty("X-WR-CALNAME").map(Property::getValue).orElse(null);
	}

}
