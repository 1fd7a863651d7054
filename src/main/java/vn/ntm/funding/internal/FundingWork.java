package vn.ntm.funding.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.ntm.funding.FundingAlert;
import vn.ntm.funding.FundingAlerts;
import vn.ntm.shared.work.WorkItem;
import vn.ntm.shared.work.WorkItemSource;

/**
 * The funding part of the home page's work list: the money rules broken today in the
 * user's units ({@link FundingAlerts#forCurrentUser}), each linking to its work or to the
 * unit's funding page, dated by the rule's deadline.
 */
@Component
class FundingWork implements WorkItemSource {

	/** The home page lists the most recent alerts; the funding pages list them all. */
	static final int LIMIT = 50;

	private final FundingAlerts alerts;

	private final MessageSource messages;

	private final Clock clock;

	FundingWork(FundingAlerts alerts, MessageSource messages, Clock clock) {
		this.alerts = alerts;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> items() {
		return alerts.forCurrentUser(LocalDate.now(clock), LIMIT).stream().map(this::item).toList();
	}

	private WorkItem item(FundingAlert alert) {
		String title = alert.workName() != null ? alert.workName() + " — " + alert.unitName() : alert.unitName();
		String detail = messages.getMessage(alert.messageKey(), alert.args().toArray(), alert.messageKey(),
				LocaleContextHolder.getLocale());
		if (alert.illustration()) {
			detail = messages.getMessage("funding.work.illustration", new Object[] { detail }, detail,
					LocaleContextHolder.getLocale());
		}
		return new WorkItem("work.kind.funding", title, detail, alert.link(), alert.date(), null);
	}

}
