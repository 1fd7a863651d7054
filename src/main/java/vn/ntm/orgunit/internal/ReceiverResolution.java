package vn.ntm.orgunit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.orgunit.DataQuality.Candidate;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * "Chưa rõ đơn vị tiếp nhận": a unit left the list between two releases, or a commune of
 * 30/6/2025 is matched by no row of the 2025 mapping, and the sources do not say which
 * unit received it. A person names the receiver among the units of the same parent; the
 * lineage event gets it and the change is audited.
 */
@Component
class ReceiverResolution {

	/** The issue kinds that ask for a receiving unit. */
	static final Set<String> RESOLVABLE = Set.of("UNKNOWN_SUCCESSOR", "NO_SUCCESSOR");

	static final LocalDate REFORM_DATE = LocalDate.of(2025, 7, 1);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ReceiverResolution(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	private record IssueRow(long id, long unitId, String kind, @Nullable Long eventId, boolean resolved,
			String message) {
	}

	private IssueRow issue(long issueId, boolean lock) {
		return jdbc.sql("""
				select id, unit_id, kind, event_id, resolved_at is not null, message from unit_data_issue
				where id = :id""" + (lock ? " for update" : ""))
			.param("id", issueId)
			.query((rs, n) -> new IssueRow(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4),
					rs.getBoolean(5), rs.getString(6)))
			.optional()
			.filter(i -> RESOLVABLE.contains(i.kind()))
			.orElseThrow(() -> new BusinessRuleException("reform.resolve.unknownIssue", issueId));
	}

	private UnitRef lastVersion(long unitId) {
		return jdbc
			.sql("select * from unit_version v where v.unit_id = :id order by v.valid_from desc nulls last limit 1")
			.param("id", unitId)
			.query(UnitQueries.REF)
			.single();
	}

	List<Candidate> candidates(long issueId) {
		IssueRow issue = issue(issueId, false);
		UnitRef ended = lastVersion(issue.unitId());
		if (issue.eventId() != null) {
			LocalDate date = jdbc.sql("select effective_date from lineage_event where id = :id")
				.param("id", issue.eventId())
				.query(LocalDate.class)
				.single();
			List<UnitRef> units = jdbc.sql("""
					select v.* from unit_version v
					where v.parent_id = :parent and v.level = :level and v.unit_id <> :unit and %s
					order by v.name collate vi_natural""".formatted(UnitQueries.validAt("v")))
				.param("parent", ended.parentId())
				.param("level", ended.level())
				.param("unit", ended.id())
				.param("at", date)
				.query(UnitQueries.REF)
				.list();
			List<Long> changedTogether = jdbc.sql("""
					select l.unit_id from lineage_event e join lineage_link l on l.event_id = e.id
					where e.effective_date = :date and l.role = 'CONTINUED'""")
				.param("date", date)
				.query(Long.class)
				.list();
			List<Candidate> candidates = new ArrayList<>();
			for (UnitRef unit : units) {
				String hint = null;
				if (sameName(unit.fullName(), ended.fullName())) {
					hint = "SAME_NAME";
				}
				else if (changedTogether.contains(unit.id())) {
					hint = "CHANGED_TOGETHER";
				}
				candidates.add(new Candidate(unit, hint));
			}
			return sortHintsFirst(candidates);
		}
		// a commune of 30/6/2025 no row of the 2025 mapping matches: the new communes
		// that
		// received the other communes of its district
		List<UnitRef> units = jdbc.sql("""
				select distinct on (v.unit_id) v.* from lineage_event e
				join lineage_link s on s.event_id = e.id and s.role in ('STARTED', 'CONTINUED')
				join lineage_link o on o.event_id = e.id and o.role in ('ENDED', 'CONTINUED')
				join unit_version ov on ov.unit_id = o.unit_id and ov.valid_to = :last and ov.parent_id = :district
				join unit_version v on v.unit_id = s.unit_id and v.valid_from = :reform
				where e.effective_date = :reform and e.kind <> 'ABOLISH_LEVEL'
				order by v.unit_id""")
			.param("last", REFORM_DATE.minusDays(1))
			.param("reform", REFORM_DATE)
			.param("district", ended.parentId())
			.query(UnitQueries.REF)
			.list();
		Map<String, Integer> named = new LinkedHashMap<>();
		jdbc.sql("select new_code, source_id from reform_mapping_row where old_code = :code and new_code is not null")
			.param("code", Objects.toString(ended.code(), ""))
			.query((rs, n) -> named.put(rs.getString(1), rs.getInt(2)))
			.list();
		List<Candidate> candidates = new ArrayList<>();
		for (UnitRef unit : units.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
			Integer row = named.get(unit.code());
			candidates.add(new Candidate(unit, row == null ? null : "MAPPING_ROW", row));
		}
		return sortHintsFirst(candidates);
	}

	private static List<Candidate> sortHintsFirst(List<Candidate> candidates) {
		List<Candidate> sorted = new ArrayList<>(candidates.stream().filter(c -> c.hint() != null).toList());
		sorted.addAll(candidates.stream().filter(c -> c.hint() == null).toList());
		return sorted;
	}

	private static boolean sameName(String a, String b) {
		return VnText.searchKey(a).equals(VnText.searchKey(b));
	}

	void resolve(long issueId, long receiverId, @Nullable String note, String actor) {
		IssueRow issue = issue(issueId, true);
		if (issue.resolved()) {
			throw new BusinessRuleException("reform.resolve.done");
		}
		Candidate receiver = candidates(issueId).stream()
			.filter(c -> c.unit().id() == receiverId)
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("reform.resolve.notCandidate"));
		UnitRef ended = lastVersion(issue.unitId());
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		long eventId;
		String kindBefore;
		if (issue.eventId() != null) {
			eventId = issue.eventId();
			kindBefore = kind(eventId);
			jdbc.sql("insert into lineage_link (event_id, unit_id, role) values (:event, :unit, 'CONTINUED')")
				.param("event", eventId)
				.param("unit", receiverId)
				.update();
		}
		else {
			Long found = jdbc.sql("""
					select e.id from lineage_event e join lineage_link l on l.event_id = e.id
					where l.unit_id = :unit and l.role in ('STARTED', 'CONTINUED') and e.effective_date = :reform
					  and e.kind <> 'ABOLISH_LEVEL'
					order by e.id limit 1""")
				.param("unit", receiverId)
				.param("reform", REFORM_DATE)
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new BusinessRuleException("reform.resolve.notCandidate"));
			eventId = found;
			kindBefore = kind(eventId);
			jdbc.sql("insert into lineage_link (event_id, unit_id, role) values (:event, :unit, 'ENDED')")
				.param("event", eventId)
				.param("unit", issue.unitId())
				.update();
		}
		// a unit that took in another is a merger, whatever else changed with it
		jdbc.sql(
				"update lineage_event set kind = 'MERGE' where id = :id and kind in ('RENAME', 'RETYPE', 'RECODE', 'REPARENT', 'ESTABLISH')")
			.param("id", eventId)
			.update();
		String resolution = "Đơn vị tiếp nhận: %s (mã %s), xác định bởi %s ngày %s%s".formatted(
				receiver.unit().fullName(), receiver.unit().code(), actor, VnFormat.date(VnFormat.today()),
				cleanNote == null ? "" : "; " + cleanNote);
		jdbc.sql("""
				update lineage_event set note = case when note is null or note = :unknown then :resolution
				    else note || ' ' || :resolution end where id = :id""")
			.param("unknown", "Chưa rõ đơn vị tiếp nhận")
			.param("resolution", resolution)
			.param("id", eventId)
			.update();
		jdbc.sql("""
				update unit_data_issue set resolved_at = now(), resolved_by = :actor, resolution = :resolution
				where id = :id""").param("actor", actor).param("resolution", resolution).param("id", issueId).update();
		jdbc.sql("""
				update unit set row_version = row_version + 1, updated_at = now(), updated_by = :actor
				where id in (:ids)""").param("actor", actor).param("ids", List.of(issue.unitId(), receiverId)).update();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("issue", issue.message());
		before.put("event", eventId);
		before.put("kind", kindBefore);
		before.put("receiver", null);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("event", eventId);
		after.put("kind", kind(eventId));
		after.put("receiver", Map.of("id", receiverId, "code", Objects.toString(receiver.unit().code(), ""), "name",
				receiver.unit().fullName()));
		after.put("note", cleanNote);
		audit.record(new AuditRecord("RESOLVE_RECEIVER", "unit", String.valueOf(issue.unitId()), ended.fullName(),
				"Xác định đơn vị tiếp nhận %s: %s".formatted(ended.fullName(), receiver.unit().fullName()), before,
				after));
	}

	private String kind(long eventId) {
		return jdbc.sql("select kind from lineage_event where id = :id")
			.param("id", eventId)
			.query(String.class)
			.single();
	}

}
