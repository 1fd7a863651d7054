package vn.ntm.orgunit.internal.national;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
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
		Copy units = new Copy("unit (id, updated_by, updated_at)");
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
		for (PlannedUnit unit : plan.units) {
			units.row(ids[unit.key], actor, now);
		}
		Copy versions = new Copy(
				"unit_version (unit_id, code, name, unit_type, level, parent_id, valid_from, valid_to, search_key, note)");
		for (PlannedUnit unit : plan.units) {
			for (PlannedVersion v : unit.versions) {
				versions.row(ids[unit.key], v.code(), v.name(), v.type().name(), v.type().level(),
						v.parentKey() == null ? null : ids[v.parentKey()], v.from(), v.to(),
						VnText.searchKey(v.fullName() + (v.code() == null ? "" : " " + v.code())), v.note());
			}
		}
		copy(units);
		copy(versions);
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
				insert into lineage_event (id, kind, effective_date, effective_after, legal_basis, note, source,
				    created_by) values (?, ?, ?, ?, ?, ?, ?, ?)
				""", events, (ps, row) -> {
			PlannedEvent e = (PlannedEvent) row[1];
			ps.setLong(1, (Long) row[0]);
			ps.setString(2, e.kind().name());
			setDate(ps, 3, e.date());
			setDate(ps, 4, e.after());
			ps.setString(5, e.basis());
			ps.setString(6, e.note());
			ps.setString(7, e.source());
			ps.setString(8, actor);
		});
		Copy linkRows = new Copy("lineage_link (event_id, unit_id, role)");
		links.forEach(linkRows::row);
		copy(linkRows);
		batch("insert into unit_data_issue (unit_id, kind, message, source, event_id) values (?, ?, ?, ?, ?)",
				plan.issues, (ps, issue) -> {
					ps.setLong(1, ids[issue.unitKey()]);
					ps.setString(2, issue.kind());
					ps.setString(3, issue.message());
					ps.setString(4, issue.source());
					setLong(ps, 5, issue.eventIndex() == null ? null : eventIds[issue.eventIndex()]);
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
				    new_code, new_name, new_province_name, source_created_at, old_unit_id, new_unit_id, status, remark,
				    cause) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
		ps.setString(14, m.cause());
	}

	/** Rows for PostgreSQL's COPY, in its text format. */
	static final class Copy {

		final String target;

		final StringBuilder text = new StringBuilder(1 << 16);

		Copy(String target) {
			this.target = target;
		}

		void row(@Nullable Object... cells) {
			for (int i = 0; i < cells.length; i++) {
				if (i > 0) {
					text.append('\t');
				}
				Object cell = cells[i];
				if (cell == null) {
					text.append("\\N");
				}
				else {
					String value = cell.toString();
					for (int c = 0; c < value.length(); c++) {
						char ch = value.charAt(c);
						switch (ch) {
							case '\\' -> text.append("\\\\");
							case '\t' -> text.append("\\t");
							case '\n' -> text.append("\\n");
							case '\r' -> text.append("\\r");
							default -> text.append(ch);
						}
					}
				}
			}
			text.append('\n');
		}

	}

	private void copy(Copy rows) {
		jdbc.execute((java.sql.Connection connection) -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + rows.target + " from stdin", new java.io.StringReader(rows.text.toString()));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
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
