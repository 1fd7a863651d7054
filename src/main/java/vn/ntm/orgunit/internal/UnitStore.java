package vn.ntm.orgunit.internal;

import java.time.Clock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;

/**
 * Loads and saves unit aggregates, turning lost updates into a
 * {@link ConcurrentChangeException} that names who changed the unit and when.
 */
@Component
class UnitStore {

	private final AdminUnits units;

	private final Clock clock;

	UnitStore(AdminUnits units, Clock clock) {
		this.units = units;
		this.clock = clock;
	}

	AdminUnit load(long unitId) {
		return units.findById(unitId).orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
	}

	/**
	 * Loads the unit and checks that nobody saved it since the caller read
	 * {@code expectedVersion}.
	 */
	AdminUnit load(long unitId, int expectedVersion) {
		AdminUnit unit = load(unitId);
		if (unit.version() != expectedVersion) {
			throw conflict(unit);
		}
		return unit;
	}

	AdminUnit save(AdminUnit unit) {
		try {
			return units.save(unit);
		}
		catch (OptimisticLockingFailureException ex) {
			throw conflict(load(unit.id()));
		}
		catch (DataIntegrityViolationException ex) {
			// someone else took the code between our check and our save
			if (String.valueOf(ex.getMessage()).contains("code_free")) {
				throw new BusinessRuleException("unit.code.takenMeanwhile", unit.latest().code());
			}
			throw ex;
		}
	}

	private ConcurrentChangeException conflict(AdminUnit current) {
		return new ConcurrentChangeException(current.latest().attributes().fullName(),
				current.updatedBy == null ? "?" : current.updatedBy,
				current.updatedAt == null ? clock.instant() : current.updatedAt);
	}

}
