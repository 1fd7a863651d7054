package vn.ntm.orgunit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.orgunit.ChangeKind;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.shared.VnFormat;

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

	private final AuditLog audit;

	private final Clock clock;

	ChildCarrier(UnitQueries queries, UnitStore store, JdbcClient jdbc, AccessPolicy access, AuditLog audit,
			Clock clock) {
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
		reparent(child, newParent, date);
		event.continued(childId);
	}

	/** The child goes on under the new parent from {@code date}; audited. */
	private void reparent(AdminUnit child, long newParent, LocalDate date) {
		Map<String, Object> before = UnitSnapshots.of(child);
		child.changeFrom(date, child.latest().attributes().withParent(newParent), access.current().username(),
				clock.instant());
		store.save(child);
		String label = child.latest().attributes().fullName();
		String parentName = queries.versionAt(newParent, date).map(UnitRef::fullName).orElse("#" + newParent);
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
			reparent(unit, successor.unitId(), date);
			jdbc.sql(
					"insert into lineage_link (event_id, unit_id, role) values (:event, :unit, 'CONTINUED') on conflict do nothing")
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
					join unit_version v on v.unit_id = s.unit_id and v.level = (select max(level) from unit_version where unit_id = e.unit_id)
					where e.unit_id = :unit and e.role = 'ENDED'
					""")
			.param("unit", unitId)
			.param("date", effectiveDate)
			.query((rs, n) -> new Successor(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.distinct()
			.toList();
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

	private record Successor(long unitId, long eventId) {
	}

}
