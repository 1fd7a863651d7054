package vn.ntm.web.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.ntm.security.CalendarFeedTokens;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.work.CalendarEntry;

/**
 * The deadline calendar: the month as a grid and as a list (overdue and due-soon entries
 * marked, filtered by kind), its .xlsx export and JSON, and the per-user iCalendar feed
 * read with the secret token of {@link CalendarFeedTokens} — as the token's owner,
 * whoever else may be logged in in the same browser.
 */
@Controller
class CalendarController {

	private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

	/** The feed covers this many days back … */
	static final int FEED_DAYS_BACK = 366;

	/** … and this many days ahead. */
	static final int FEED_DAYS_AHEAD = 366;

	private final DeadlineCalendar calendar;

	private final CalendarFeedTokens tokens;

	private final MessageSource messages;

	CalendarController(DeadlineCalendar calendar, CalendarFeedTokens tokens, MessageSource messages) {
		this.calendar = calendar;
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping("/calendar")
	String page(@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String kind, Model model) {
		fill(model, month(month), blankToNull(kind));
		return "calendar/calendar";
	}

	/**
	 * A new feed address for the user (the old one stops working), shown in this answer
	 * only: never stored as such, never cached, not behind a redirect.
	 */
	@PostMapping("/calendar/feed")
	String regenerate(Model model, HttpServletResponse response) {
		String token = tokens.regenerate();
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("feedUrl",
				ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/calendar.ics")
					.queryParam("token", token)
					.build()
					.toUriString());
		fill(model, YearMonth.from(VnFormat.today()), null);
		return "calendar/calendar";
	}

	@GetMapping("/calendar.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String kind, Locale locale) {
		YearMonth shown = month(month);
		LocalDate today = VnFormat.today();
		List<DeadlineCalendar.Line> lines = calendar.lines(shown.atDay(1), shown.atEndOfMonth(), blankToNull(kind),
				today);
		String title = messages.getMessage("calendar.export.title", new Object[] { MONTH.format(shown) }, locale);
		byte[] body = CalendarWorkbook.write(title, lines, messages, locale);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("lich-han-" + shown + ".xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

	/** The month's entries as JSON (the page's list, for scripts). */
	@GetMapping("/api/v1/calendar")
	@ResponseBody
	List<ApiLine> api(@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String kind) {
		YearMonth shown = month(month);
		return calendar.lines(shown.atDay(1), shown.atEndOfMonth(), blankToNull(kind), VnFormat.today())
			.stream()
			.map(l -> new ApiLine(l.entry(), l.state()))
			.toList();
	}

	/** An entry of the API with its state. */
	record ApiLine(CalendarEntry entry, DeadlineCalendar.State state) {
	}

	/**
	 * The user's feed, from {@value #FEED_DAYS_BACK} days back to
	 * {@value #FEED_DAYS_AHEAD} days ahead, read as the token's owner. An unknown,
	 * replaced or missing token (or one of a disabled account) is 404: the address does
	 * not exist.
	 */
	@GetMapping("/calendar.ics")
	@ResponseBody
	ResponseEntity<String> feed(@RequestParam(defaultValue = "") String token, Locale locale) {
		Optional<String> owner = tokens.ownerOf(token);
		if (owner.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
				.body(messages.getMessage("calendar.feed.notFound", null, locale));
		}
		LocalDate today = VnFormat.today();
		List<DeadlineCalendar.Line> lines = SystemTask.callAs(owner.get(),
				() -> calendar.lines(today.minusDays(FEED_DAYS_BACK), today.plusDays(FEED_DAYS_AHEAD), null, today));
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"ntm-lich-han.ics\"")
			.body(CalendarFeed.write(lines, base, Instant.now(), messages, locale));
	}

	private void fill(Model model, YearMonth month, @Nullable String kind) {
		LocalDate today = VnFormat.today();
		List<DeadlineCalendar.Line> all = calendar.lines(month.atDay(1), month.atEndOfMonth(), null, today);
		List<DeadlineCalendar.Line> lines = kind == null ? all
				: all.stream().filter(l -> l.entry().kind().equals(kind)).toList();
		model.addAttribute("month", month);
		model.addAttribute("monthText", MONTH.format(month));
		model.addAttribute("previous", MONTH.format(month.minusMonths(1)));
		model.addAttribute("next", MONTH.format(month.plusMonths(1)));
		model.addAttribute("thisMonth", MONTH.format(YearMonth.from(today)));
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", DeadlineCalendar.kinds(all));
		model.addAttribute("lines", lines);
		model.addAttribute("weeks", DeadlineCalendar.weeks(month, lines, today));
		model.addAttribute("overdue", lines.stream().filter(l -> l.state() == DeadlineCalendar.State.OVERDUE).count());
		model.addAttribute("dueSoon", lines.stream().filter(l -> l.state() == DeadlineCalendar.State.DUE_SOON).count());
		model.addAttribute("feedIssuedAt", tokens.issuedAt().orElse(null));
		model.addAttribute("today", today);
	}

	/**
	 * The month asked for ("12/2026", or "2026-12"), this month when none is given; any
	 * other text is refused naming the field.
	 */
	static YearMonth month(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return YearMonth.from(VnFormat.today());
		}
		String t = text.strip();
		try {
			return t.contains("/") ? YearMonth.parse(t.length() == 6 ? "0" + t : t, MONTH) : YearMonth.parse(t);
		}
		catch (DateTimeParseException ex) {
			throw new BusinessRuleException("calendar.month.invalid", t);
		}
	}

	/** A kind to filter by: a message key of the calendar's kinds, else refused. */
	private static @Nullable String blankToNull(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String kind = text.strip();
		if (!kind.matches("calendar\\.kind\\.[a-zA-Z0-9_.-]{1,60}")) {
			throw new BusinessRuleException("calendar.kind.invalid", kind);
		}
		return kind;
	}

}
