package vn.ntm.assessment.internal;

import java.time.Instant;

import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.VnFormat;

/**
 * A stale save of an assessment, naming what the other person changed.
 */
class AssessmentChangedException extends ConcurrentChangeException {

	private final String what;

	private final String changes;

	AssessmentChangedException(String what, String changedBy, Instant changedAt, String changes) {
		super(what, changedBy, changedAt);
		this.what = what;
		this.changes = changes;
	}

	@Override
	public String messageKey() {
		return "assessment.concurrent";
	}

	@Override
	public Object[] arguments() {
		return new Object[] { what, changedBy(), VnFormat.dateTime(changedAt()), changes };
	}

}
