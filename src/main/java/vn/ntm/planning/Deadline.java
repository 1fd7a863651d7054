package vn.ntm.planning;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.BusinessRuleException;

/**
 * A deadline as Vietnamese plans write it, kept with the dates it means: "trước
 * 15/3/2024" (due 15/3/2024), "trong quý I/2024" (1/1–31/3/2024), "tháng 10/2024"
 * (1/10–31/10/2024), "trước tháng 6/2025" (due 31/5/2025), "xong trong năm 2024"
 * (1/1–31/12/2024), "giai đoạn 2022-2025" (1/1/2022–31/12/2025), "định kỳ ngày 22 hằng
 * tháng" (every month on the 22nd), "hằng tháng" (every month, by its last day).
 * <p>
 * Conventions: a day ("trước 15/3/2024", "chậm nhất ngày 30/11/2024") is the last day
 * allowed — offices read "nộp trước ngày 30/11" as "at the latest on 30/11"; "trước tháng
 * M" ends the month before M; a month, quarter, half year, year or period is due on its
 * last day and starts on its first. A recurring deadline has no single due date: the next
 * one after a day is {@link #nextDue(LocalDate)}.
 *
 * @param text the words as written (trimmed)
 * @param kind what the text means
 * @param start the first day of the time it names (a month, a quarter…), if any
 * @param due the last day allowed, if it names one
 * @param recurrence how often, for {@link Kind#RECURRING}
 * @param dayOfMonth the day of the month of a monthly recurrence ("ngày 22 hằng tháng"),
 * {@code null} for the month's last day
 */
public record Deadline(String text, Kind kind, @Nullable LocalDate start, @Nullable LocalDate due,
		@Nullable Recurrence recurrence, @Nullable Integer dayOfMonth) {

	/** What a deadline's text means. */
	public enum Kind {

		/** A day: "trước 15/3/2024", "15/3/2024". */
		DATE,
		/** "trước tháng 6/2025": by the end of the month before. */
		BEFORE_MONTH,
		/** "tháng 10/2024", "trong tháng 7/2024". */
		MONTH,
		/** "trong quý I/2024", "quý 4/2024". */
		QUARTER,
		/** "6 tháng đầu năm 2024". */
		HALF_YEAR,
		/** "xong trong năm 2024". */
		YEAR,
		/** "từ tháng 03/2024 đến hết tháng 10/2024". */
		RANGE,
		/** "giai đoạn 2022-2025". */
		PERIOD,
		/** "hằng tháng", "định kỳ ngày 22 hằng tháng". */
		RECURRING,
		/** "thường xuyên": ongoing, no date. */
		ONGOING

	}

	/** How often a recurring deadline comes back. */
	public enum Recurrence {

		WEEKLY, MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY

	}

	private static final String ROMAN = "(iv|i{1,3}|[1-4])";

	/** month/year or "tháng M năm Y" */
	private static final String MONTH_YEAR = "(\\d{1,2})(?:/|\\s+năm\\s+)(\\d{4})";

	private static final Pattern DAY_OF_MONTH_RECURRING = Pattern
		.compile("ngày\\s+(\\d{1,2})\\s+(?:của\\s+)?hằng\\s+tháng");

	private static final Pattern RECURRING = Pattern.compile("hằng\\s+(tuần|tháng|quý|năm)|(6)\\s+tháng\\s+một\\s+lần");

	private static final Pattern DATE_RANGE = Pattern.compile(
			"từ\\s+(?:ngày\\s+)?(\\d{1,2})/(\\d{1,2})/(\\d{4})\\s+đến\\s+(?:hết\\s+)?(?:ngày\\s+)?(\\d{1,2})/(\\d{1,2})/(\\d{4})");

	private static final Pattern MONTH_RANGE = Pattern
		.compile("từ\\s+(?:tháng\\s*)?" + MONTH_YEAR + "\\s+đến\\s+(?:hết\\s+)?(?:tháng\\s*)?" + MONTH_YEAR);

	private static final Pattern PERIOD = Pattern.compile("giai\\s+đoạn\\s+(\\d{2}|\\d{4})-(\\d{2}|\\d{4})(?!\\d)");

	private static final Pattern BEFORE_DAY = Pattern.compile(
			"(?:trước|chậm\\s+nhất|hạn|không\\s+quá)\\s+(?:(?:ngày|hết\\s+ngày)\\s+)?(\\d{1,2})/(\\d{1,2})(?!\\d)(?:/(\\d{4}))?");

	private static final Pattern BEFORE_MONTH = Pattern.compile("trước\\s+(?:tháng\\s*)?" + MONTH_YEAR);

	private static final Pattern BEFORE_MONTH_NO_YEAR = Pattern.compile("trước\\s+tháng\\s*(\\d{1,2})(?![\\d/])");

	private static final Pattern QUARTER = Pattern
		.compile("quý\\s*" + ROMAN + "(?![a-z\\d])(?:\\s*(?:/|năm)\\s*(\\d{4}))?");

	private static final Pattern HALF = Pattern.compile("6\\s+tháng\\s+(đầu|cuối)\\s+năm(?:\\s+(\\d{4}))?");

	private static final Pattern MONTH = Pattern.compile("tháng\\s*" + MONTH_YEAR);

	private static final Pattern MONTH_NO_YEAR = Pattern.compile("tháng\\s*(\\d{1,2})(?![\\d/])");

	private static final Pattern FULL_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

	private static final Pattern YEAR = Pattern.compile("năm\\s+(\\d{4})");

	private static final Pattern ONGOING = Pattern.compile("thường\\s+xuyên|liên\\s+tục");

	public Deadline {
		text = text.strip();
	}

	/** Reads the text; a month or quarter without a year fails. */
	public static Deadline parse(String text) {
		return parse(text, null);
	}

	/**
	 * Reads the text the way plans write deadlines.
	 * @param defaultYear the year of the plan, for "quý IV" or "tháng 5" written without
	 * one
	 * @throws BusinessRuleException {@code planning.deadline.unreadable} naming the text,
	 * or {@code planning.deadline.invalid} for a day or month that does not exist
	 */
	public static Deadline parse(String text, @Nullable Integer defaultYear) {
		String s = normalize(text);
		if (s.isEmpty()) {
			throw new BusinessRuleException("planning.deadline.empty");
		}
		try {
			return read(text, s, defaultYear);
		}
		catch (DateTimeException | NumberFormatException ex) {
			throw new BusinessRuleException("planning.deadline.invalid", text.strip());
		}
	}

	private static Deadline read(String text, String s, @Nullable Integer defaultYear) {
		Matcher m = DAY_OF_MONTH_RECURRING.matcher(s);
		if (m.find()) {
			int day = Integer.parseInt(m.group(1));
			if (day < 1 || day > 31) {
				throw new DateTimeException("day " + day);
			}
			return new Deadline(text, Kind.RECURRING, null, null, Recurrence.MONTHLY, day);
		}
		m = RECURRING.matcher(s);
		if (m.find()) {
			Recurrence recurrence = m.group(2) != null ? Recurrence.HALF_YEARLY : switch (m.group(1)) {
				case "tuần" -> Recurrence.WEEKLY;
				case "tháng" -> Recurrence.MONTHLY;
				case "quý" -> Recurrence.QUARTERLY;
				default -> Recurrence.YEARLY;
			};
			return new Deadline(text, Kind.RECURRING, null, null, recurrence, null);
		}
		m = DATE_RANGE.matcher(s);
		if (m.find()) {
			LocalDate from = date(m.group(1), m.group(2), m.group(3));
			LocalDate to = date(m.group(4), m.group(5), m.group(6));
			return ordered(text, Kind.RANGE, from, to);
		}
		m = MONTH_RANGE.matcher(s);
		if (m.find()) {
			YearMonth from = month(m.group(1), m.group(2));
			YearMonth to = month(m.group(3), m.group(4));
			return ordered(text, Kind.RANGE, from.atDay(1), to.atEndOfMonth());
		}
		m = PERIOD.matcher(s);
		if (m.find()) {
			int from = fullYear(m.group(1));
			int to = fullYear(m.group(2));
			return ordered(text, Kind.PERIOD, LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31));
		}
		m = BEFORE_DAY.matcher(s);
		if (m.find()) {
			Integer year = m.group(3) != null ? Integer.valueOf(m.group(3)) : defaultYear;
			if (year != null) {
				LocalDate day = date(m.group(1), m.group(2), String.valueOf(year));
				return new Deadline(text, Kind.DATE, null, day, null, null);
			}
		}
		m = BEFORE_MONTH.matcher(s);
		if (m.find()) {
			return beforeMonth(text, month(m.group(1), m.group(2)));
		}
		m = BEFORE_MONTH_NO_YEAR.matcher(s);
		if (m.find() && defaultYear != null) {
			return beforeMonth(text, month(m.group(1), String.valueOf(defaultYear)));
		}
		m = QUARTER.matcher(s);
		if (m.find()) {
			Integer year = m.group(2) != null ? Integer.valueOf(m.group(2)) : defaultYear;
			if (year != null) {
				int quarter = quarter(m.group(1));
				YearMonth first = YearMonth.of(year, quarter * 3 - 2);
				return new Deadline(text, Kind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth(), null, null);
			}
		}
		m = HALF.matcher(s);
		if (m.find()) {
			Integer year = m.group(2) != null ? Integer.valueOf(m.group(2)) : defaultYear;
			if (year != null) {
				boolean first = m.group(1).equals("đầu");
				LocalDate from = LocalDate.of(year, first ? 1 : 7, 1);
				LocalDate to = first ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
				return new Deadline(text, Kind.HALF_YEAR, from, to, null, null);
			}
		}
		m = MONTH.matcher(s);
		if (m.find()) {
			YearMonth month = month(m.group(1), m.group(2));
			return new Deadline(text, Kind.MONTH, month.atDay(1), month.atEndOfMonth(), null, null);
		}
		m = MONTH_NO_YEAR.matcher(s);
		if (m.find() && defaultYear != null) {
			YearMonth month = month(m.group(1), String.valueOf(defaultYear));
			return new Deadline(text, Kind.MONTH, month.atDay(1), month.atEndOfMonth(), null, null);
		}
		m = FULL_DATE.matcher(s);
		if (m.find()) {
			return new Deadline(text, Kind.DATE, null, date(m.group(1), m.group(2), m.group(3)), null, null);
		}
		m = YEAR.matcher(s);
		if (m.find()) {
			int year = Integer.parseInt(m.group(1));
			return new Deadline(text, Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, null);
		}
		if (ONGOING.matcher(s).find()) {
			return new Deadline(text, Kind.ONGOING, null, null, null, null);
		}
		throw new BusinessRuleException("planning.deadline.unreadable", text.strip());
	}

	/** A deadline of one day, written "dd/MM/yyyy". */
	public static Deadline on(LocalDate day) {
		return new Deadline(day.format(vn.ntm.shared.VnFormat.DATE), Kind.DATE, null, day, null, null);
	}

	public boolean isRecurring() {
		return kind == Kind.RECURRING;
	}

	/**
	 * The next day by which this deadline falls due, on or after {@code from}: the due
	 * date of a one-off deadline if it is not before {@code from}; for a recurring one
	 * the next occurrence (the given day of the month, or the last day of the week,
	 * month, quarter, half year or year). Empty for an ongoing task or a one-off deadline
	 * passed.
	 */
	public java.util.Optional<LocalDate> nextDue(LocalDate from) {
		if (!isRecurring()) {
			return java.util.Optional.ofNullable(due).filter(d -> !d.isBefore(from));
		}
		return java.util.Optional.of(occurrenceOnOrAfter(from));
	}

	/**
	 * The due dates within [from, to] (both inclusive): one, none or every recurrence.
	 */
	public List<LocalDate> occurrences(LocalDate from, LocalDate to) {
		List<LocalDate> days = new ArrayList<>();
		if (!isRecurring()) {
			if (due != null && !due.isBefore(from) && !due.isAfter(to)) {
				days.add(due);
			}
			return days;
		}
		LocalDate next = occurrenceOnOrAfter(from);
		while (!next.isAfter(to)) {
			days.add(next);
			next = occurrenceOnOrAfter(next.plusDays(1));
		}
		return days;
	}

	/**
	 * Whether a task with this deadline, not finished, is late on {@code today}: its due
	 * day has passed. A recurring deadline is late when its occurrence before today has
	 * no report on or after the previous one — that is decided by the reporting duty;
	 * here it is never late.
	 */
	public boolean isOverdueOn(LocalDate today) {
		return due != null && today.isAfter(due);
	}

	private LocalDate occurrenceOnOrAfter(LocalDate from) {
		Recurrence r = recurrence == null ? Recurrence.MONTHLY : recurrence;
		return switch (r) {
			case WEEKLY -> from.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
			case MONTHLY -> {
				LocalDate inMonth = dayIn(YearMonth.from(from));
				yield inMonth.isBefore(from) ? dayIn(YearMonth.from(from).plusMonths(1)) : inMonth;
			}
			case QUARTERLY -> {
				int lastMonth = ((from.getMonthValue() - 1) / 3 + 1) * 3;
				yield YearMonth.of(from.getYear(), lastMonth).atEndOfMonth();
			}
			case HALF_YEARLY ->
				from.getMonthValue() <= 6 ? LocalDate.of(from.getYear(), 6, 30) : LocalDate.of(from.getYear(), 12, 31);
			case YEARLY -> LocalDate.of(from.getYear(), 12, 31);
		};
	}

	private LocalDate dayIn(YearMonth month) {
		if (dayOfMonth == null) {
			return month.atEndOfMonth();
		}
		return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
	}

	private static Deadline beforeMonth(String text, YearMonth month) {
		return new Deadline(text, Kind.BEFORE_MONTH, null, month.minusMonths(1).atEndOfMonth(), null, null);
	}

	private static Deadline ordered(String text, Kind kind, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new BusinessRuleException("planning.deadline.reversed", text.strip());
		}
		return new Deadline(text, kind, from, to, null, null);
	}

	private static LocalDate date(String day, String month, String year) {
		return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
	}

	private static YearMonth month(String month, String year) {
		return YearMonth.of(Integer.parseInt(year), Integer.parseInt(month));
	}

	private static int fullYear(String year) {
		int value = Integer.parseInt(year);
		return year.length() == 2 ? 2000 + value : value;
	}

	private static int quarter(String written) {
		return switch (written) {
			case "i", "1" -> 1;
			case "ii", "2" -> 2;
			case "iii", "3" -> 3;
			default -> 4;
		};
	}

	/**
	 * Lower case, composed Unicode, "hàng" read as "hằng", dashes as "-", no spaces
	 * around "/" and "-", single spaces.
	 */
	static String normalize(String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		s = s.replace('–', '-').replace('—', '-').replace('\u00a0', ' ');
		s = s.replaceAll("(^|\\s)hàng\\s+(tuần|tháng|quý|năm)", "$1hằng $2");
		s = s.replaceAll("\\s*/\\s*", "/").replaceAll("(\\d)\\s*-\\s*(\\d)", "$1-$2");
		return s.replaceAll("\\s+", " ").strip();
	}

}
