package vn.ntm.orgunit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.orgunit.UnitHistory.DataIssue;
import vn.ntm.orgunit.UnitHistory.EventEntry;
import vn.ntm.orgunit.UnitRef;

/**
 * The lineage of a unit: events it took part in, seen from the unit, with what it came
 * from and became; and the data issues recorded about it.
 */
@Component
@Transactional(readOnly = true)
class LineageQueries {

	private final JdbcClient jdbc;

	LineageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<EventEntry> eventsOf(long unitId) {
		record Row(long eventId, String kind, LocalDate date, String basis, String note, String source, String role,
				LocalDate after) {
		}
		List<Row> rows = jdbc.sql("""
				select e.id, e.kind, e.effective_date, e.legal_basis, e.note, e.source, l.role, e.effective_after
				from lineage_link l join lineage_event e on e.id = l.event_id
				where l.unit_id = :id order by e.effective_date, e.id
				""")
			.param("id", unitId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class)))
			.list();
		List<EventEntry> entries = new ArrayList<>();
		for (Row row : rows) {
			List<UnitRef> predecessors = participants(row.eventId(), "ENDED", row.date().minusDays(1));
			List<UnitRef> successors = participants(row.eventId(), "STARTED_OR_CONTINUED", row.date());
			List<UnitRef> moved = participants(row.eventId(), "MOVED", row.date());
			entries.add(new EventEntry(row.eventId(), row.kind(), row.date(), row.basis(), row.note(), row.source(),
					row.role(), predecessors, successors, moved, row.after()));
		}
		return entries;
	}

	/**
	 * The units of an event with the given role, as they were on {@code at} (the last day
	 * of ended units, the first day of started ones).
	 */
	private List<UnitRef> participants(long eventId, String role, LocalDate at) {
		String roleCondition = switch (role) {
			case "ENDED" -> "l.role = 'ENDED'";
			case "MOVED" -> "l.role = 'MOVED'";
			default -> "l.role in ('STARTED', 'CONTINUED')";
		};
		return jdbc.sql("""
				select distinct on (v.unit_id) v.* from lineage_link l
				join unit_version v on v.unit_id = l.unit_id
				where l.event_id = :event and %s
				order by v.unit_id,
				    (case when %s then 0 else 1 end),
				    v.valid_from desc nulls last
				""".formatted(roleCondition, UnitQueries.validAt("v")))
			.param("event", eventId)
			.param("at", at)
			.query(UnitQueries.REF)
			.list()
			.stream()
			.sorted((a, b) -> a.name().compareTo(b.name()))
			.toList();
	}

	List<DataIssue> issuesOf(long unitId) {
		return jdbc.sql("""
				select id, kind, message, source, created_at, resolved_at from unit_data_issue
				where unit_id = :id order by created_at desc, id desc
				""")
			.param("id", unitId)
			.query((rs, n) -> new DataIssue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** Open issues by kind, for the administrators' overview. */
	Map<String, Long> openIssueCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select kind, count(*) from unit_data_issue where resolved_at is null group by kind order by kind")
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

}
