package vn.ntm.recognition.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitsReorganized;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.StartupTask;

/**
 * A title ends when its unit ends (a merger: Xã Tam Thanh's "Xã NTM 2017" ends on
 * 1/7/2025, when it became part of Phường Quảng Phú; the new unit holds no title until
 * one is recognised). Done when a reorganisation is recorded, and at start-up for units
 * that ended otherwise (the national lists loaded with the 2025 reform, titles recorded
 * before this check existed).
 */
@Component
class TitleEnds extends StartupTask {

	private static final Logger log = LoggerFactory.getLogger(TitleEnds.class);

	/** After the national lists and the seed (whose titles it checks). */
	static final int PHASE = StartupTask.WEB_SERVER - 8;

	private final TitleService titles;

	private final UnitManagement units;

	private final TransactionTemplate tx;

	TitleEnds(TitleService titles, UnitManagement units, TransactionTemplate tx) {
		super(PHASE);
		this.titles = titles;
		this.units = units;
		this.tx = tx;
	}

	@ApplicationModuleListener
	void on(UnitsReorganized event) {
		if (event.ended().isEmpty()) {
			return;
		}
		// runs after the change's transaction, on its own thread: as the system, which
		// the audit names
		SystemTask.run(() -> event.ended()
			.forEach(unitId -> units.fate(unitId).ifPresent(fate -> titles.endTitles(unitId, fate))));
	}

	@Override
	protected void run() {
		int ended = SystemTask.call(() -> tx.execute(status -> {
			int count = 0;
			for (long unitId : titles.unitsWithOpenTitles()) {
				var fate = units.fate(unitId);
				if (fate.isPresent()) {
					count += titles.endTitles(unitId, fate.get());
				}
			}
			return count;
		}));
		if (ended > 0) {
			log.info("Titles ended with their units: {}", ended);
		}
	}

}
