package vn.ntm.recognition;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A test-only listener of the title events (picked up by the component scan of the tests'
 * one context, as {@code AssessmentEventProbe} is): it keeps what it received.
 */
@Component
class TitleEventProbe {

	private final List<Object> received = new CopyOnWriteArrayList<>();

	/** Through methods: the bean is a proxy (its listeners are asynchronous). */
	List<Object> received() {
		return received;
	}

	@ApplicationModuleListener
	void on(TitleAwarded event) {
		received.add(event);
	}

	@ApplicationModuleListener
	void on(TitleRevoked event) {
		received.add(event);
	}

	@ApplicationModuleListener
	void on(TitleEnded event) {
		received.add(event);
	}

}
