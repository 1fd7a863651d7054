package vn.ntm.assessment;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A test-only listener for {@link EventRestartTests}: it takes only reopenings whose
 * reason starts with {@link #MARK}. In an instance started with
 * {@code ntm.test.restart-probe.hold=true} it never completes: it waits until the test
 * has stopped that instance and then gives up, as a listener cut off by a shutdown or a
 * crash. In any other instance it completes at once. Only in the instances that test
 * starts ({@code ntm.test.restart-probe.enabled=true}): in the suite's context it would
 * add a publication to every reopening the other tests count.
 */
@Component
@ConditionalOnProperty("ntm.test.restart-probe.enabled")
class RestartProbe {

	static final String MARK = "probe:restart";

	/** Where the held listener waits: released by the test once its instance stopped. */
	static final CountDownLatch release = new CountDownLatch(1);

	/** The assessments whose reopening a held listener has started to handle. */
	static final Set<Long> started = ConcurrentHashMap.newKeySet();

	/** The assessments whose reopening a listener has handled to the end. */
	static final Set<Long> completed = ConcurrentHashMap.newKeySet();

	private final boolean hold;

	RestartProbe(@Value("${ntm.test.restart-probe.hold:false}") boolean hold) {
		this.hold = hold;
	}

	@ApplicationModuleListener
	void on(AssessmentReopened event) throws InterruptedException {
		if (!event.reason().startsWith(MARK)) {
			return;
		}
		if (hold) {
			started.add(event.assessmentId());
			release.await(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
			throw new IllegalStateException("probe: the instance stopped before the listener completed " + event);
		}
		completed.add(event.assessmentId());
	}

}
