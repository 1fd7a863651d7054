package vn.ntm.assessment;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A test-only listener of the assessment events (picked up by the component scan of the
 * tests' one context, as {@code ProbeJob} is): it keeps what it received, and fails the
 * first delivery of a reopening whose reason starts with {@link #FAIL_ONCE} — a listener
 * that has not completed.
 */
@Component
class AssessmentEventProbe {

	static final String FAIL_ONCE = "probe:fail-once";

	private final List<Object> received = new CopyOnWriteArrayList<>();

	private final Set<Long> failed = ConcurrentHashMap.newKeySet();

	/** Through methods: the bean is a proxy (its listeners are asynchronous). */
	List<Object> received() {
		return received;
	}

	Set<Long> failed() {
		return failed;
	}

	@ApplicationModuleListener
	void on(AssessmentSubmitted event) {
		received.add(event);
	}

	@ApplicationModuleListener
	void on(AssessmentReturned event) {
		received.add(event);
	}

	@ApplicationModuleListener
	void on(AssessmentReviewed event) {
		received.add(event);
	}

	@ApplicationModuleListener
	void on(AssessmentApproved event) {
		received.add(event);
	}

	@ApplicationModuleListener
	void on(AssessmentReopened event) {
		if (event.reason().startsWith(FAIL_ONCE) && failed.add(event.assessmentId())) {
			throw new IllegalStateException("probe: first delivery of " + event + " fails");
		}
		received.add(event);
	}

}
