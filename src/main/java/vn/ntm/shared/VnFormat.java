package vn.ntm.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Vietnamese number and date formats, used by templates ({@code @vn}), exports and
 * messages: a dot groups thousands and a comma marks decimals ({@code 1.307,608}); dates
 * are {@code dd/MM/yyyy}; times are shown in Vietnam's time zone.
 */
public final class VnFormat {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	/** Strict: 31/02/2025 is refused, not moved to 28/02. */
	private static final List<DateTimeFormatter> DATE_INPUTS = List.of(
			DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ISO_LOCAL_DATE);

	private static final DecimalFormatSymbols SYMBOLS = symbols();

	private VnFormat() {
	}

	private static DecimalFormatSymbols symbols() {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		symbols.setMinusSign('-');
		return symbols;
	}

	/** A number with up to {@code maxFractionDigits} decimals, e.g. {@code 1.307,608}. */
	public static String number(Number value, int maxFractionDigits) {
		DecimalFormat format = FORMATS.get().computeIfAbsent(maxFractionDigits, digits -> {
			DecimalFormat created = new DecimalFormat("#,##0", SYMBOLS);
			created.setMaximumFractionDigits(digits);
			created.setMinimumFractionDigits(0);
			return created;
		});
		return format.format(value instanceof BigDecimal big ? big : new BigDecimal(value.toString()));
	}

	/**
	 * Formats by number of decimals, per thread (a DecimalFormat is not thread-safe and
	 * costly to build: evaluations format hundreds of thousands of values at once).
	 */
	private static final ThreadLocal<java.util.Map<Integer, DecimalFormat>> FORMATS = ThreadLocal
		.withInitial(java.util.HashMap::new);

	/** A number with up to three decimals. */
	public static String number(Number value) {
		return number(value, 3);
	}

	/**
	 * A number with exactly {@code fractionDigits} decimals, e.g. a percentage
	 * {@code 99,97}.
	 */
	public static String fixed(Number value, int fractionDigits) {
		DecimalFormat format = new DecimalFormat("#,##0", SYMBOLS);
		format.setMaximumFractionDigits(fractionDigits);
		format.setMinimumFractionDigits(fractionDigits);
		return format.format(value instanceof BigDecimal big ? big : new BigDecimal(value.toString()));
	}

	/** Today in Vietnam (UTC+7), whatever the server's time zone. */
	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	public static String date(LocalDate date) {
		return DATE.format(date);
	}

	public static String dateTime(Instant instant) {
		return DATE_TIME.format(instant.atZone(ZONE));
	}

	public static String dateTime(OffsetDateTime time) {
		return dateTime(time.toInstant());
	}

	public static String dateTime(LocalDateTime time) {
		return DATE_TIME.format(time);
	}

	/**
	 * Parses a date typed by a user: {@code 30/6/2025}, {@code 30/06/2025},
	 * {@code 30-06-2025} or ISO {@code 2025-06-30}.
	 */
	public static Optional<LocalDate> parseDate(String text) {
		String trimmed = text.trim();
		for (DateTimeFormatter format : DATE_INPUTS) {
			try {
				return Optional.of(LocalDate.parse(trimmed, format));
			}
			catch (DateTimeParseException ignored) {
				// try the next accepted form
			}
		}
		return Optional.empty();
	}

}
