package vn.ntm.orgunit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.orgunit.DataQuality;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.PageResult;
import vn.ntm.shared.VnText;

@Service
@Transactional(readOnly = true)
class JdbcDataQuality implements DataQuality {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final ReceiverResolution receivers;

	JdbcDataQuality(JdbcClient jdbc, AccessPolicy access, ReceiverResolution receivers) {
		this.jdbc = jdbc;
		this.access = access;
		this.receivers = receivers;
	}

	@Override
	public Map<String, Long> mappingStatusCounts() {
		access.require(Permission.AUDIT_SEARCH);
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select status, count(*) from reform_mapping_row group by status order by status")
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	@Override
	public Map<String, Long> issueCounts() {
		access.require(Permission.AUDIT_SEARCH);
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select kind, count(*) from unit_data_issue where resolved_at is null group by kind order by kind")
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	@Override
	public PageResult<MappingRow> mappingRows(String status, @Nullable String text, int page, int size) {
		access.require(Permission.AUDIT_SEARCH);
		String filter = " where status = :status"
				+ (text == null || text.isBlank() ? "" : " and lower(unaccent_key) like :text escape '\\'");
		String from = """
				 from (select r.*, concat_ws(' ', old_code, old_name, old_district_name, old_province_name, new_code,
				                              new_name, new_province_name) as unaccent_key from reform_mapping_row r) r
				""";
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("status", status);
		if (text != null && !text.isBlank()) {
			params.put("text", "%" + VnText.likeEscape(text.toLowerCase()) + "%");
		}
		long total = jdbc.sql("select count(*)" + from + filter).params(params).query(Long.class).single();
		List<MappingRow> rows = jdbc.sql("select *" + from + filter + " order by source_id limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new MappingRow(rs.getInt("source_id"), rs.getString("old_code"), rs.getString("old_name"),
					rs.getString("old_district_name"), rs.getString("old_province_name"), rs.getString("new_code"),
					rs.getString("new_name"), rs.getString("new_province_name"), (Long) rs.getObject("old_unit_id"),
					(Long) rs.getObject("new_unit_id"), rs.getString("status"), rs.getString("remark"),
					rs.getString("cause")))
			.list();
		return new PageResult<>(rows, page, size, total);
	}

	@Override
	public Map<String, Long> mappingCauseCounts() {
		access.require(Permission.AUDIT_SEARCH);
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select cause, count(*) from reform_mapping_row where cause is not null
				group by cause order by min(case status when 'UNMATCHED' then 0 else 1 end), cause
				""").query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	@Override
	public PageResult<MappingRow> mappingRowsByCause(String cause, @Nullable String text, int page, int size) {
		access.require(Permission.AUDIT_SEARCH);
		boolean filtered = text != null && !text.isBlank();
		String where = " where cause = :cause" + (filtered
				? " and concat_ws(' ', old_code, old_name, old_district_name, old_province_name, new_code, new_name,"
						+ " new_province_name) ilike :text escape '\\'"
				: "");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("cause", cause);
		if (filtered) {
			params.put("text", "%" + VnText.likeEscape(text) + "%");
		}
		long total = jdbc.sql("select count(*) from reform_mapping_row" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<MappingRow> rows = jdbc
			.sql("select * from reform_mapping_row" + where + " order by source_id limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new MappingRow(rs.getInt("source_id"), rs.getString("old_code"), rs.getString("old_name"),
					rs.getString("old_district_name"), rs.getString("old_province_name"), rs.getString("new_code"),
					rs.getString("new_name"), rs.getString("new_province_name"), (Long) rs.getObject("old_unit_id"),
					(Long) rs.getObject("new_unit_id"), rs.getString("status"), rs.getString("remark"),
					rs.getString("cause")))
			.list();
		return new PageResult<>(rows, page, size, total);
	}

	@Override
	public List<Candidate> receiverCandidates(long issueId) {
		access.require(Permission.AUDIT_SEARCH);
		return receivers.candidates(issueId);
	}

	@Override
	@Transactional
	public void resolveReceiver(long issueId, long receiverId, @Nullable String note) {
		access.require(Permission.AUDIT_SEARCH);
		access.require(Permission.UNIT_EDIT);
		receivers.resolve(issueId, receiverId, note, access.current().username());
	}

	@Override
	public PageResult<Issue> issues(@Nullable String kind, @Nullable String text, int page, int size) {
		access.require(Permission.AUDIT_SEARCH);
		StringBuilder where = new StringBuilder(" where i.resolved_at is null");
		Map<String, Object> params = new LinkedHashMap<>();
		if (kind != null && !kind.isBlank()) {
			where.append(" and i.kind = :kind");
			params.put("kind", kind);
		}
		if (text != null && !text.isBlank()) {
			where.append(" and i.message ilike :text escape '\\'");
			params.put("text", "%" + VnText.likeEscape(text) + "%");
		}
		long total = jdbc.sql("select count(*) from unit_data_issue i" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Issue> items = jdbc.sql("""
				select i.*, (select v.name from unit_version v where v.unit_id = i.unit_id
				             order by v.valid_from desc nulls last limit 1) as unit_name
				from unit_data_issue i""" + where + " order by i.kind, i.id limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new Issue(rs.getLong("id"), (Long) rs.getObject("unit_id"), rs.getString("unit_name"),
					rs.getString("kind"), rs.getString("message"), rs.getString("source"),
					ReceiverResolution.RESOLVABLE.contains(rs.getString("kind"))))
			.list();
		return new PageResult<>(items, page, size, total);
	}

}
