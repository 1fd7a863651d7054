package vn.ntm.orgunit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.orgunit.ChangeKind;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Period;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * Keeps children attached when their parent ends: villages of a merged commune move to
 * the commune that replaced it, from the day the merge takes effect, as part of the same
 * lineage event. Where there is no single successor the child is left where it was and a
 * data issue says so.
 */
@Component
class ChildCarrier {

	private final UnitQueries queries;

	private final UnitStore store;

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final UnitRules rules;

	private final AuditLog audit;

	private final Clock clock;

	ChildCarrier(UnitQueries queries, UnitStore store, JdbcClient jdbc, AccessPolicy access, UnitRules rules,
			AuditLog audit, Clock clock) {
		this.rules = rules;
		this.queries = queries;
		this.store = store;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Moves the children of {@code from} that are valid on {@code date} under {@code to},
	 * from that date.
	 */
	void moveChildren(long from, long to, LocalDate date, LineageEvent event) {
		for (UnitRef child : queries.children(from, date)) {
			move(child.id(), to, date, event);
		}
	}

	void move(long childId, long newParent, LocalDate date, LineageEvent event) {
		AdminUnit child = store.load(childId);
		String taken = codeTakenUnder(child, newParent, date);
		if (taken != null) {
			throw new BusinessRuleException("unit.move.codeTaken", child.latest().attributes().fullName(),
					child.latest().code(), taken);
		}
		reparent(child, newParent, date);
		event.moved(childId);
	}

	/** The unit already holding the child's code under the new parent, if any. */
	private @Nullable String codeTakenUnder(AdminUnit child, long newParent, LocalDate date) {
		UnitVersion latest = child.latest();
		try {
			rules.checkCodeFree(latest.code(), latest.unitType(), newParent, new Period(date, latest.validTo()),
					child.id());
			return null;
		}
		catch (BusinessRuleException ex) {
			return queries.versionAt(newParent, date).map(UnitRef::fullName).orElse("#" + newParent);
		}
	}

	/** The child goes on under the new parent from {@code date}; audited. */
	private void reparent(AdminUnit child, long newParent, LocalDate date) {
		Map<String, Object> before = UnitSnapshots.of(child);
		child.changeFrom(date, child.latest().attributes().withParent(newParent), access.current().username(),
				clock.instant());
		store.save(child);
		String label = child.latest().attributes().fullName();
		String parentName = queries.versionAt(newParent, date).map(UnitRef::fullName).orElse("#" + newParent);
		flagSameName(child, newParent, date, parentName);
		audit.record(new AuditRecord(
				ChangeKind.REPARENT.name(), "unit", String.valueOf(child.id()), label, "Chuyển " + label + " về "
						+ parentName + " từ ngày " + VnFormat.date(date) + " (theo đơn vị cấp trên cũ đã kết thúc)",
				before, UnitSnapshots.of(child)));
	}

	/**
	 * After a unit was created or imported under a parent that has since ended: follows
	 * the parent's single successor (repeatedly) and moves the unit there, joining the
	 * successor's lineage event.
	 */
	void carryForward(long unitId) {
		for (int hop = 0; hop < 10; hop++) {
			AdminUnit unit = store.load(unitId);
			UnitVersion latest = unit.latest();
			if (latest.parentId() == null) {
				return;
			}
			UnitRef parent = queries.latest(latest.parentId()).orElseThrow();
			LocalDate parentEnd = parent.validTo();
			if (parentEnd == null || (latest.validTo() != null && !latest.validTo().isAfter(parentEnd))) {
				return;
			}
			LocalDate date = parentEnd.plusDays(1);
			List<Successor> successors = successorsOf(parent.id(), date);
			if (successors.size() != 1) {
				recordOrphan(unitId, latest, parent, successors.size());
				return;
			}
			Successor successor = successors.get(0);
			// the unit was created or moved by someone allowed to (at its level): it
			// follows only into a successor placed within their units, which may itself
			// have ended since (the next hop carries it on)
			if (!access.canActOn(successor.unitId(), Permission.UNIT_EDIT)
					|| codeTakenUnder(unit, successor.unitId(), date) != null) {
				// the successor belongs to other people, or a unit there holds the same
				// code: people decide, the data issue tells them
				recordOrphan(unitId, latest, parent, 1);
				return;
			}
			reparent(unit, successor.unitId(), date);
			jdbc.sql(
					"insert into lineage_link (event_id, unit_id, role) values (:event, :unit, 'MOVED') on conflict do nothing")
				.param("event", successor.eventId())
				.param("unit", unitId)
				.update();
		}
	}

	private List<Successor> successorsOf(long unitId, LocalDate effectiveDate) {
		return jdbc
			.sql("""
					select distinct s.unit_id, s.event_id from lineage_link e
					join lineage_event ev on ev.id = e.event_id and ev.effective_date = :date
					join lineage_link s on s.event_id = e.event_id and s.role in ('STARTED', 'CONTINUED') and s.unit_id <> e.unit_id
					where e.unit_id = :unit and e.role = 'ENDED'
					""")
			.param("unit", unitId)
			.param("date", effectiveDate)
			.query((rs, n) -> new Successor(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	private void recordOrphan(long unitId, UnitVersion child, UnitRef parent, int successorCount) {
		String message = "%s thuộc %s, đơn vị này đã kết thúc ngày %s và %s; cần chọn đơn vị cấp trên mới.".formatted(
				child.attributes().fullName(), parent.fullName(), VnFormat.date(parent.validTo()),
				successorCount == 0 ? "không có đơn vị kế thừa" : "có " + successorCount + " đơn vị kế thừa");
		boolean known = jdbc.sql(
				"select exists(select 1 from unit_data_issue where unit_id = :id and kind = 'ORPHANED' and resolved_at is null)")
			.param("id", unitId)
			.query(Boolean.class)
			.single();
		if (!known) {
			jdbc.sql(
					"insert into unit_data_issue (unit_id, kind, message, source) values (:id, 'ORPHANED', :message, :source)")
				.param("id", unitId)
				.param("message", message)
				.param("source", access.current().username())
				.update();
		}
	}

	/**
	 * Two villages of the same name under one commune (two "Thôn 1" from two merged
	 * communes) are kept as the decision left them, and flagged for renaming.
	 */
	private void flagSameName(AdminUnit child, long newParent, LocalDate date, String parentName) {
		UnitVersion moved = child.latest();
		String key = VnText.searchKey(moved.name());
		for (UnitRef sibling : queries.children(newParent, date)) {
			if (sibling.id() != child.id() && sibling.type() == moved.unitType()
					&& VnText.searchKey(sibling.name()).equals(key)) {
				jdbc.sql(
						"""
								insert into unit_data_issue (unit_id, kind, message, source) values (:id, 'SAME_NAME', :message, :source)
								""")
					.param("id", child.id())
					.param("message",
							"%s có hai đơn vị cùng tên %s từ ngày %s; cần xác định tên theo quyết định."
								.formatted(parentName, moved.attributes().fullName(), VnFormat.date(date)))
					.param("source", access.current().username())
					.update();
				return;
			}
		}
	}

	private record Successor(long unitId, long eventId) {
	}

}
