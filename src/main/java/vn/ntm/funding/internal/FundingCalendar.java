package vn.ntm.funding.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.ntm.funding.FundingAlert;
import vn.ntm.funding.FundingAlerts;
import vn.ntm.shared.work.CalendarEntry;
import vn.ntm.shared.work.CalendarSource;

/**
 * The funding part of the deadline calendar: the dated money rules of the user's units
 * ({@link FundingAlerts#forCurrentUser}, which reads only those units). Up to today, the
 * rules broken as of today, on the day each is dated; after today, the rules that will be
 * broken on their day if nothing changes (the alerts as of the range's last day that fall
 * after today), said so ("Dự báo").
 */
@Component
class FundingCalendar implements CalendarSource {

	static final String KIND = "calendar.kind.funding";

	/** Enough for a province's alerts in the range the calendar asks for. */
	static final int LIMIT = 2000;

	private final FundingAlerts alerts;

	private final MessageSource messages;

	private final Clock clock;

	FundingCalendar(FundingAlerts alerts, MessageSource messages, Clock clock) {
		this.alerts = alerts;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<CalendarEntry> entries(LocalDate from, LocalDate to) {
		LocalDate today = LocalDate.now(clock);
		Map<String, CalendarEntry> entries = new LinkedHashMap<>();
		if (!from.isAfter(today)) {
			for (FundingAlert alert : alerts.forCurrentUser(today, LIMIT)) {
				if (!alert.date().isBefore(from) && !alert.date().isAfter(to)) {
					CalendarEntry entry = entry(alert, false);
					entries.putIfAbsent(entry.uid(), entry);
				}
			}
		}
		if (to.isAfter(today)) {
			for (FundingAlert alert : alerts.forCurrentUser(to, LIMIT)) {
				if (alert.date().isAfter(today) && !alert.date().isBefore(from) && !alert.date().isAfter(to)) {
					CalendarEntry entry = entry(alert, true);
					entries.putIfAbsent(entry.uid(), entry);
				}
			}
		}
		List<CalendarEntry> result = new ArrayList<>(entries.values());
		result.sort(Comparator.comparing(CalendarEntry::due).thenComparing(CalendarEntry::title));
		return result;
	}

	private CalendarEntry entry(FundingAlert alert, boolean forecast) {
		Locale locale = LocaleContextHolder.getLocale();
		String title = alert.workName() != null ? alert.workName() + " — " + alert.unitName() : alert.unitName();
		String detail = messages.getMessage(alert.messageKey(), alert.args().toArray(), alert.messageKey(), locale);
		if (forecast) {
			detail = messages.getMessage("calendar.funding.forecast", new Object[] { detail }, detail, locale);
		}
		if (alert.illustration()) {
			detail = messages.getMessage("funding.work.illustration", new Object[] { detail }, detail, locale);
		}
		String uid = "funding-" + alert.rule().name().toLowerCase(Locale.ROOT) + "-" + alert.unitId() + "-"
				+ (alert.workId() == null ? "0" : alert.workId()) + "-" + alert.date() + "@ntm-monitor";
		return new CalendarEntry(KIND, title, detail, alert.link(), alert.date(), false, uid);
	}

}
