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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.documents.Documents;
import vn.ntm.documents.StoredDocument;
import vn.ntm.documents.Upload;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.recognition.SatisfactionBar;
import vn.ntm.recognition.SatisfactionSurveys;
import vn.ntm.recognition.SurveyFile;
import vn.ntm.recognition.SurveyFileContent;
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

	private final Documents documents;

	private final TransactionTemplate transactions;

	/** What the result file is in the forms, for the messages of a refusal. */
	static final String FILE_FIELD = "recognition.survey.field.resultFile";

	SurveyService(JdbcClient jdbc, AccessPolicy access, UnitDirectory directory, UnitManagement units, AuditLog audit,
			Documents documents, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.units = units;
		this.audit = audit;
		this.documents = documents;
		this.transactions = transactions;
	}

	@Override
	public List<SurveyView> ofUnit(long unitId) {
		requireUnit(unitId);
		access.requireRead(unitId);
		List<Integer> years = jdbc.sql("select year from satisfaction_survey where unit_id = :unit order by year desc")
			.param("unit", unitId)
			.query(Integer.class)
			.list();
		List<SurveyView> result = new ArrayList<>();
		for (int year : years) {
			result.addAll(load(List.of(unitId), year));
		}
		return result;
	}

	@Override
	public boolean canRecord(long unitId) {
		return directory.exists(unitId) && access.canActOn(unitId, Permission.SURVEY_RECORD);
	}

	@Override
	public Optional<SatisfactionBar> knownCoverageBar(long unitId, int year) {
		requireUnit(unitId);
		access.requireRead(unitId);
		// HD 90/HD-MTTW-BTT and QĐ 18/2022 as read state no least share of households to
		// survey (the provinces' earlier practice is not a bar): "chưa có ngưỡng"
		return Optional.empty();
	}

	@Override
	public SurveyView attachResult(long unitId, int year, Upload file, int expectedVersion) {
		requireUnit(unitId);
		access.requireActOn(unitId, Permission.SURVEY_RECORD);
		String label = directory.label(unitId);
		if (load(List.of(unitId), year).isEmpty()) {
			throw new NotFoundException("recognition.survey.fileFirst", label, String.valueOf(year));
		}
		StoredDocument stored;
		try (InputStream in = file.content().getInputStream()) {
			stored = documents.store(in, file.fileName(), FILE_FIELD);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		SurveyView result = transactions.execute(status -> {
			access.requireActOn(unitId, Permission.SURVEY_RECORD);
			SurveyView before = load(List.of(unitId), year).get(0);
			int updated = jdbc.sql("""
					update satisfaction_survey set result_file_name = :name, result_content_type = :type,
					    result_size_bytes = :size, result_sha256 = :sha, result_uploaded_by = :actor,
					    result_uploaded_at = now(), row_version = row_version + 1, changed_at = now(),
					    changed_by = :actor
					where id = :id and row_version = :version
					""")
				.param("name", stored.fileName())
				.param("type", stored.contentType())
				.param("size", stored.size())
				.param("sha", stored.sha256())
				.param("actor", actor())
				.param("id", before.id())
				.param("version", expectedVersion)
				.update();
			if (updated == 0) {
				throw stale(unitId, year, label);
			}
			SurveyView after = load(List.of(unitId), year).get(0);
			String renamed = stored.renamed() ? ", gửi lên với tên \"" + stored.originalName() + "\"" : "";
			String replaced = before.resultFile() == null ? ""
					: ", thay tệp \"" + before.resultFile().fileName() + "\"";
			audit.record(AuditRecord.updated("satisfaction_survey", before.id(), label + " " + year,
					"Đính kèm biên bản kết quả lấy ý kiến sự hài lòng năm " + year + " của " + label + ": \""
							+ stored.fileName() + "\" (" + StoredDocument.bytes(stored.size()) + renamed + replaced
							+ ")",
					before, after));
			return after;
		});
		return java.util.Objects.requireNonNull(result);
	}

	@Override
	public SurveyFileContent resultFile(long unitId, int year) {
		SurveyView survey = find(unitId, year)
			.orElseThrow(() -> new NotFoundException("recognition.survey.none", String.valueOf(year)));
		SurveyFile file = survey.resultFile();
		if (file == null) {
			throw new NotFoundException("recognition.survey.noFile", survey.unitName(), String.valueOf(year));
		}
		return new SurveyFileContent(file, documents.open(file.sha256()));
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
		access.requireActOn(unitId, Permission.SURVEY_RECORD);
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
			if (q.asked() > surveyed) {
				throw new BusinessRuleException("recognition.survey.question.askedMoreThan", row, q.asked(), surveyed);
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
				@Nullable LocalDate endedOn, @Nullable String note, @Nullable SurveyFile file, int version,
				String changedBy, Instant changedAt) {
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
					rs.getString("note"), file(rs), rs.getInt("row_version"), rs.getString("changed_by"),
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
					r.note(), questions.getOrDefault(r.id(), List.of()), r.file(), r.version(), r.changedBy(),
					r.changedAt()))
			.toList();
	}

	private static @Nullable SurveyFile file(ResultSet rs) throws SQLException {
		String sha = rs.getString("result_sha256");
		if (sha == null) {
			return null;
		}
		return new SurveyFile(rs.getString("result_file_name"), rs.getString("result_content_type"),
				rs.getLong("result_size_bytes"), sha,
				rs.getString("result_uploaded_by") == null ? "" : rs.getString("result_uploaded_by"),
				rs.getTimestamp("result_uploaded_at").toInstant());
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private String actor() {
		return access.currentIfAny().map(CurrentUser::fullName).orElse("hệ thống");
	}

}
