package vn.ntm.shared;

import java.time.Instant;

/**
 * Someone else saved the record after the caller loaded it. Nothing is overwritten: the
 * caller sees who changed it and when, and reloads. Rendered as 409.
 */
public class ConcurrentChangeException extends RuntimeException implements LocalizedFailure {

	private final String what;

	private final String changedBy;

	private final Instant changedAt;

	public ConcurrentChangeException(String what, String changedBy, Instant changedAt) {
		super("concurrent change of " + what);
		this.what = what;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	@Override
	public String messageKey() {
		return "error.concurrent";
	}

	@Override
	public Object[] arguments() {
		return new Object[] { what, changedBy, VnFormat.dateTime(changedAt) };
	}

	public String changedBy() {
		return changedBy;
	}

	public Instant changedAt() {
		return changedAt;
	}

}
