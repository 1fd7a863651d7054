package vn.ntm.platform.jobs;

/** Where a tracked run stands. */
public enum JobRunState {

	/** Waiting for an instance to pick it. */
	QUEUED,
	/** Being run; {@code done}/{@code total} move. */
	RUNNING,
	/** Finished; its result says what it produced. */
	DONE,
	/** Failed: nothing was saved. */
	FAILED,
	/**
	 * Cut short by a restart (or the death of the instance running it): nothing was
	 * saved, and it may be started again.
	 */
	INTERRUPTED;

	public boolean finished() {
		return this == DONE || this == FAILED || this == INTERRUPTED;
	}

}
