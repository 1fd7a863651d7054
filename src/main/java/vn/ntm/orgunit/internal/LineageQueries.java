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
import vn.ntm.shared.RequestMemo;

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
		return RequestMemo.get("memo:lineage.eventsOf", unitId, () -> {
			record Row(long eventId, String kind, LocalDate date, String basis, String note, String source, String role,
					LocalDate after) {
			}
			List<Row> rows = jdbc.sql("""
					select e.id, e.kind, e.effective_date, e.legal_basis, e.note, e.source, l.role, e.effective_after
					from lineage_link l join lineage_event e on e.id = l.event_id
					where l.unit_id = :id order by e.effective_date, e.id
					""")
				.param("id", unitId)
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getObject(8, LocalDate.class)))
				.list();
			List<EventEntry> entries = new ArrayList<>();
			Map<String, List<UnitRef>> all = participants(rows.stream().map(Row::eventId).distinct().toList());
			for (Row row : rows) {
				List<UnitRef> predecessors = all.getOrDefault(row.eventId() + "/ENDED", List.of());
				List<UnitRef> successors = all.getOrDefault(row.eventId() + "/STARTED_OR_CONTINUED", List.of());
				List<UnitRef> moved = all.getOrDefault(row.eventId() + "/MOVED", List.of());
				entries.add(new EventEntry(row.eventId(), row.kind(), row.date(), row.basis(), row.note(), row.source(),
						row.role(), predecessors, successors, moved, row.after()));
			}
			return entries;
		});
	}

	/**
	 * The units of the events by event and role ({@code <event id>/ENDED},
	 * {@code /STARTED_OR_CONTINUED}, {@code /MOVED}), each as it was on the event's day —
	 * the day before for the units that ended (their last day) — else its nearest
	 * version; by name. One query for all the events of a unit (it was one per event and
	 * role).
	 */
	private Map<String, List<UnitRef>> participants(List<Long> eventIds) {
		if (eventIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Map<Long, UnitRef>> byRole = new LinkedHashMap<>();
		jdbc.sql("""
				select l.event_id,
				    case when l.role in ('STARTED', 'CONTINUED') then 'STARTED_OR_CONTINUED' else l.role end as grp,
				    v.*
				from lineage_link l
				join lineage_event e on e.id = l.event_id
				cross join lateral (
				    select case when l.role = 'ENDED' then e.effective_date - 1 else e.effective_date end as day
				) d
				cross join lateral (
				    select * from unit_version v where v.unit_id = l.unit_id
				    order by (case when (v.valid_from is null or v.valid_from <= d.day)
				                    and (v.valid_to is null or v.valid_to >= d.day) then 0 else 1 end),
				        v.valid_from desc nulls last
				    limit 1
				) v
				where l.event_id = any(:events) and l.role in ('ENDED', 'MOVED', 'STARTED', 'CONTINUED')
				order by l.event_id, v.unit_id
				""").param("events", eventIds.toArray(Long[]::new)).query((rs, n) -> {
			byRole.computeIfAbsent(rs.getLong("event_id") + "/" + rs.getString("grp"), k -> new LinkedHashMap<>())
				.putIfAbsent(rs.getLong("unit_id"), UnitQueries.ref(rs, n));
			return n;
		}).list();
		Map<String, List<UnitRef>> sorted = new LinkedHashMap<>();
		byRole.forEach((key, units) -> sorted.put(key,
				units.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()));
		return sorted;
	}

	List<DataIssue> issuesOf(long unitId) {
		return RequestMemo.get("memo:lineage.issuesOf", unitId, () -> {
			return jdbc.sql("""
					select id, kind, message, source, created_at, resolved_at from unit_data_issue
					where unit_id = :id order by created_at desc, id desc
					""")
				.param("id", unitId)
				.query((rs, n) -> new DataIssue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant(),
						rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
				.list();
		});
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
