package vn.ntm.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * The reminders of tasks: a daily scan (on the application's scheduler, once across
 * instances) puts "coming due" and "overdue" reminders in the leads' inboxes and sends
 * them by e-mail, one each or one daily digest; returned and reassigned tasks are
 * reminded at once.
 */
public interface Reminders {

	/** How many days before its due day a task is "coming due". */
	int DUE_SOON_DAYS = 3;

	/**
	 * Adds the reminders due on {@code today} that are not there yet and schedules their
	 * e-mails; returns how many were added.
	 */
	int scan(LocalDate today);

	/** The current user's inbox, newest first. */
	List<Reminder> inbox();

	int unread();

	void markRead(long reminderId);

	boolean dailyDigest();

	void setDailyDigest(boolean digest);

	/** The current user's open tasks as an iCalendar (RFC 5545) feed. */
	String calendar();

}
