package vn.ntm.orgunit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.UnitDirectory;

/**
 * The unit hierarchy as the security module sees it.
 */
@Component
@Transactional(readOnly = true)
class JdbcUnitDirectory implements UnitDirectory {

	private final UnitQueries queries;

	private final Clock clock;

	JdbcUnitDirectory(UnitQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@Override
	public boolean exists(long unitId) {
		return queries.exists(unitId);
	}

	@Override
	public boolean isWithin(long unitId, Collection<Long> roots) {
		return queries.isWithin(unitId, roots);
	}

	@Override
	public java.util.Set<Long> within(Collection<Long> unitIds, Collection<Long> roots) {
		return queries.within(unitIds, roots);
	}

	@Override
	public boolean isPlacedWithin(long unitId, Collection<Long> roots) {
		if (roots.contains(unitId)) {
			return true;
		}
		UnitRef unit = queries.latest(unitId).orElse(null);
		if (unit == null) {
			return false;
		}
		LocalDate day = unit.validTo() != null ? unit.validTo() : LocalDate.now(clock);
		return queries.ancestors(unitId, day).stream().anyMatch(a -> roots.contains(a.id()));
	}

	@Override
	public java.util.Set<Long> everBelow(Collection<Long> roots) {
		return queries.everBelow(roots);
	}

	@Override
	public java.util.List<Long> successors(long unitId) {
		return queries.successors(unitId);
	}

	@Override
	public boolean isCurrent(long unitId) {
		return queries.latest(unitId)
			.map(unit -> unit.validTo() == null || !unit.validTo().isBefore(LocalDate.now(clock)))
			.orElse(false);
	}

	@Override
	public int level(long unitId) {
		return queries.latest(unitId).map(UnitRef::level).orElse(Integer.MAX_VALUE);
	}

	@Override
	public String label(long unitId) {
		UnitRef unit = queries.latest(unitId).orElse(null);
		if (unit == null) {
			return "#" + unitId;
		}
		LocalDate day = unit.validTo() != null ? unit.validTo() : LocalDate.now(clock);
		List<UnitRef> ancestors = queries.ancestors(unitId, day);
		if (ancestors.size() <= 1) {
			return unit.fullName();
		}
		return unit.fullName() + " – " + ancestors.get(ancestors.size() - 1).fullName();
	}

	@Override
	public Optional<Long> resolveCode(String code) {
		Optional<Long> current = findCurrentByCode(code);
		if (current.isPresent()) {
			return current;
		}
		List<UnitRef> all = queries.findAnyByCode(code);
		return all.size() == 1 ? Optional.of(all.get(0).id()) : Optional.empty();
	}

	@Override
	public Optional<String> code(long unitId) {
		return queries.latest(unitId).map(UnitRef::code);
	}

	@Override
	public Optional<Long> findCurrentByCode(String code) {
		return queries.findByCode(code, LocalDate.now(clock)).map(UnitRef::id);
	}

}
