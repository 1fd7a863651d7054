package vn.ntm.orgunit.internal.national;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.orgunit.internal.national.ReformPlan.PlannedEvent;
import vn.ntm.orgunit.internal.national.ReformPlan.PlannedLink;
import vn.ntm.orgunit.internal.national.ReformPlan.PlannedMappingRow;
import vn.ntm.orgunit.internal.national.ReformPlan.PlannedUnit;
import vn.ntm.orgunit.internal.national.ReformPlan.PlannedVersion;
import vn.ntm.shared.VnText;

/**
 * Stores a {@link ReformPlan} with batched inserts (about 60,000 rows). Must run inside a
 * transaction: the country is loaded completely or not at all.
 */
@Component
class NationalUnitWriter {

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	NationalUnitWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void write(ReformPlan plan, String actor) {
		long[] ids = reserve("unit", plan.units.size());
		batch("insert into unit (id, updated_by, updated_at) values (?, ?, now())", plan.units, (ps, unit) -> {
			ps.setLong(1, ids[unit.key]);
			ps.setString(2, actor);
		});
		List<Object[]> versions = new ArrayList<>();
		for (PlannedUnit unit : plan.units) {
			for (PlannedVersion v : unit.versions) {
				versions.add(new Object[] { ids[unit.key], v });
			}
		}
		batch("""
				insert into unit_version (unit_id, code, name, unit_type, level, parent_id, valid_from, valid_to,
				    search_key, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", versions, (ps, row) -> {
			PlannedVersion v = (PlannedVersion) row[1];
			ps.setLong(1, (Long) row[0]);
			ps.setString(2, v.code());
			ps.setString(3, v.name());
			ps.setString(4, v.type().name());
			ps.setInt(5, v.type().level());
			setLong(ps, 6, v.parentKey() == null ? null : ids[v.parentKey()]);
			setDate(ps, 7, v.from());
			setDate(ps, 8, v.to());
			ps.setString(9, VnText.searchKey(v.fullName() + (v.code() == null ? "" : " " + v.code())));
			ps.setString(10, v.note());
		});
		long[] eventIds = reserve("lineage_event", plan.events.size());
		List<Object[]> events = new ArrayList<>();
		List<Object[]> links = new ArrayList<>();
		for (int i = 0; i < plan.events.size(); i++) {
			PlannedEvent e = plan.events.get(i);
			events.add(new Object[] { eventIds[i], e });
			for (PlannedLink link : e.links()) {
				links.add(new Object[] { eventIds[i], ids[link.unitKey()], link.role() });
			}
		}
		batch("""
				insert into lineage_event (id, kind, effective_date, legal_basis, note, source, created_by)
				values (?, ?, ?, ?, ?, ?, ?)
				""", events, (ps, row) -> {
			PlannedEvent e = (PlannedEvent) row[1];
			ps.setLong(1, (Long) row[0]);
			ps.setString(2, e.kind().name());
			setDate(ps, 3, e.date());
			ps.setString(4, e.basis());
			ps.setString(5, e.note());
			ps.setString(6, e.source());
			ps.setString(7, actor);
		});
		batch("insert into lineage_link (event_id, unit_id, role) values (?, ?, ?)", links, (ps, row) -> {
			ps.setLong(1, (Long) row[0]);
			ps.setLong(2, (Long) row[1]);
			ps.setString(3, (String) row[2]);
		});
		batch("insert into unit_data_issue (unit_id, kind, message, source) values (?, ?, ?, ?)", plan.issues,
				(ps, issue) -> {
					ps.setLong(1, ids[issue.unitKey()]);
					ps.setString(2, issue.kind());
					ps.setString(3, issue.message());
					ps.setString(4, issue.source());
				});
		batch("""
				insert into unit_classification (unit_id, scheme_code, value_code, source) values (?, ?, ?, ?)
				""", plan.classifications, (ps, c) -> {
			ps.setLong(1, ids[c.unitKey()]);
			ps.setString(2, c.scheme());
			ps.setString(3, c.value());
			ps.setString(4, c.source());
		});
		batch("""
				insert into reform_mapping_row (source_id, old_code, old_name, old_district_name, old_province_name,
				    new_code, new_name, new_province_name, source_created_at, old_unit_id, new_unit_id, status, remark)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", plan.mappingRows, (ps, m) -> writeMappingRow(ps, m, ids));
	}

	private static void writeMappingRow(PreparedStatement ps, PlannedMappingRow m, long[] ids) throws SQLException {
		var r = m.row();
		ps.setInt(1, r.id());
		ps.setString(2, r.oldCode());
		ps.setString(3, r.oldName());
		ps.setString(4, r.oldDistrictName());
		ps.setString(5, r.oldProvinceName());
		ps.setString(6, r.newCode());
		ps.setString(7, r.newName());
		ps.setString(8, r.newProvinceName());
		ps.setString(9, r.createdAt());
		setLong(ps, 10, m.oldKey() == null ? null : ids[m.oldKey()]);
		setLong(ps, 11, m.newKey() == null ? null : ids[m.newKey()]);
		ps.setString(12, m.status());
		ps.setString(13, m.remark());
	}

	private long[] reserve(String table, int count) {
		List<Long> list = jdbc.queryForList(
				"select nextval(pg_get_serial_sequence('" + table + "', 'id')) from generate_series(1, ?)", Long.class,
				count);
		return list.stream().mapToLong(Long::longValue).toArray();
	}

	private <T> void batch(String sql, List<T> rows, Setter<T> setter) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			List<T> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
			jdbc.batchUpdate(sql, chunk, chunk.size(), setter::set);
		}
	}

	private static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.BIGINT);
		}
		else {
			ps.setLong(index, value);
		}
	}

	private static void setDate(PreparedStatement ps, int index, @Nullable LocalDate value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.DATE);
		}
		else {
			ps.setDate(index, Date.valueOf(value));
		}
	}

	@FunctionalInterface
	private interface Setter<T> {

		void set(PreparedStatement ps, T row) throws SQLException;

	}

}
