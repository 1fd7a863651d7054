package vn.ntm.recognition.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.recognition.SatisfactionBar;
import vn.ntm.recognition.SatisfactionSurveys;
import vn.ntm.recognition.SurveyForm;
import vn.ntm.recognition.SurveyView;
import vn.ntm.recognition.SurveyView.QuestionView;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.Permission;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;

@Service
class SurveyService implements SatisfactionSurveys {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final UnitDirectory directory;

	private final UnitManagement units;

	private final AuditLog audit;

	SurveyService(JdbcClient jdbc, AccessPolicy access, UnitDirectory directory, UnitManagement units, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.units = units;
		this.audit = audit;
	}

	@Override
	public Optional<SurveyView> find(long unitId, int year) {
		requireUnit(unitId);
		access.requireRead(unitId);
		return load(List.of(unitId), year).stream().findFirst();
	}

	@Override
	public List<SurveyView> below(long parentId, int year) {
		requireUnit(parentId);
		access.requireRead(parentId);
		List<Long> ids = units.unitsOfYear(parentId, year).stream().map(UnitRef::id).toList();
		Set<Long> readable = access.canReadAll(ids);
		return load(ids.stream().filter(readable::contains).toList(), year);
	}

	@Override
	public Optional<SatisfactionBar> knownBar(long unitId, int year) {
		access.requireRead(unitId);
		LocalDate at = units.lastDayIn(unitId, year);
		return units.find(unitId, at)
			.filter(unit -> unit.type() == UnitType.HUYEN && year >= 2021 && year <= 2025)
			.map(unit -> SatisfactionBar.DISTRICT_NTM_2021_2025);
	}

	@Override
	@Transactional
	public SurveyView record(long unitId, int year, SurveyForm form) {
		requireUnit(unitId);
		access.requireActOn(unitId, Permission.ASSESSMENT_ENTER);
		validate(year, form);
		Optional<SurveyView> before = load(List.of(unitId), year).stream().findFirst();
		String label = directory.label(unitId);
		long id;
		if (before.isEmpty()) {
			if (form.expectedVersion() != null) {
				throw new NotFoundException("recognition.survey.notFound", label, String.valueOf(year));
			}
			id = jdbc.sql("""
					insert into satisfaction_survey (unit_id, year, households, surveyed, satisfied, ballots_issued,
					    ballots_returned, conducted_by, started_on, ended_on, note, changed_by)
					values (:unit, :year, :households, :surveyed, :satisfied, :issued, :returned, :by_whom, :started,
					    :ended, :note, :actor)
					on conflict (unit_id, year) do nothing
					returning id
					""")
				.paramSource(params(unitId, year, form))
				.query(Long.class)
				.optional()
				.orElseThrow(() -> stale(unitId, year, label));
		}
		else {
			if (form.expectedVersion() == null || form.expectedVersion() != before.get().version()) {
				throw new ConcurrentChangeException(label + " " + year, before.get().changedBy(),
						before.get().changedAt());
			}
			id = before.get().id();
			Map<String, Object> params = params(unitId, year, form);
			params.put("id", id);
			params.put("version", form.expectedVersion());
			int updated = jdbc.sql("""
					update satisfaction_survey set households = :households, surveyed = :surveyed,
					    satisfied = :satisfied, ballots_issued = :issued, ballots_returned = :returned,
					    conducted_by = :by_whom, started_on = :started, ended_on = :ended, note = :note,
					    row_version = row_version + 1, changed_at = now(), changed_by = :actor
					where id = :id and row_version = :version
					""").paramSource(params).update();
			if (updated == 0) {
				throw stale(unitId, year, label);
			}
			jdbc.sql("delete from satisfaction_survey_question where survey_id = :id").param("id", id).update();
		}
		List<SurveyForm.Question> questions = form.questions() == null ? List.of() : form.questions();
		for (int i = 0; i < questions.size(); i++) {
			SurveyForm.Question q = questions.get(i);
			jdbc.sql("""
					insert into satisfaction_survey_question (survey_id, position, question, satisfied, asked)
					values (:id, :position, :question, :satisfied, :asked)
					""")
				.param("id", id)
				.param("position", i + 1)
				.param("question", q.question().strip())
				.param("satisfied", q.satisfied())
				.param("asked", q.asked())
				.update();
		}
		SurveyView after = load(List.of(unitId), year).get(0);
		String summary = "Ghi kết quả lấy ý kiến sự hài lòng năm " + year + " của " + label + ": hài lòng "
				+ after.satisfaction().describe() + ", đã lấy ý kiến " + after.coverage().describe() + " hộ";
		audit.record(before.isEmpty()
				? AuditRecord.created("satisfaction_survey", id, label + " " + year, summary, after)
				: AuditRecord.updated("satisfaction_survey", id, label + " " + year, summary, before.get(), after));
		return after;
	}

	private RuntimeException stale(long unitId, int year, String label) {
		return jdbc.sql("select changed_by, changed_at from satisfaction_survey where unit_id = :unit and year = :year")
			.param("unit", unitId)
			.param("year", year)
			.query((rs, n) -> new ConcurrentChangeException(label + " " + year, rs.getString(1),
					rs.getTimestamp(2).toInstant()))
			.single();
	}

	private Map<String, Object> params(long unitId, int year, SurveyForm form) {
		Map<String, Object> params = new HashMap<>();
		params.put("unit", unitId);
		params.put("year", year);
		params.put("households", form.households());
		params.put("surveyed", form.surveyed());
		params.put("satisfied", form.satisfied());
		params.put("issued", form.ballotsIssued());
		params.put("returned", form.ballotsReturned());
		params.put("by_whom", form.conductedBy().strip());
		params.put("started", form.startedOn());
		params.put("ended", form.endedOn());
		params.put("note", form.note() == null || form.note().isBlank() ? null : form.note().strip());
		params.put("actor", actor());
		return params;
	}

	/** The rules of a survey, each failure naming its field. */
	static void validate(int year, SurveyForm form) {
		if (year < 2010 || year > 2100) {
			throw new BusinessRuleException("recognition.survey.year", String.valueOf(year));
		}
		int households = count(form.households(), "recognition.survey.field.households", true);
		int surveyed = count(form.surveyed(), "recognition.survey.field.surveyed", true);
		int satisfied = count(form.satisfied(), "recognition.survey.field.satisfied", true);
		if (surveyed > households) {
			throw new BusinessRuleException("recognition.survey.moreThan", "recognition.survey.field.surveyed",
					surveyed, "recognition.survey.field.households", households);
		}
		if (satisfied > surveyed) {
			throw new BusinessRuleException("recognition.survey.moreThan", "recognition.survey.field.satisfied",
					satisfied, "recognition.survey.field.surveyed", surveyed);
		}
		Integer issued = form.ballotsIssued() == null ? null
				: count(form.ballotsIssued(), "recognition.survey.field.ballotsIssued", false);
		Integer returned = form.ballotsReturned() == null ? null
				: count(form.ballotsReturned(), "recognition.survey.field.ballotsReturned", false);
		if (issued != null && returned != null && returned > issued) {
			throw new BusinessRuleException("recognition.survey.moreThan", "recognition.survey.field.ballotsReturned",
					returned, "recognition.survey.field.ballotsIssued", issued);
		}
		if (form.conductedBy() == null || form.conductedBy().isBlank()) {
			throw new BusinessRuleException("recognition.survey.required", "recognition.survey.field.conductedBy");
		}
		if (form.startedOn() != null && form.endedOn() != null && form.endedOn().isBefore(form.startedOn())) {
			throw new BusinessRuleException("recognition.survey.dates");
		}
		List<SurveyForm.Question> questions = form.questions() == null ? List.of() : form.questions();
		for (int i = 0; i < questions.size(); i++) {
			SurveyForm.Question q = questions.get(i);
			int row = i + 1;
			if (q.question() == null || q.question().isBlank()) {
				throw new BusinessRuleException("recognition.survey.question.text", row);
			}
			if (q.asked() == null || q.asked() < 0 || q.satisfied() == null || q.satisfied() < 0) {
				throw new BusinessRuleException("recognition.survey.question.count", row);
			}
			if (q.satisfied() > q.asked()) {
				throw new BusinessRuleException("recognition.survey.question.moreThan", row, q.satisfied(), q.asked());
			}
		}
	}

	private static int count(@Nullable Integer value, String field, boolean required) {
		if (value == null && required) {
			throw new BusinessRuleException("recognition.survey.required", field);
		}
		if (value == null || value < 0) {
			throw new BusinessRuleException("recognition.survey.count", field);
		}
		return value;
	}

	private void requireUnit(long unitId) {
		if (!directory.exists(unitId)) {
			throw new NotFoundException("recognition.unit.notFound", unitId);
		}
	}

	private List<SurveyView> load(Collection<Long> unitIds, int year) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		record Row(long id, long unitId, int households, int surveyed, int satisfied, @Nullable Integer issued,
				@Nullable Integer returned, String conductedBy, @Nullable LocalDate startedOn,
				@Nullable LocalDate endedOn, @Nullable String note, int version, String changedBy, Instant changedAt) {
		}
		List<Row> rows = jdbc.sql("""
				select * from satisfaction_survey where unit_id in (:units) and year = :year order by unit_id
				""")
			.param("units", unitIds)
			.param("year", year)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("unit_id"), rs.getInt("households"),
					rs.getInt("surveyed"), rs.getInt("satisfied"), integer(rs, "ballots_issued"),
					integer(rs, "ballots_returned"), rs.getString("conducted_by"),
					rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
					rs.getString("note"), rs.getInt("row_version"), rs.getString("changed_by"),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<QuestionView>> questions = new HashMap<>();
		jdbc.sql("""
				select * from satisfaction_survey_question where survey_id in (:ids) order by survey_id, position
				""").param("ids", rows.stream().map(Row::id).toList()).query((ResultSet rs) -> {
			questions.computeIfAbsent(rs.getLong("survey_id"), k -> new ArrayList<>())
				.add(new QuestionView(rs.getInt("position"), rs.getString("question"), rs.getInt("satisfied"),
						rs.getInt("asked")));
		});
		return rows.stream()
			.map(r -> new SurveyView(r.id(), r.unitId(), directory.label(r.unitId()), year, r.households(),
					r.surveyed(), r.satisfied(), r.issued(), r.returned(), r.conductedBy(), r.startedOn(), r.endedOn(),
					r.note(), questions.getOrDefault(r.id(), List.of()), r.version(), r.changedBy(), r.changedAt()))
			.toList();
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private String actor() {
		return access.currentIfAny().map(CurrentUser::fullName).orElse("hệ thống");
	}

}
