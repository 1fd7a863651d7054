package vn.ntm.assessment.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.shared.RequestMemo;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.assessment.ValueInput;
import vn.ntm.criteria.engine.Appraisal;
import vn.ntm.criteria.engine.EvaluationInput;
import vn.ntm.criteria.engine.Numbers;
import vn.ntm.criteria.engine.Value;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;

/**
 * Assessments with plain SQL; the inputs of many assessments are read in three queries.
 */
@Component
class AssessmentStore {

	private final JdbcClient jdbc;

	AssessmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An assessment row. */
	record Row(long id, long unitId, long setId, int year, LocalDate asOf, @Nullable Integer statedMetCount,
			String status, @Nullable String source, @Nullable String note, int valueCount, int claimCount,
			int rowVersion, String createdBy, Instant createdAt, @Nullable String updatedBy,
			@Nullable Instant updatedAt) {
	}

	long insert(long unitId, long setId, int year, LocalDate asOf, @Nullable String source, @Nullable String note,
			String actor, Instant at) {
		return jdbc.sql("""
				insert into assessment (unit_id, set_id, year, as_of, source, note, created_at, created_by)
				values (:unit, :set, :year, :asOf, :source, :note, :at, :by)
				returning id
				""")
			.param("unit", unitId)
			.param("set", setId)
			.param("year", year)
			.param("asOf", asOf)
			.param("source", source)
			.param("note", note)
			.param("at", Timestamp.from(at))
			.param("by", actor)
			.query(Long.class)
			.single();
	}

	private static final String SELECT = """
			select a.*,
			  (select count(*) from assessment_value v where v.assessment_id = a.id) as value_count,
			  (select count(*) from assessment_claim c where c.assessment_id = a.id) as claim_count
			from assessment a
			""";

	Optional<Row> find(long id) {
		return RequestMemo.get("memo:assessment.find", id, () -> {
			return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
		});
	}

	/**
	 * Locks the assessment's row until the transaction ends (no-op if it does not exist).
	 */
	void lock(long id) {
		jdbc.sql("select id from assessment where id = :id for update").param("id", id).query(Long.class).optional();
	}

	/** The latest version in which a value or a criterion result was saved. */
	int lastContentChange(long id) {
		return jdbc.sql("""
				select greatest(coalesce((select max(changed_in) from assessment_value where assessment_id = :id), 0),
				                coalesce((select max(changed_in) from assessment_claim where assessment_id = :id), 0))
				""").param("id", id).query(Integer.class).single();
	}

	Row require(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("assessment.notFound", id));
	}

	Optional<Row> find(long unitId, long setId, int year) {
		return RequestMemo.get("memo:assessment.findOf", java.util.Arrays.asList(unitId, setId, year), () -> {
			return jdbc.sql(SELECT + " where a.unit_id = :unit and a.set_id = :set and a.year = :year")
				.param("unit", unitId)
				.param("set", setId)
				.param("year", year)
				.query((rs, n) -> row(rs))
				.optional();
		});
	}

	List<Row> ofUnit(long unitId) {
		return RequestMemo.get("memo:assessment.ofUnit", unitId, () -> {
			List<Row> rows = jdbc.sql(SELECT + " where a.unit_id = :unit order by a.year desc, a.set_id")
				.param("unit", unitId)
				.query((rs, n) -> row(rs))
				.list();
			// each is then asked for by its id
			rows.forEach(row -> RequestMemo.put("memo:assessment.find", row.id(), Optional.of(row)));
			return rows;
		});
	}

	/**
	 * Marks a change, if nobody saved the assessment since {@code expectedVersion};
	 * {@code what} names it in the refusal.
	 */
	void touch(long id, int expectedVersion, @Nullable Integer statedMetCount, boolean setStated, String what,
			String actor, Instant at) {
		int updated = jdbc.sql("""
				update assessment set updated_at = :at, updated_by = :by, row_version = row_version + 1,
				    stated_met_count = case when :setStated then cast(:stated as int) else stated_met_count end
				where id = :id and row_version = :expected
				""")
			.param("at", Timestamp.from(at))
			.param("by", actor)
			.param("setStated", setStated)
			.param("stated", statedMetCount)
			.param("id", id)
			.param("expected", expectedVersion)
			.update();
		if (updated == 0) {
			throw changedSince(id, expectedVersion, what);
		}
	}

	/**
	 * The refusal of a stale save: who saved last, when, and what was changed after
	 * {@code expectedVersion} (indicators, criterion results, steps of the path).
	 */
	ConcurrentChangeException changedSince(long id, int expectedVersion, String what) {
		Row row = require(id);
		List<String> parts = new java.util.ArrayList<>();
		List<String> codes = jdbc.sql("""
				select indicator_code from assessment_value where assessment_id = :id and changed_in > :v
				order by indicator_code
				""").param("id", id).param("v", expectedVersion).query(String.class).list();
		if (!codes.isEmpty()) {
			parts.add("chỉ tiêu " + String.join(", ", codes));
		}
		List<String> claims = jdbc.sql("""
				select distinct criterion_number from assessment_claim where assessment_id = :id and changed_in > :v
				order by criterion_number
				""").param("id", id).param("v", expectedVersion).query(String.class).list();
		if (!claims.isEmpty()) {
			parts.add("kết quả tiêu chí " + String.join(", ", claims));
		}
		List<String> checked = jdbc.sql("""
				select distinct criterion_number from assessment_step
				where assessment_id = :id and row_version > :v and criterion_number is not null
				order by criterion_number
				""").param("id", id).param("v", expectedVersion).query(String.class).list();
		if (!checked.isEmpty()) {
			parts.add("kiểm tra tiêu chí " + String.join(", ", checked));
		}
		List<String> steps = jdbc.sql("""
				select action from assessment_step
				where assessment_id = :id and row_version > :v and criterion_number is null order by at
				""").param("id", id).param("v", expectedVersion).query(String.class).list();
		if (!steps.isEmpty()) {
			parts.add("trạng thái \"" + AssessmentStatus.valueOf(row.status()).label() + "\"");
		}
		if (parts.isEmpty()) {
			parts.add("thông tin chung của kỳ đánh giá");
		}
		return new AssessmentChangedException(what, row.updatedBy() == null ? row.createdBy() : row.updatedBy(),
				row.updatedAt() == null ? row.createdAt() : row.updatedAt(), String.join("; ", parts));
	}

	void putValue(long id, String code, ValueInput value, int version, String actor, Instant at) {
		String number = value.number() != null ? value.number().toPlainString()
				: value.numerator() != null ? String.valueOf(value.numerator()) : null;
		jdbc.sql("""
				insert into assessment_value (assessment_id, indicator_code, value_num, value_den, value_bool,
				    value_text, verdict, note, source, entered_by, entered_at, changed_in)
				values (:id, :code, :num, :den, :flag, :text, :verdict, :note, :source, :by, :at, :version)
				on conflict (assessment_id, indicator_code) do update set value_num = excluded.value_num,
				    value_den = excluded.value_den, value_bool = excluded.value_bool, value_text = excluded.value_text,
				    verdict = excluded.verdict,
				    note = excluded.note, source = excluded.source, entered_by = excluded.entered_by,
				    entered_at = excluded.entered_at, changed_in = excluded.changed_in
				""")
			.param("version", version)
			.param("id", id)
			.param("code", code)
			.param("num", number)
			.param("den", value.denominator() == null ? null : String.valueOf(value.denominator()))
			.param("flag", value.flag())
			.param("text", value.choice())
			.param("verdict", value.verdict())
			.param("note", value.note())
			.param("source", value.source())
			.param("by", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	void removeValue(long id, String code) {
		jdbc.sql("delete from assessment_value where assessment_id = :id and indicator_code = :code")
			.param("id", id)
			.param("code", code)
			.update();
	}

	void replaceClaims(long id, Collection<String> met, Collection<String> notMet, @Nullable String source, int version,
			String actor, Instant at) {
		jdbc.sql("delete from assessment_claim where assessment_id = :id").param("id", id).update();
		for (String number : new java.util.LinkedHashSet<>(met)) {
			insertClaim(id, number, true, source, version, actor, at);
		}
		for (String number : new java.util.LinkedHashSet<>(notMet)) {
			insertClaim(id, number, false, source, version, actor, at);
		}
	}

	private void insertClaim(long id, String number, boolean met, @Nullable String source, int version, String actor,
			Instant at) {
		jdbc.sql("""
				insert into assessment_claim (assessment_id, criterion_number, met, source, entered_by, entered_at,
				    changed_in)
				values (:id, :number, :met, :source, :by, :at, :version)
				""")
			.param("version", version)
			.param("id", id)
			.param("number", number)
			.param("met", met)
			.param("source", source)
			.param("by", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** What was entered in one assessment, as a map for the audit trail. */
	Map<String, Object> snapshot(long id) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		Row row = require(id);
		snapshot.put("statedMetCount", row.statedMetCount());
		Map<String, Object> values = new LinkedHashMap<>();
		jdbc.sql("select * from assessment_value where assessment_id = :id order by indicator_code")
			.param("id", id)
			.query((rs, n) -> values.put(rs.getString("indicator_code"), display(rs)))
			.list();
		snapshot.put("values", values);
		snapshot.put("met", jdbc.sql(
				"select criterion_number from assessment_claim where assessment_id = :id and met order by criterion_number")
			.param("id", id)
			.query(String.class)
			.list());
		snapshot.put("notMet", jdbc.sql(
				"select criterion_number from assessment_claim where assessment_id = :id and not met order by criterion_number")
			.param("id", id)
			.query(String.class)
			.list());
		return snapshot;
	}

	private static String display(ResultSet rs) throws SQLException {
		Value value = value(rs);
		return value == null ? "" : value.display();
	}

	/** The values of one assessment with their notes and sources, by indicator code. */
	Map<String, ValueInput> values(long id) {
		return RequestMemo.get("memo:assessment.values", id, () -> readValues(id));
	}

	private Map<String, ValueInput> readValues(long id) {
		Map<String, ValueInput> values = new LinkedHashMap<>();
		jdbc.sql("select * from assessment_value where assessment_id = :id order by indicator_code")
			.param("id", id)
			.query((rs, n) -> {
				String number = rs.getString("value_num");
				String denominator = rs.getString("value_den");
				Boolean bool = (Boolean) rs.getObject("value_bool");
				Boolean verdict = (Boolean) rs.getObject("verdict");
				ValueInput value = denominator != null
						? new ValueInput(null, Long.valueOf(number), Long.valueOf(denominator), null, null,
								rs.getString("note"), rs.getString("source"), null)
						: new ValueInput(number == null ? null : new BigDecimal(number), null, null, bool,
								rs.getString("value_text"), rs.getString("note"), rs.getString("source"), verdict);
				return values.put(rs.getString("indicator_code"), value);
			})
			.list();
		return values;
	}

	/** The inputs of one assessment. */
	EvaluationInput input(long id) {
		if (!RequestMemo.active()) {
			return inputs(List.of(id)).getOrDefault(id, EvaluationInput.EMPTY);
		}
		// a page reads the inputs of all the unit's assessments at once (the unit page
		// evaluates its latest six; the entry page this year's and last year's)
		Optional<Row> row = find(id);
		if (row.isEmpty()) {
			return EvaluationInput.EMPTY;
		}
		Map<Long, EvaluationInput> ofUnit = RequestMemo.get("memo:assessment.inputsOfUnit", row.get().unitId(),
				() -> inputs(ofUnit(row.get().unitId()).stream().map(Row::id).toList()));
		return ofUnit.getOrDefault(id, EvaluationInput.EMPTY);
	}

	/** The inputs of many assessments, by assessment id. */
	Map<Long, EvaluationInput> inputs(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Long[] array = ids.toArray(Long[]::new);
		Map<Long, Map<String, Value>> values = new HashMap<>();
		jdbc.sql(
				"select assessment_id, indicator_code, value_num, value_den, value_bool, value_text, verdict, note from assessment_value where assessment_id = any(:ids)")
			.param("ids", array)
			.query((rs, n) -> {
				Value value = value(rs);
				if (value != null) {
					values.computeIfAbsent(rs.getLong("assessment_id"), k -> new HashMap<>())
						.put(rs.getString("indicator_code"), value);
				}
				return null;
			})
			.list();
		Map<Long, Map<String, Set<Boolean>>> claims = new HashMap<>();
		jdbc.sql("select assessment_id, criterion_number, met from assessment_claim where assessment_id = any(:ids)")
			.param("ids", array)
			.query((rs, n) -> claims.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
				.computeIfAbsent(rs.getString(2), k -> new HashSet<>())
				.add(rs.getBoolean(3)))
			.list();
		Map<Long, Integer> stated = new HashMap<>();
		jdbc.sql("select id, stated_met_count from assessment where id = any(:ids) and stated_met_count is not null")
			.param("ids", array)
			.query((rs, n) -> stated.put(rs.getLong(1), rs.getInt(2)))
			.list();
		Map<Long, Map<String, Appraisal>> criterionAppraisals = new HashMap<>();
		Map<Long, Map<String, Appraisal>> indicatorAppraisals = new HashMap<>();
		// the criterion officer's judgement of the criterion, kept with the check
		jdbc.sql("""
				select assessment_id, criterion_number, appraised_met, checked_by, reason from assessment_check
				where assessment_id = any(:ids) and appraised_met is not null
				""")
			.param("ids", array)
			.query((rs, n) -> criterionAppraisals.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
				.merge(rs.getString(2),
						new Appraisal(rs.getBoolean(3), Appraisal.Stage.CHECK, rs.getString(4), rs.getString(5)),
						Appraisal::latest))
			.list();
		jdbc.sql("""
				select assessment_id, target, code, stage, met, appraised_by, reason from assessment_appraisal
				where assessment_id = any(:ids)
				""")
			.param("ids", array)
			.query((rs, n) -> ("CRITERION".equals(rs.getString(2)) ? criterionAppraisals : indicatorAppraisals)
				.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
				.merge(rs.getString(3),
						new Appraisal(rs.getBoolean(5), Appraisal.Stage.valueOf(rs.getString(4)), rs.getString(6),
								rs.getString(7)),
						Appraisal::latest))
			.list();
		Map<Long, EvaluationInput> inputs = new HashMap<>();
		for (Long id : ids) {
			inputs.put(id,
					new EvaluationInput(values.getOrDefault(id, Map.of()), claims.getOrDefault(id, Map.of()),
							stated.get(id), criterionAppraisals.getOrDefault(id, Map.of()),
							indicatorAppraisals.getOrDefault(id, Map.of())));
		}
		return inputs;
	}

	/**
	 * Assessments of a set version and year for the given units: unit id → assessment id.
	 */
	Map<Long, Long> idsFor(long setId, int year, Collection<Long> unitIds) {
		Map<Long, Long> ids = new HashMap<>();
		if (unitIds.isEmpty()) {
			return ids;
		}
		jdbc.sql("select unit_id, id from assessment where set_id = :set and year = :year and unit_id = any(:units)")
			.param("set", setId)
			.param("year", year)
			.param("units", unitIds.toArray(Long[]::new))
			.query((rs, n) -> ids.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return ids;
	}

	private static @Nullable Value value(ResultSet rs) throws SQLException {
		String number = rs.getString("value_num");
		String denominator = rs.getString("value_den");
		if (number != null && denominator != null) {
			return new Value.Fraction(new BigInteger(number), new BigInteger(denominator));
		}
		if (number != null) {
			return new Value.Number(Numbers.of(new BigDecimal(number)));
		}
		boolean flag = rs.getBoolean("value_bool");
		if (!rs.wasNull()) {
			return new Value.Flag(flag);
		}
		boolean verdict = rs.getBoolean("verdict");
		if (!rs.wasNull()) {
			return new Value.Verdict(verdict, rs.getString("note"));
		}
		String text = rs.getString("value_text");
		return text == null ? null : new Value.Choice(text);
	}

	private static Row row(ResultSet rs) throws SQLException {
		Timestamp updated = rs.getTimestamp("updated_at");
		int stated = rs.getInt("stated_met_count");
		Integer statedCount = rs.wasNull() ? null : stated;
		return new Row(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("set_id"), rs.getInt("year"),
				rs.getObject("as_of", LocalDate.class), statedCount, rs.getString("status"), rs.getString("source"),
				rs.getString("note"), rs.getInt("value_count"), rs.getInt("claim_count"), rs.getInt("row_version"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
				updated == null ? null : updated.toInstant());
	}

}
