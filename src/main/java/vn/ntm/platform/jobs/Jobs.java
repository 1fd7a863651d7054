package vn.ntm.platform.jobs;

import java.time.Instant;

/**
 * Schedules one-off jobs on the persistent scheduler.
 */
public interface Jobs {

	/**
	 * Schedules the job of kind {@code handler} for {@code key} at {@code at} (now or
	 * later), unless one with the same kind and key is already waiting: scheduling is
	 * idempotent, and the job runs once across instances. Returns whether it was added.
	 */
	boolean runOnce(String handler, String key, Instant at, String data);

	/** Runs a daily job now (on one instance, through the scheduler). */
	void runNow(String dailyJob);

}
