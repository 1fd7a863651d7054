package vn.ntm.funding.internal;

import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.ntm.orgunit.UnitsReorganized;
import vn.ntm.security.SystemTask;

/**
 * When units end in a single successor (a merge, or a unit absorbed by another), their
 * works, capital plans and requests pass to the successor, each move recorded with the
 * lineage event (the work's history). A split leaves them where they are: which part
 * takes a work is a decision for people.
 */
@Component
class ReorganizationListener {

	private static final Logger log = LoggerFactory.getLogger(ReorganizationListener.class);

	private final FundingService service;

	ReorganizationListener(FundingService service) {
		this.service = service;
	}

	@ApplicationModuleListener
	void on(UnitsReorganized event) {
		if (event.ended().isEmpty()) {
			return;
		}
		Set<Long> successors = new HashSet<>(event.started());
		successors.addAll(event.continued());
		successors.removeAll(event.ended());
		if (successors.size() != 1) {
			log.info("Funding: units {} ended without a single successor; their works stay", event.ended());
			return;
		}
		long successor = successors.iterator().next();
		// runs after the change's transaction, on its own thread: as the system, which
		// the audit names
		SystemTask.run(() -> {
			for (long ended : event.ended()) {
				service.moveToSuccessor(ended, successor, event.effectiveDate(), event.eventId());
			}
		});
	}

}
