package vn.ntm.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditQuery;
import vn.ntm.audit.AuditRecord;
import vn.ntm.shared.PageResult;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class JdbcAuditLog implements AuditLog {

	static final String SYSTEM_ACTOR = "hệ thống";

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcAuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditRecord record) {
		// a change made while a reading request runs: what it kept of its reads is stale
		vn.ntm.shared.RequestMemo.forget();
		String actor = currentActor();
		String beforeJson = toJson(record.before());
		String afterJson = toJson(record.after());
		jdbc.sql("""
				insert into audit_event (actor, action, entity_type, entity_id, entity_label, summary,
				    before_state, after_state, client_ip, search_text)
				values (:actor, :action, :entityType, :entityId, :label, :summary,
				    cast(:before as jsonb), cast(:after as jsonb), :ip, :search)
				""")
			.param("actor", actor)
			.param("action", record.action())
			.param("entityType", record.entityType())
			.param("entityId", record.entityId())
			.param("label", record.entityLabel())
			.param("summary", record.summary())
			.param("before", beforeJson)
			.param("after", afterJson)
			.param("ip", clientIp())
			.param("search", VnText.searchKey(record.entityLabel() + " " + record.summary() + " " + actor))
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEntry> historyOf(String entityType, String entityId, int limit) {
		return jdbc.sql("""
				select * from audit_event where entity_type = :type and entity_id = :id
				order by occurred_at desc, id desc limit :limit
				""").param("type", entityType).param("id", entityId).param("limit", limit).query(this::map).list();
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<AuditEntry> search(AuditQuery query, int page, int size) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (hasText(query.text())) {
			where.append(" and search_text like :text escape '\\'");
			params.put("text", "%" + VnText.likeEscape(VnText.searchKey(query.text())) + "%");
		}
		if (hasText(query.actor())) {
			where.append(" and lower(actor) = lower(:actor)");
			params.put("actor", query.actor().trim());
		}
		if (hasText(query.entityType())) {
			where.append(" and entity_type = :entityType");
			params.put("entityType", query.entityType());
		}
		if (hasText(query.entityId())) {
			where.append(" and entity_id = :entityId");
			params.put("entityId", query.entityId().trim());
		}
		if (hasText(query.action())) {
			where.append(" and action = :action");
			params.put("action", query.action());
		}
		if (query.from() != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", Timestamp.from(query.from().atStartOfDay(VnFormat.ZONE).toInstant()));
		}
		if (query.to() != null) {
			where.append(" and occurred_at < :to");
			params.put("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(VnFormat.ZONE).toInstant()));
		}
		long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
		List<AuditEntry> items = jdbc
			.sql("select * from audit_event" + where
					+ " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
		return new PageResult<>(items, page, size, total);
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private AuditEntry map(ResultSet rs, int row) throws SQLException {
		String before = rs.getString("before_state");
		String after = rs.getString("after_state");
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
				rs.getString("entity_label"), rs.getString("summary"), before, after, rs.getString("client_ip"),
				toMap(before), toMap(after));
	}

	private Map<String, Object> toMap(@Nullable String jsonText) {
		if (jsonText == null) {
			return Map.of();
		}
		Map<String, Object> map = json.readValue(jsonText, MAP);
		return map == null ? Map.of() : map;
	}

	private @Nullable String toJson(@Nullable Object value) {
		return value == null ? null : json.writeValueAsString(value);
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
				|| "anonymousUser".equals(authentication.getName())) {
			return SYSTEM_ACTOR;
		}
		return authentication.getName();
	}

	private static @Nullable String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
