package vn.ntm.orgunit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.orgunit.ChangeKind;
import vn.ntm.orgunit.Merge;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.Split;
import vn.ntm.orgunit.UnitChange;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitsReorganized;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Period;
import vn.ntm.shared.VnFormat;

/**
 * Records the changes decided by an authority: rename, re-parent, change of type or code,
 * merge, split, dissolution. Each is one lineage event, audited for every unit it
 * touches, and announced with {@link UnitsReorganized}. Runs inside the caller's
 * transaction.
 */
@Component
class Reorganizer {

	static final String USER_SOURCE = "người dùng";

	private final UnitStore store;

	private final UnitQueries queries;

	private final UnitRules rules;

	private final ChildCarrier carrier;

	private final LineageEvents events;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	Reorganizer(UnitStore store, UnitQueries queries, UnitRules rules, ChildCarrier carrier, LineageEvents events,
			AccessPolicy access, AuditLog audit, ApplicationEventPublisher publisher, Clock clock) {
		this.store = store;
		this.queries = queries;
		this.rules = rules;
		this.carrier = carrier;
		this.events = events;
		this.access = access;
		this.audit = audit;
		this.publisher = publisher;
		this.clock = clock;
	}

	UnitRef change(long unitId, UnitChange change) {
		access.requireEdit(unitId);
		AdminUnit unit = store.load(unitId, change.expectedVersion());
		UnitAttributes before = unit.latest().attributes();
		UnitAttributes after = before;
		if (change.newName() != null && !change.newName().isBlank()) {
			after = after.withName(change.newName());
		}
		if (change.newCode() != null && !change.newCode().isBlank()) {
			after = after.withCode(change.newCode());
		}
		if (change.newType() != null) {
			after = after.withType(change.newType());
		}
		if (change.newParentId() != null) {
			// moving a unit is changing it where it lands as well: a unit that goes
			// on sits under the new parent from now on; one that has ended sits there
			// on its last day, which the check after the move decides exactly
			if (unit.latest().validTo() == null) {
				access.requireCreateUnder(change.newParentId(), after.type().level());
			}
			else {
				access.requireActOn(change.newParentId(), Permission.UNIT_EDIT);
			}
			after = after.withParent(change.newParentId());
		}
		LocalDate date = change.effectiveDate();
		Period period = new Period(date, unit.latest().validTo());
		if (after.parentId() != null) {
			rules.checkParent(after.parentId(), after.type(), after.name(), period);
		}
		if (after.type().level() != before.type().level()) {
			throw new BusinessRuleException("unit.type.levelChange", before.type().prefix(), after.type().prefix());
		}
		for (UnitRef child : queries.children(unitId, date)) {
			if (!child.type().mayBeChildOf(after.type())) {
				throw new BusinessRuleException("unit.parent.wrongType", child.fullName(), after.fullName());
			}
		}
		rules.checkCodeFree(after.code(), after.type(), after.parentId(), period, unitId);
		ChangeKind kind = kindOf(before, after);
		Map<String, Object> snapshotBefore = UnitSnapshots.of(unit);
		unit.changeFrom(date, after, actor(), now());
		store.save(unit);
		LineageEvent event = newEvent(kind, date, change.legalBasis(), change.note()).continued(unitId);
		events.save(event);
		audit.record(new AuditRecord(kind.name(), "unit", String.valueOf(unitId), after.fullName(),
				describe(kind, before, after, date), snapshotBefore, UnitSnapshots.of(unit)));
		announce(event);
		if (kind == ChangeKind.REPARENT) {
			// a unit placed under a parent that has since ended follows that parent's
			// successor
			carrier.carryForward(unitId);
			// the user must be able to change the unit where it now is (the same rule as
			// for every change); else all of this rolls back
			access.requireEdit(unitId);
			return store.load(unitId).versionAtOrNearest(date).toRef(unitId);
		}
		return unit.latest().toRef(unitId);
	}

	private static ChangeKind kindOf(UnitAttributes before, UnitAttributes after) {
		if (before.type() != after.type()) {
			return ChangeKind.RETYPE;
		}
		if (!java.util.Objects.equals(before.parentId(), after.parentId())) {
			return ChangeKind.REPARENT;
		}
		if (!before.name().equals(after.name())) {
			return ChangeKind.RENAME;
		}
		if (!java.util.Objects.equals(before.code(), after.code())) {
			return ChangeKind.RECODE;
		}
		throw new BusinessRuleException("unit.change.nothing");
	}

	private static String describe(ChangeKind kind, UnitAttributes before, UnitAttributes after, LocalDate date) {
		String from = " từ ngày " + VnFormat.date(date);
		return switch (kind) {
			case RETYPE -> "Chuyển " + before.fullName() + " thành " + after.fullName() + from;
			case REPARENT -> "Điều chỉnh đơn vị cấp trên của " + after.fullName() + from;
			case RENAME -> "Đổi tên " + before.fullName() + " thành " + after.fullName() + from;
			case RECODE -> "Đổi mã " + before.fullName() + " từ " + before.code() + " thành " + after.code() + from;
			default -> kind.name() + from;
		};
	}

	long dissolve(long unitId, LocalDate date, @Nullable String legalBasis, @Nullable String note,
			int expectedVersion) {
		access.requireEdit(unitId);
		AdminUnit unit = store.load(unitId, expectedVersion);
		List<UnitRef> children = queries.children(unitId, date);
		if (!children.isEmpty()) {
			throw new BusinessRuleException("unit.dissolve.hasChildren", unit.latest().attributes().fullName(),
					children.size(), children.get(0).fullName());
		}
		requireNoLaterChildren(unit, date);
		Map<String, Object> before = UnitSnapshots.of(unit);
		unit.endBefore(date, actor(), now());
		store.save(unit);
		LineageEvent event = events.save(newEvent(ChangeKind.DISSOLVE, date, legalBasis, note).ended(unitId));
		audit.record(new AuditRecord(ChangeKind.DISSOLVE.name(), "unit", String.valueOf(unitId),
				unit.latest().attributes().fullName(),
				"Giải thể " + unit.latest().attributes().fullName() + ", hết hiệu lực từ " + VnFormat.date(date),
				before, UnitSnapshots.of(unit)));
		announce(event);
		return event.id;
	}

	long merge(Merge merge, UnitCreator creator) {
		LocalDate date = merge.effectiveDate();
		Set<Long> merged = new LinkedHashSet<>(merge.unitIds());
		if (merge.absorbingUnitId() != null) {
			merged.remove(merge.absorbingUnitId());
		}
		if (merged.isEmpty() || (merge.absorbingUnitId() == null && merge.newUnit() == null)
				|| (merge.absorbingUnitId() != null && merge.newUnit() != null)) {
			throw new BusinessRuleException("merge.successor.required");
		}
		List<AdminUnit> units = new ArrayList<>();
		for (Long id : merged) {
			access.requireEdit(id);
			AdminUnit unit = store.load(id);
			if (unit.versionAt(date.minusDays(1)).isEmpty()) {
				throw new BusinessRuleException("merge.unit.notValid", unit.latest().attributes().fullName(),
						VnFormat.date(date.minusDays(1)));
			}
			requireNoLaterChildren(unit, date);
			units.add(unit);
		}
		int level = units.get(0).latest().level();
		AdminUnit absorbing = null;
		String successorName;
		if (merge.absorbingUnitId() != null) {
			access.requireEdit(merge.absorbingUnitId());
			absorbing = store.load(merge.absorbingUnitId());
			UnitVersion at = absorbing.versionAt(date)
				.orElseThrow(() -> new BusinessRuleException("merge.unit.notValid",
						queries.latest(merge.absorbingUnitId()).map(UnitRef::fullName).orElse("?"),
						VnFormat.date(date)));
			successorName = at.attributes().fullName();
			requireLevel(units, level, at.level(), successorName);
		}
		else {
			NewUnit spec = merge.newUnit();
			if (spec.validFrom() != null && !spec.validFrom().equals(date)) {
				throw new BusinessRuleException("merge.newUnit.date", VnFormat.date(date));
			}
			successorName = spec.type().fullName(spec.name());
			requireLevel(units, level, spec.type().level(), successorName);
		}
		// the merged units end first, so that a new unit may take over one of their codes
		Map<AdminUnit, Map<String, Object>> before = new java.util.LinkedHashMap<>();
		for (AdminUnit unit : units) {
			before.put(unit, UnitSnapshots.of(unit));
			unit.endBefore(date, actor(), now());
			store.save(unit);
		}
		LineageEvent event = newEvent(ChangeKind.MERGE, date, merge.legalBasis(), merge.note());
		long successorId;
		if (absorbing != null) {
			successorId = absorbing.id();
			Map<String, Object> absorbingBefore = UnitSnapshots.of(absorbing);
			// the absorbing unit goes on unchanged, but its row version moves so that an
			// edit
			// begun before the merge is refused rather than applied blindly
			absorbing.touch(actor(), now());
			store.save(absorbing);
			event.continued(successorId);
			audit.record(new AuditRecord(ChangeKind.MERGE.name(), "unit", String.valueOf(successorId), successorName,
					successorName + " tiếp nhận " + units.size() + " đơn vị sáp nhập từ ngày " + VnFormat.date(date),
					absorbingBefore, UnitSnapshots.of(absorbing)));
		}
		else {
			successorId = creator.create(withStart(merge.newUnit(), date)).id();
			event.started(successorId);
		}
		for (AdminUnit unit : units) {
			event.ended(unit.id());
			carrier.moveChildren(unit.id(), successorId, date, event);
			audit.record(new AuditRecord(ChangeKind.MERGE.name(), "unit", String.valueOf(unit.id()),
					unit.latest().attributes().fullName(), "Sáp nhập " + unit.latest().attributes().fullName() + " vào "
							+ successorName + " từ ngày " + VnFormat.date(date),
					before.get(unit), UnitSnapshots.of(unit)));
		}
		events.save(event);
		announce(event);
		return event.id;
	}

	private static void requireLevel(List<AdminUnit> units, int level, int successorLevel, String successorName) {
		for (AdminUnit unit : units) {
			if (unit.latest().level() != level || successorLevel != level) {
				throw new BusinessRuleException("merge.levels", unit.latest().attributes().fullName(), successorName);
			}
		}
	}

	long split(Split split, UnitCreator creator) {
		access.requireEdit(split.unitId());
		LocalDate date = split.effectiveDate();
		AdminUnit unit = store.load(split.unitId(), split.expectedVersion());
		if (unit.versionAt(date.minusDays(1)).isEmpty()) {
			throw new BusinessRuleException("merge.unit.notValid", unit.latest().attributes().fullName(),
					VnFormat.date(date.minusDays(1)));
		}
		requireNoLaterChildren(unit, date);
		List<UnitRef> children = queries.children(split.unitId(), date);
		for (UnitRef child : children) {
			Integer index = split.childAssignments().get(child.id());
			if (index == null || index < 0 || index >= split.newUnits().size()) {
				throw new BusinessRuleException("split.child.unassigned", child.fullName());
			}
		}
		if (split.newUnits().size() < 2) {
			throw new BusinessRuleException("split.units.required");
		}
		for (NewUnit spec : split.newUnits()) {
			if (spec.type().level() != unit.latest().level()) {
				throw new BusinessRuleException("merge.levels", spec.type().fullName(spec.name()),
						unit.latest().attributes().fullName());
			}
		}
		// the split unit ends first, so that one of the new units may keep its code
		Map<String, Object> before = UnitSnapshots.of(unit);
		unit.endBefore(date, actor(), now());
		store.save(unit);
		LineageEvent event = newEvent(ChangeKind.SPLIT, date, split.legalBasis(), split.note());
		List<Long> created = new ArrayList<>();
		for (NewUnit spec : split.newUnits()) {
			long id = creator.create(withStart(spec, date)).id();
			created.add(id);
			event.started(id);
		}
		event.ended(unit.id());
		for (UnitRef child : children) {
			carrier.move(child.id(), created.get(split.childAssignments().get(child.id())), date, event);
		}
		events.save(event);
		audit
			.record(new AuditRecord(ChangeKind.SPLIT.name(), "unit", String.valueOf(unit.id()),
					unit.latest().attributes().fullName(), "Chia tách " + unit.latest().attributes().fullName()
							+ " thành " + created.size() + " đơn vị từ ngày " + VnFormat.date(date),
					before, UnitSnapshots.of(unit)));
		announce(event);
		return event.id;
	}

	/**
	 * Children recorded to join the unit after the date it ends would have no parent:
	 * their records must be put right first.
	 */
	private void requireNoLaterChildren(AdminUnit unit, LocalDate date) {
		List<UnitRef> later = queries.childrenStartingAfter(unit.id(), date);
		if (!later.isEmpty()) {
			UnitRef child = later.get(0);
			throw new BusinessRuleException("unit.end.laterChildren", unit.latest().attributes().fullName(),
					VnFormat.date(date), child.fullName(), VnFormat.date(child.validFrom()));
		}
	}

	private static NewUnit withStart(NewUnit spec, LocalDate date) {
		return new NewUnit(spec.code(), spec.name(), spec.type(), spec.parentId(), date, spec.note());
	}

	private LineageEvent newEvent(ChangeKind kind, LocalDate date, @Nullable String basis, @Nullable String note) {
		return new LineageEvent(kind, date, basis, note, USER_SOURCE, now(), actor());
	}

	private void announce(LineageEvent event) {
		publisher.publishEvent(new UnitsReorganized(event.id, event.kind, event.effectiveDate,
				event.unitsWith(LineageEvent.Role.ENDED), event.unitsWith(LineageEvent.Role.STARTED),
				event.unitsWith(LineageEvent.Role.CONTINUED)));
	}

	private String actor() {
		return access.current().username();
	}

	private Instant now() {
		return clock.instant();
	}

	/** Creates a unit (with access checks and audit); implemented by the facade. */
	interface UnitCreator {

		UnitRef create(NewUnit unit);

	}

}
