package vn.ntm.platform.jobs;

import java.time.LocalTime;

/**
 * A job run every day at a time of day in Vietnam (Asia/Ho_Chi_Minh), by one instance of
 * the application.
 */
public interface DailyJob {

	/** Unique in the application ("planning-reminders"). */
	String name();

	LocalTime at();

	void run();

}
