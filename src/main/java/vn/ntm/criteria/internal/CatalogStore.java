package vn.ntm.criteria.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetDocument.CriterionDoc;
import vn.ntm.criteria.SetDocument.IndicatorDoc;
import vn.ntm.criteria.SetDocument.RequirementDoc;
import vn.ntm.criteria.SetSummary;
import vn.ntm.shared.RequestMemo;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;

/**
 * Reads and writes criteria sets with plain SQL. A set's structure (groups, criteria,
 * indicators, requirements) is written as a whole: a draft is replaced, a published
 * version is never touched again.
 */
@Component
class CatalogStore {

	private static final TypeReference<List<SetDocument.ThresholdRuleDoc>> RULES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CatalogStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The resolved owner of a provincial set. */
	record Owner(long unitId, String name) {
	}

	/** A set version's row without its structure. */
	record SetRow(long id, String code, int version, String status, @Nullable Long refinesId,
			@Nullable Long supersedesId, @Nullable Long ownerUnitId, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, int rowVersion, @Nullable String updatedBy, @Nullable Instant updatedAt,
			String createdBy, Instant createdAt) {

		boolean isDraft() {
			return "DRAFT".equals(status);
		}

		boolean isPublished() {
			return "PUBLISHED".equals(status);
		}

	}

	long insert(SetDocument doc, int version, String status, @Nullable Owner owner, @Nullable Long refinesId,
			@Nullable Long supersedesId, String actor, Instant at) {
		long id = jdbc.sql("""
				insert into criteria_set (code, version, name, name_en, title_code, unit_level, unit_types, valid_from,
				    valid_to, decision_number, decision_date, issuer, legal_basis, owner_code, owner_at, owner_unit_id,
				    owner_name, refines_id, supersedes_id, threshold_scheme, threshold_rules, prerequisites, revocation,
				    source_status, sources, note, status, created_at, created_by)
				values (:code, :version, :name, :nameEn, :title, :level, :types, :from, :to, :decision, :decisionDate,
				    :issuer, :legalBasis, :ownerCode, :ownerAt, :ownerId, :ownerName, :refines, :supersedes, :scheme,
				    cast(:rules as jsonb), :prerequisites, cast(:revocation as jsonb), :sourceStatus, :sources, :note,
				    :status, :at, :by)
				returning id
				""")
			.params(setParams(doc, owner))
			.param("code", doc.code())
			.param("version", version)
			.param("refines", refinesId)
			.param("supersedes", supersedesId)
			.param("status", status)
			.param("at", Timestamp.from(at))
			.param("by", actor)
			.query(Long.class)
			.single();
		insertContent(id, doc);
		return id;
	}

	/**
	 * Rewrites a draft: its fields and its whole structure, if nobody saved it since
	 * {@code expectedVersion}.
	 */
	void replaceDraft(long id, SetDocument doc, @Nullable Owner owner, @Nullable Long refinesId, int expectedVersion,
			String actor, Instant at) {
		int updated = jdbc.sql("""
				update criteria_set set name = :name, name_en = :nameEn, title_code = :title, unit_level = :level,
				    unit_types = :types, valid_from = :from, valid_to = :to, decision_number = :decision,
				    decision_date = :decisionDate, issuer = :issuer, legal_basis = :legalBasis, owner_code = :ownerCode,
				    owner_at = :ownerAt, owner_unit_id = :ownerId, owner_name = :ownerName, refines_id = :refines,
				    threshold_scheme = :scheme, threshold_rules = cast(:rules as jsonb), prerequisites = :prerequisites,
				    revocation = cast(:revocation as jsonb), source_status = :sourceStatus, sources = :sources,
				    note = :note, updated_at = :at, updated_by = :by, row_version = row_version + 1
				where id = :id and status = 'DRAFT' and row_version = :expected
				""")
			.params(setParams(doc, owner))
			.param("refines", refinesId)
			.param("at", Timestamp.from(at))
			.param("by", actor)
			.param("id", id)
			.param("expected", expectedVersion)
			.update();
		if (updated == 0) {
			throw conflict(id);
		}
		jdbc.sql("delete from criterion where set_id = :id").param("id", id).update();
		jdbc.sql("delete from criteria_group where set_id = :id").param("id", id).update();
		insertContent(id, doc);
	}

	/**
	 * Changes the status (and what goes with it), if nobody saved the set since
	 * {@code expectedVersion}.
	 */
	void changeStatus(long id, String status, int expectedVersion, String actor, Instant at, @Nullable String reason) {
		String stamp = switch (status) {
			case "PUBLISHED" -> ", published_at = :at, published_by = :by";
			case "RETIRED" -> ", retired_at = :at, retired_by = :by, retire_reason = :reason";
			default -> "";
		};
		int updated = jdbc.sql(
				"update criteria_set set status = :status, updated_at = :at, updated_by = :by, row_version = row_version + 1"
						+ stamp + " where id = :id and row_version = :expected")
			.param("status", status)
			.param("at", Timestamp.from(at))
			.param("by", actor)
			.param("reason", reason)
			.param("id", id)
			.param("expected", expectedVersion)
			.update();
		if (updated == 0) {
			throw conflict(id);
		}
	}

	/** Ends a published version the day before a later version starts. */
	void endBefore(long id, LocalDate lastDay, String actor, Instant at) {
		jdbc.sql(
				"""
						update criteria_set set valid_to = :last, updated_at = :at, updated_by = :by, row_version = row_version + 1
						where id = :id
						""")
			.param("last", lastDay)
			.param("at", Timestamp.from(at))
			.param("by", actor)
			.param("id", id)
			.update();
	}

	private Map<String, Object> setParams(SetDocument doc, @Nullable Owner owner) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", doc.name());
		params.put("nameEn", doc.nameEn());
		params.put("title", doc.title());
		params.put("level", doc.unitLevel());
		params.put("types", textArray(doc.unitTypes()));
		params.put("from", doc.validFrom());
		params.put("to", doc.validTo());
		params.put("decision", doc.decision() == null ? null : doc.decision().number());
		params.put("decisionDate", doc.decision() == null ? null : doc.decision().date());
		params.put("issuer", doc.decision() == null ? null : doc.decision().issuer());
		params.put("legalBasis", doc.legalBasis());
		params.put("ownerCode", doc.owner() == null ? null : doc.owner().code());
		params.put("ownerAt", doc.owner() == null ? null : doc.owner().at());
		params.put("ownerId", owner == null ? null : owner.unitId());
		params.put("ownerName", owner == null ? null : owner.name());
		params.put("scheme", doc.thresholdScheme());
		params.put("rules", json.writeValueAsString(doc.thresholdRules() == null ? List.of() : doc.thresholdRules()));
		params.put("prerequisites", textArray(doc.prerequisites()));
		params.put("revocation", doc.revocation() == null ? null : json.writeValueAsString(doc.revocation()));
		params.put("sourceStatus", doc.sourceStatus());
		params.put("sources", textArray(doc.sources()));
		params.put("note", doc.note());
		return params;
	}

	private void insertContent(long setId, SetDocument doc) {
		int order = 0;
		for (SetDocument.GroupDoc group : list(doc.groups())) {
			jdbc.sql("insert into criteria_group (set_id, code, name, sort_order) values (:set, :code, :name, :order)")
				.param("set", setId)
				.param("code", group.code())
				.param("name", group.name())
				.param("order", order++)
				.update();
		}
		int criterionOrder = 0;
		for (CriterionDoc criterion : list(doc.criteria())) {
			long criterionId = jdbc.sql("""
					insert into criterion (set_id, number, sort_order, kind, name, name_status, group_code, agency,
					    met_rule, critical, retired, source, note)
					values (:set, :number, :order, :kind, :name, :nameStatus, :group, :agency, cast(:rule as jsonb),
					    :critical, :retired, :source, :note)
					returning id
					""")
				.param("set", setId)
				.param("number", criterion.number())
				.param("order", criterionOrder++)
				.param("kind", criterion.kind() == null ? "CRITERION" : criterion.kind())
				.param("name", criterion.name())
				.param("nameStatus", criterion.nameStatus())
				.param("group", criterion.group())
				.param("agency", criterion.agency())
				.param("rule",
						json.writeValueAsString(criterion.rule() == null ? new SetDocument.RuleDoc("ALL", null, null)
								: criterion.rule()))
				.param("critical", criterion.critical())
				.param("retired", criterion.retired())
				.param("source", criterion.source())
				.param("note", criterion.note())
				.query(Long.class)
				.single();
			int indicatorOrder = 0;
			for (IndicatorDoc indicator : list(criterion.indicators())) {
				long indicatorId = jdbc.sql("""
						insert into indicator (set_id, criterion_id, code, sort_order, name, name_status, value_type,
						    unit, input, value_from, max_points, max_value, choices, source, note)
						values (:set, :criterion, :code, :order, :name, :nameStatus, :type, :unit, :input,
						    cast(:valueFrom as jsonb), :maxPoints, :maxValue, :choices, :source, :note)
						returning id
						""")
					.param("set", setId)
					.param("criterion", criterionId)
					.param("code", indicator.code())
					.param("order", indicatorOrder++)
					.param("name", indicator.name())
					.param("nameStatus", indicator.nameStatus())
					.param("type", indicator.type())
					.param("unit", indicator.unit())
					.param("input", Boolean.TRUE.equals(indicator.input()))
					.param("valueFrom",
							json.writeValueAsString(indicator.valueFrom() == null
									? new SetDocument.ValueFromDoc("ENTERED", null, null, null, null, null, null, null)
									: indicator.valueFrom()))
					.param("maxPoints", indicator.maxPoints())
					.param("maxValue", indicator.maxValue())
					.param("choices", textArray(indicator.choices()))
					.param("source", indicator.source())
					.param("note", indicator.note())
					.query(Long.class)
					.single();
				for (RequirementDoc requirement : list(indicator.requirements())) {
					jdbc.sql("""
							insert into indicator_requirement (indicator_id, class_value, op, value, value_set, text,
							    printed, note, source)
							values (:indicator, :class, :op, :value, :values, :text, :printed, :note, :source)
							""")
						.param("indicator", indicatorId)
						.param("class",
								requirement.forClass() == null || requirement.forClass().isBlank() ? "*"
										: requirement.forClass())
						.param("op", requirement.op())
						.param("value", requirement.value())
						.param("values", requirement.values() == null ? null : textArray(requirement.values()))
						.param("text", requirement.text())
						.param("printed", requirement.printed())
						.param("note", requirement.note())
						.param("source", requirement.source())
						.update();
				}
			}
		}
	}

	Optional<SetRow> row(long id) {
		return jdbc.sql("""
				select id, code, version, status, refines_id, supersedes_id, owner_unit_id, valid_from, valid_to,
				       row_version, updated_by, updated_at, created_by, created_at
				from criteria_set where id = :id
				""").param("id", id).query((rs, n) -> setRow(rs)).optional();
	}

	SetRow requireRow(long id) {
		return row(id).orElseThrow(() -> new NotFoundException("catalog.set.notFound", id));
	}

	List<SetRow> versions(String code) {
		return jdbc.sql("""
				select id, code, version, status, refines_id, supersedes_id, owner_unit_id, valid_from, valid_to,
				       row_version, updated_by, updated_at, created_by, created_at
				from criteria_set where code = :code order by version
				""").param("code", code).query((rs, n) -> setRow(rs)).list();
	}

	int nextVersion(String code) {
		return jdbc.sql("select coalesce(max(version), 0) + 1 from criteria_set where code = :code")
			.param("code", code)
			.query(Integer.class)
			.single();
	}

	Optional<Long> idOf(String code, int version) {
		return jdbc.sql("select id from criteria_set where code = :code and version = :version")
			.param("code", code)
			.param("version", version)
			.query(Long.class)
			.optional();
	}

	/** The published version of a set code in force at a date. */
	Optional<Long> publishedAt(String code, LocalDate at) {
		return jdbc.sql("""
				select id from criteria_set where code = :code and status = 'PUBLISHED'
				and (valid_from is null or valid_from <= :at) and (valid_to is null or valid_to >= :at)
				""").param("code", code).param("at", at).query(Long.class).optional();
	}

	private static SetRow setRow(ResultSet rs) throws SQLException {
		Timestamp updated = rs.getTimestamp("updated_at");
		return new SetRow(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("status"),
				(Long) rs.getObject("refines_id"), (Long) rs.getObject("supersedes_id"),
				(Long) rs.getObject("owner_unit_id"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getInt("row_version"), rs.getString("updated_by"),
				updated == null ? null : updated.toInstant(), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static final String SUMMARY = """
			select s.*, t.name as title_name, r.code as refines_code, r.version as refines_version,
			  (select count(*) from criterion c where c.set_id = s.id and c.kind = 'CRITERION' and not c.retired) as criteria_count,
			  (select count(*) from criterion c where c.set_id = s.id and c.kind = 'CONDITION' and not c.retired) as condition_count,
			  (select count(*) from indicator i where i.set_id = s.id) as indicator_count,
			  (select count(*) from indicator i where i.set_id = s.id and not i.input
			     and not exists (select 1 from indicator_requirement q where q.indicator_id = i.id)) as without_threshold
			from criteria_set s
			left join title t on t.code = s.title_code
			left join criteria_set r on r.id = s.refines_id
			""";

	List<SetSummary> summaries() {
		return RequestMemo.get("memo:catalog.summaries", "", () -> {
			return jdbc.sql(SUMMARY + " order by s.valid_from desc nulls last, s.unit_level, s.code, s.version")
				.query((rs, n) -> summary(rs))
				.list();
		});
	}

	Optional<SetSummary> summary(long id) {
		return RequestMemo.get("memo:catalog.summary", id, () -> {
			return jdbc.sql(SUMMARY + " where s.id = :id").param("id", id).query((rs, n) -> summary(rs)).optional();
		});
	}

	private static SetSummary summary(ResultSet rs) throws SQLException {
		Timestamp updated = rs.getTimestamp("updated_at");
		String refines = rs.getString("refines_code") == null ? null
				: rs.getString("refines_code") + " v" + rs.getInt("refines_version");
		return new SetSummary(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
				rs.getString("title_code"), rs.getString("title_name"), rs.getInt("unit_level"),
				texts(rs.getArray("unit_types")), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getString("decision_number"),
				rs.getObject("decision_date", LocalDate.class), rs.getString("issuer"),
				(Long) rs.getObject("owner_unit_id"), rs.getString("owner_name"), (Long) rs.getObject("refines_id"),
				refines, (Long) rs.getObject("supersedes_id"), rs.getString("status"), rs.getString("source_status"),
				rs.getInt("criteria_count"), rs.getInt("condition_count"), rs.getInt("indicator_count"),
				rs.getInt("without_threshold"), rs.getInt("row_version"), rs.getString("updated_by"),
				updated == null ? null : updated.toInstant(), rs.getString("retire_reason"));
	}

	/** The whole set as a document (the format of files and of the API). */
	SetDocument document(long id) {
		Map<String, Object> set = jdbc.sql("""
				select s.*, r.code as refines_code, r.version as refines_version from criteria_set s
				left join criteria_set r on r.id = s.refines_id where s.id = :id
				""").param("id", id).query((rs, n) -> {
			Map<String, Object> row = new HashMap<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				Object value = rs.getObject(i);
				if (value instanceof Array array) {
					value = texts(array);
				}
				row.put(rs.getMetaData().getColumnLabel(i), value);
			}
			return row;
		}).optional().orElseThrow(() -> new NotFoundException("catalog.set.notFound", id));
		List<SetDocument.GroupDoc> groups = jdbc
			.sql("select code, name from criteria_group where set_id = :id order by sort_order")
			.param("id", id)
			.query((rs, n) -> new SetDocument.GroupDoc(rs.getString(1), rs.getString(2)))
			.list();
		Map<Long, List<RequirementDoc>> requirements = new HashMap<>();
		jdbc.sql(
				"""
						select q.* from indicator_requirement q join indicator i on i.id = q.indicator_id
						where i.set_id = :id order by q.indicator_id, case when q.class_value = '*' then 0 else 1 end, q.class_value
						""")
			.param("id", id)
			.query((rs, n) -> {
				requirements.computeIfAbsent(rs.getLong("indicator_id"), k -> new ArrayList<>())
					.add(new RequirementDoc(rs.getString("class_value"), rs.getString("op"), rs.getString("value"),
							rs.getArray("value_set") == null ? null : texts(rs.getArray("value_set")),
							rs.getString("text"), rs.getString("printed"), rs.getString("note"),
							rs.getString("source")));
				return null;
			})
			.list();
		Map<Long, List<IndicatorDoc>> indicators = new LinkedHashMap<>();
		jdbc.sql("select * from indicator where set_id = :id order by criterion_id, sort_order")
			.param("id", id)
			.query((rs, n) -> {
				SetDocument.ValueFromDoc from = json.readValue(rs.getString("value_from"),
						SetDocument.ValueFromDoc.class);
				indicators.computeIfAbsent(rs.getLong("criterion_id"), k -> new ArrayList<>())
					.add(new IndicatorDoc(rs.getString("code"), rs.getString("name"), rs.getString("name_status"),
							rs.getString("value_type"), rs.getString("unit"), rs.getBoolean("input") ? true : null,
							"ENTERED".equals(from.kind()) ? null : from,
							requirements.getOrDefault(rs.getLong("id"), List.of()), rs.getString("max_points"),
							rs.getString("max_value"), texts(rs.getArray("choices")), rs.getString("source"),
							rs.getString("note")));
				return null;
			})
			.list();
		List<CriterionDoc> criteria = jdbc.sql("select * from criterion where set_id = :id order by sort_order")
			.param("id", id)
			.query((rs, n) -> {
				SetDocument.RuleDoc rule = json.readValue(rs.getString("met_rule"), SetDocument.RuleDoc.class);
				return new CriterionDoc(rs.getString("number"),
						"CRITERION".equals(rs.getString("kind")) ? null : rs.getString("kind"), rs.getString("name"),
						rs.getString("name_status"), rs.getString("group_code"), rs.getString("agency"),
						"ALL".equals(rule.kind()) ? null : rule, rs.getBoolean("critical"), rs.getBoolean("retired"),
						rs.getString("source"), rs.getString("note"),
						indicators.getOrDefault(rs.getLong("id"), List.of()));
			})
			.list();
		String rules = (String) String.valueOf(set.get("threshold_rules"));
		String revocation = set.get("revocation") == null ? null : String.valueOf(set.get("revocation"));
		SetDocument.Decision decision = set.get("decision_number") == null ? null : new SetDocument.Decision(
				(String) set.get("decision_number"), localDate(set.get("decision_date")), (String) set.get("issuer"));
		SetDocument.Owner owner = set.get("owner_code") == null ? null
				: new SetDocument.Owner((String) set.get("owner_code"), localDate(set.get("owner_at")));
		SetDocument.SetRef refines = set.get("refines_code") == null ? null
				: new SetDocument.SetRef((String) set.get("refines_code"), (Integer) set.get("refines_version"));
		return new SetDocument((String) set.get("code"), (Integer) set.get("version"), (String) set.get("name"),
				(String) set.get("name_en"), (String) set.get("title_code"),
				((Number) set.get("unit_level")).intValue(), strings(set.get("unit_types")),
				localDate(set.get("valid_from")), localDate(set.get("valid_to")), decision,
				(String) set.get("legal_basis"), owner, refines, (String) set.get("threshold_scheme"),
				json.readValue(rules, RULES), strings(set.get("prerequisites")),
				revocation == null ? null : json.readValue(revocation, SetDocument.RevocationDoc.class),
				(String) set.get("source_status"), strings(set.get("sources")), (String) set.get("note"),
				(String) set.get("status"), groups, criteria);
	}

	private static @Nullable LocalDate localDate(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate();
		}
		return (LocalDate) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(@Nullable Object value) {
		return value == null ? List.of() : (List<String>) value;
	}

	private static List<String> texts(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.asList((String[]) array.getArray());
	}

	private static String[] textArray(@Nullable List<String> values) {
		return values == null ? new String[0] : values.toArray(String[]::new);
	}

	private ConcurrentChangeException conflict(long id) {
		SetRow row = requireRow(id);
		return new ConcurrentChangeException(row.code() + " v" + row.version(),
				row.updatedBy() == null ? row.createdBy() : row.updatedBy(),
				row.updatedAt() == null ? row.createdAt() : row.updatedAt());
	}

	private static <T> List<T> list(@Nullable List<T> list) {
		return list == null ? List.of() : list;
	}

}
