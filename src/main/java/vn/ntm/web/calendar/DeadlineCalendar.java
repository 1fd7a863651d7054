package vn.ntm.web.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.ntm.shared.work.CalendarEntry;
import vn.ntm.shared.work.CalendarSource;

/**
 * The current user's deadline calendar: the entries of every {@link CalendarSource} bean
 * (tasks, money rules, dossier steps… — this class knows none of the modules), each with
 * its state as of a day. Each source reads only the user's units.
 */
@Component
class DeadlineCalendar {

	/** An open entry due within this many days from today is "due soon". */
	static final int SOON_DAYS = 7;

	private final List<CalendarSource> sources;

	DeadlineCalendar(List<CalendarSource> sources) {
		this.sources = sources;
	}

	/** Where an entry stands on a day. */
	enum State {

		/** Not done and its day has passed. */
		OVERDUE,
		/** Not done, due today or within {@link #SOON_DAYS} days. */
		DUE_SOON,
		/** Not done, due later. */
		OPEN,
		/** Done. */
		DONE;

		static State of(CalendarEntry entry, LocalDate today) {
			if (entry.done()) {
				return DONE;
			}
			if (entry.due().isBefore(today)) {
				return OVERDUE;
			}
			return entry.due().isAfter(today.plusDays(SOON_DAYS)) ? OPEN : DUE_SOON;
		}

		/** The message key of the state's name. */
		public String key() {
			return "calendar.state." + name();
		}

	}

	/** An entry with its state on the day the calendar is read. */
	record Line(CalendarEntry entry, State state) {
	}

	/**
	 * The entries due in the range (both inclusive), of one kind or of all ({@code kind}
	 * null), by day then kind then title.
	 */
	List<Line> lines(LocalDate from, LocalDate to, @Nullable String kind, LocalDate today) {
		List<CalendarEntry> entries = new ArrayList<>();
		sources.forEach(source -> entries.addAll(source.entries(from, to)));
		return entries.stream()
			.filter(e -> !e.due().isBefore(from) && !e.due().isAfter(to))
			.filter(e -> kind == null || kind.equals(e.kind()))
			.sorted(Comparator.comparing(CalendarEntry::due)
				.thenComparing(CalendarEntry::kind)
				.thenComparing(CalendarEntry::title))
			.map(e -> new Line(e, State.of(e, today)))
			.toList();
	}

	/** The kinds among the lines, in the order they first appear. */
	static Set<String> kinds(List<Line> lines) {
		Set<String> kinds = new LinkedHashSet<>();
		lines.forEach(l -> kinds.add(l.entry().kind()));
		return kinds;
	}

	/** A day of the month view: its lines; {@code inMonth} false for the days around. */
	record Day(LocalDate date, boolean inMonth, boolean today, List<Line> lines) {

		/** The day as dd/MM/yyyy. */
		public String text() {
			return vn.ntm.shared.VnFormat.date(date);
		}

	}

	/**
	 * The month as weeks from Monday to Sunday (the first and last weeks completed with
	 * days of the months around, without their lines).
	 */
	static List<List<Day>> weeks(YearMonth month, List<Line> lines, LocalDate today) {
		LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		List<List<Day>> weeks = new ArrayList<>();
		List<Day> week = new ArrayList<>();
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			boolean in = YearMonth.from(d).equals(month);
			LocalDate day = d;
			week.add(new Day(d, in, d.equals(today),
					in ? lines.stream().filter(l -> l.entry().due().equals(day)).toList() : List.of()));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		return weeks;
	}

}
