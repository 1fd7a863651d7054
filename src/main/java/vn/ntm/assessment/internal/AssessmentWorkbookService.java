package vn.ntm.assessment.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.AssessmentWorkbooks;
import vn.ntm.assessment.EvaluationView;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.assessment.UploadJobView;
import vn.ntm.assessment.UploadJobView.CellError;
import vn.ntm.assessment.UploadJobView.Change;
import vn.ntm.assessment.ValueInput;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.EvaluationInput;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.IndicatorSource;
import vn.ntm.criteria.engine.Numbers;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.Value;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.platform.jobs.JobRunState;
import vn.ntm.platform.jobs.JobRunView;
import vn.ntm.platform.jobs.JobRuns;
import vn.ntm.platform.jobs.TrackedJob;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.SystemTask;
import vn.ntm.security.AccessRefused;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;

import static vn.ntm.assessment.internal.TemplateLayout.*;

/**
 * The Excel round trip: writes templates, validates uploaded files in the background
 * (streamed, never loaded whole) into a preview or errors, and applies a clean file in
 * one transaction through {@link AssessmentManagement} (which checks access and versions,
 * and audits). The check is a tracked run of the job facility ({@link JobRuns}, kind
 * {@value #KIND}): the file waits in the run, one instance checks it with the uploader's
 * rights and language, progress is the run's, and a check cut short by a restart is shown
 * as interrupted and may be started again.
 */
@Service
class AssessmentWorkbookService implements AssessmentWorkbooks, TrackedJob {

	static final String KIND = "assessment-upload-check";

	private static final Logger log = LoggerFactory.getLogger(AssessmentWorkbookService.class);

	private static final TypeReference<List<CellError>> ERRORS = new TypeReference<>() {
	};

	private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {
	};

	private static final TypeReference<List<UnitPlan>> PLANS = new TypeReference<>() {
	};

	/** What applying records for one unit. */
	record UnitPlan(long unitId, String unitCode, String unitName, @Nullable Long assessmentId, int expectedVersion,
			Map<String, ValueInput> values, @Nullable List<String> met, @Nullable List<String> notMet) {
	}

	private final AssessmentManagement assessments;

	private final UnitManagement units;

	private final CriteriaCatalog catalog;

	private final AccessPolicy access;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TransactionTemplate separately;

	private final JobRuns runs;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	AssessmentWorkbookService(AssessmentManagement assessments, UnitManagement units, CriteriaCatalog catalog,
			AccessPolicy access, JdbcClient jdbc, PlatformTransactionManager transactionManager, JobRuns runs,
			JsonMapper json, MessageSource messages, Clock clock) {
		this.assessments = assessments;
		this.units = units;
		this.catalog = catalog;
		this.access = access;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.separately = new TransactionTemplate(transactionManager);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.runs = runs;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	/** The unit's last day in the year, or 31/12 when it did not exist then. */
	private LocalDate lastDay(long unitId, int year) {
		return units.existedIn(unitId, year) ? units.lastDayIn(unitId, year) : LocalDate.of(year, 12, 31);
	}

	// The template

	@Override
	public void writeTemplate(long unitId, long setId, int year, boolean children, OutputStream out) {
		access.requireRead(unitId);
		SetDefinition set = catalog.definition(setId);
		SetSummary summary = catalog.summary(setId);
		List<TemplateWriter.UnitLine> lines = new ArrayList<>();
		if (!children) {
			EvaluationView view = assessments.evaluate(unitId, setId, year);
			lines.add(new TemplateWriter.UnitLine(view.unit(), view.assessment(), view.evaluation()));
		}
		else {
			Map<Long, UnitRef> refs = new HashMap<>();
			units.unitsOfYear(unitId, year).forEach(u -> refs.put(u.id(), u));
			for (UnitEvaluation unit : assessments.evaluateWithin(unitId, setId, year)) {
				UnitRef ref = refs.get(unit.unitId());
				if (ref == null) {
					continue;
				}
				AssessmentView assessment = unit.assessmentId() == null ? null : assessments.get(unit.assessmentId());
				lines.add(new TemplateWriter.UnitLine(ref, assessment, unit.evaluation()));
			}
		}
		if (lines.isEmpty()) {
			throw new BusinessRuleException("assessment.template.noUnits", summary.label());
		}
		new TemplateWriter(set, summary, year, unitId, children, messages).write(lines, out);
	}

	// Upload and validation

	@Override
	public UUID upload(String fileName, long size, InputStream content) {
		String user = access.current().username();
		if (size > MAX_BYTES) {
			throw tooLarge(size);
		}
		if (size == 0) {
			throw new BusinessRuleException("assessment.upload.empty");
		}
		Path file = store(content);
		try {
			byte[] head = new byte[4];
			int read;
			try (InputStream in = Files.newInputStream(file)) {
				read = in.readNBytes(head, 0, 4);
			}
			if (read == 0) {
				throw new BusinessRuleException("assessment.upload.empty");
			}
			if (!UploadReader.looksLikeXlsx(head)) {
				throw new BusinessRuleException("assessment.upload.notXlsx", fileName);
			}
		}
		catch (IOException | RuntimeException ex) {
			delete(file);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new UncheckedIOException((IOException) ex);
		}
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			delete(file);
		}
		UUID id = UUID.randomUUID();
		// the upload and its run are recorded together, the file waiting in the run
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					insert into assessment_upload_job (id, file_name, status, created_by, created_at)
					values (:id, :name, 'VALIDATING', :by, :at)
					""")
				.param("id", id)
				.param("name", fileName)
				.param("by", user)
				.param("at", Timestamp.from(clock.instant()))
				.update();
			UUID run = runs.start(KIND, user, null, fileName, bytes, id.toString());
			jdbc.sql("update assessment_upload_job set run_id = :run where id = :id")
				.param("run", run)
				.param("id", id)
				.update();
		});
		return id;
	}

	@Override
	public String kind() {
		return KIND;
	}

	/**
	 * Checks an uploaded file (the run's payload, written to a temporary file for POI's
	 * streaming reader and deleted after).
	 */
	@Override
	public @Nullable String run(Run run) {
		UUID id = UUID.fromString(run.data());
		Locale locale = run.locale();
		return SystemTask.callAs(run.owner(), () -> {
			Path file = null;
			try {
				file = Files.createTempFile("ntm-assessment-upload-", ".xlsx");
				Files.write(file, run.payload() == null ? new byte[0] : run.payload());
				validate(id, run.id(), file.toFile(), locale);
			}
			catch (IOException | RuntimeException ex) {
				log.error("Assessment upload {} failed during validation", id, ex);
				finish(id, "FAILED", List.of(fileError(message("assessment.upload.failed", locale))), null, null, null);
				throw ex instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) ex);
			}
			finally {
				if (file != null) {
					delete(file);
				}
			}
			return load(id).summary();
		});
	}

	@Override
	public void restart(UUID jobId) {
		UploadJobView job = load(jobId);
		UUID run = jdbc.sql("select run_id from assessment_upload_job where id = :id")
			.param("id", jobId)
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (!job.interrupted() || run == null || !runs.restart(run)) {
			throw new BusinessRuleException("assessment.upload.notInterrupted");
		}
	}

	private static BusinessRuleException tooLarge(long size) {
		return new BusinessRuleException("assessment.upload.tooLarge",
				VnFormat.number(java.math.BigDecimal.valueOf(size).movePointLeft(6), 1) + " MB",
				MAX_BYTES / 1024 / 1024 + " MB");
	}

	/** Copies the upload to a temporary file, at most {@link #MAX_BYTES}. */
	private static Path store(InputStream content) {
		Path file;
		try {
			file = Files.createTempFile("ntm-assessment-upload-", ".xlsx");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > MAX_BYTES) {
					throw tooLarge(total);
				}
				out.write(buffer, 0, n);
			}
		}
		catch (IOException | RuntimeException ex) {
			delete(file);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new UncheckedIOException((IOException) ex);
		}
		return file;
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", file, ex);
		}
	}

	/**
	 * The hidden sheet: set, year, root and per unit code its id, assessment, version.
	 */
	private record Meta(long setId, int year, long rootId, Map<String, UnitKey> units) {
	}

	private record UnitKey(long unitId, String code, @Nullable Long assessmentId, @Nullable Integer rowVersion) {
	}

	private void validate(UUID id, UUID run, File file, Locale locale) {
		Meta meta;
		try {
			meta = meta(file);
		}
		catch (UploadReader.Unreadable ex) {
			finish(id, "INVALID", List.of(fileError(message(ex.key, locale, UploadReader.MAX_ROWS))), null, null, null);
			return;
		}
		if (meta == null) {
			finish(id, "INVALID", List.of(fileError(message("assessment.upload.notTemplate", locale, KEY_SHEET))), null,
					null, null);
			return;
		}
		SetDefinition set = catalog.definition(meta.setId());
		int perUnit = set.active().stream().mapToInt(c -> c.indicators().size() + 1).sum();
		int total = Math.max(1, meta.units().size() * perUnit);
		jdbc.sql("""
				update assessment_upload_job set set_id = :set, year = :year, root_unit_id = :root, total_rows = :total
				where id = :id
				""")
			.param("set", meta.setId())
			.param("year", meta.year())
			.param("root", meta.rootId())
			.param("total", total)
			.param("id", id)
			.update();
		runs.progress(run, 0, total);
		Validation validation = new Validation(run, total, meta, set, locale);
		Set<String> found;
		try {
			found = UploadReader.read(file, List.of(VALUE_SHEET, CLAIM_SHEET), validation::row);
		}
		catch (UploadReader.Unreadable ex) {
			finish(id, "INVALID", List.of(fileError(message(ex.key, locale, UploadReader.MAX_ROWS))), null, null, null);
			return;
		}
		if (!found.contains(VALUE_SHEET)) {
			validation.errors
				.add(new CellError(VALUE_SHEET, 0, "", message("assessment.upload.noSheet", locale, VALUE_SHEET)));
		}
		validation.finish();
		List<Change> changes = validation.changes;
		if (!validation.errors.isEmpty()) {
			finish(id, "INVALID", validation.errors, changes, null,
					message("assessment.upload.invalid", locale, validation.errors.size()));
		}
		else {
			String summary = changes.isEmpty() ? message("assessment.upload.nothing", locale)
					: message("assessment.upload.ready", locale, changes.size(), validation.plans.size());
			finish(id, "READY", List.of(), changes, validation.plans, summary);
		}
	}

	private @Nullable Meta meta(File file) {
		List<Map<Integer, String>> rows = new ArrayList<>();
		UploadReader.read(file, List.of(KEY_SHEET), (sheet, number, cells) -> rows.add(cells));
		if (rows.isEmpty() || !MARK.equals(rows.get(0).get(0))) {
			return null;
		}
		try {
			Map<Integer, String> first = rows.get(0);
			Map<String, UnitKey> keys = new LinkedHashMap<>();
			for (Map<Integer, String> row : rows.subList(Math.min(2, rows.size()), rows.size())) {
				String code = ValueParser.display(row.get(1));
				Long assessment = row.get(2) == null ? null : whole(row.get(2));
				Long version = row.get(3) == null ? null : whole(row.get(3));
				keys.put(code, new UnitKey(Objects.requireNonNull(whole(row.get(0))), code, assessment,
						version == null ? null : version.intValue()));
			}
			return new Meta(Objects.requireNonNull(whole(first.get(1))),
					Objects.requireNonNull(whole(first.get(2))).intValue(), Objects.requireNonNull(whole(first.get(3))),
					keys);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable Long whole(@Nullable String cell) {
		ValueParser.Num number = ValueParser.number(cell);
		return number == null ? null : number.value().longValueExact();
	}

	/** Checks the rows as they stream in and builds the plan of each unit. */
	private final class Validation {

		private final UUID run;

		private final int total;

		private final Meta meta;

		private final SetDefinition set;

		private final Locale locale;

		private final Map<String, IndicatorDef> indicators = new HashMap<>();

		private final Map<String, String> criterionOf = new HashMap<>();

		private final Map<String, CriterionDef> criteria = new HashMap<>();

		private final Map<String, Map<String, Integer>> columns = new HashMap<>();

		final List<CellError> errors = new ArrayList<>();

		final List<Change> changes = new ArrayList<>();

		final List<UnitPlan> plans = new ArrayList<>();

		/** Per unit: values by code, results by criterion, the first row that had any. */
		private final Map<String, Map<String, ValueInput>> values = new LinkedHashMap<>();

		private final Map<String, Map<String, Boolean>> claims = new LinkedHashMap<>();

		private final Map<String, Integer> firstRow = new HashMap<>();

		private final Map<String, Integer> seen = new HashMap<>();

		private int processed;

		Validation(UUID run, int total, Meta meta, SetDefinition set, Locale locale) {
			this.run = run;
			this.total = total;
			this.meta = meta;
			this.set = set;
			this.locale = locale;
			for (CriterionDef criterion : set.criteria()) {
				criteria.put(criterion.number(), criterion);
				for (IndicatorDef indicator : criterion.indicators()) {
					indicators.put(indicator.code(), indicator);
					criterionOf.put(indicator.code(), criterion.number());
				}
			}
		}

		void row(String sheet, int number, Map<Integer, String> cells) {
			if (!columns.containsKey(sheet)) {
				header(sheet, number, cells);
				return;
			}
			if (++processed % 200 == 0) {
				runs.progress(run, processed, total);
			}
			if (sheet.equals(VALUE_SHEET)) {
				valueRow(number, cells);
			}
			else {
				claimRow(number, cells);
			}
		}

		private void header(String sheet, int number, Map<Integer, String> cells) {
			Map<String, Integer> found = new HashMap<>();
			cells.forEach((column, text) -> found.putIfAbsent(ValueParser.key(ValueParser.display(text)), column));
			Map<String, Integer> byHeader = new HashMap<>();
			List<String> wanted = sheet.equals(VALUE_SHEET)
					? List.of(UNIT_CODE, CRITERION, INDICATOR_CODE, VALUE, NUMERATOR, DENOMINATOR, NOTE, SOURCE)
					: List.of(UNIT_CODE, CRITERION, CLAIM);
			for (String header : wanted) {
				Integer column = found.get(ValueParser.key(header));
				if (column != null) {
					byHeader.put(header, column);
				}
				else if (!header.equals(NOTE) && !header.equals(SOURCE)) {
					errors.add(new CellError(sheet, number, header,
							message("assessment.upload.missingColumn", locale, sheet, header)));
				}
			}
			columns.put(sheet, byHeader);
		}

		private @Nullable String cell(String sheet, Map<Integer, String> cells, String header) {
			Integer column = columns.get(sheet).get(header);
			String text = column == null ? null : cells.get(column);
			return text == null || text.isBlank() ? null : text;
		}

		private void error(String sheet, int row, String column, String key, Object... args) {
			errors.add(new CellError(sheet, row, column, message(key, locale, args)));
		}

		private @Nullable UnitKey unit(String sheet, int row, @Nullable String code) {
			UnitKey unit = code == null ? null : meta.units().get(ValueParser.display(code));
			if (unit == null) {
				error(sheet, row, UNIT_CODE, "assessment.upload.unitUnknown",
						code == null ? "" : ValueParser.display(code));
			}
			return unit;
		}

		private void valueRow(int row, Map<Integer, String> cells) {
			String value = cell(VALUE_SHEET, cells, VALUE);
			String numerator = cell(VALUE_SHEET, cells, NUMERATOR);
			String denominator = cell(VALUE_SHEET, cells, DENOMINATOR);
			if (value == null && numerator == null && denominator == null) {
				return;
			}
			UnitKey unit = unit(VALUE_SHEET, row, cell(VALUE_SHEET, cells, UNIT_CODE));
			String codeCell = cell(VALUE_SHEET, cells, INDICATOR_CODE);
			String code = codeCell == null ? "" : ValueParser.display(codeCell);
			IndicatorDef indicator = indicators.get(code);
			if (indicator == null) {
				error(VALUE_SHEET, row, INDICATOR_CODE, "assessment.upload.indicatorUnknown", code, set.code());
				return;
			}
			String criterionCell = cell(VALUE_SHEET, cells, CRITERION);
			if (criterionCell != null) {
				String criterion = ValueParser.display(criterionCell);
				if (!criteria.containsKey(criterion)) {
					error(VALUE_SHEET, row, CRITERION, "assessment.upload.criterionUnknown", criterion, set.code());
					return;
				}
				if (!criterion.equals(criterionOf.get(code))) {
					error(VALUE_SHEET, row, CRITERION, "assessment.upload.criterionMismatch", code,
							criterionOf.get(code), criterion);
					return;
				}
			}
			if (!(indicator.source() instanceof IndicatorSource.Entered)) {
				error(VALUE_SHEET, row, VALUE, "assessment.upload.derived", code);
				return;
			}
			ValueParser.Parsed parsed = ValueParser.parse(indicator, value, numerator, denominator,
					text(cell(VALUE_SHEET, cells, NOTE)), text(cell(VALUE_SHEET, cells, SOURCE)));
			if (parsed.key() != null) {
				Object[] args = parsed.args();
				if (!parsed.key().startsWith("engine.value.")) {
					// the upload's own messages: the code and the kind first
					args = new Object[parsed.args().length + 2];
					args[0] = code;
					args[1] = messages.getMessage("criteria.valueType." + indicator.type().name(), null, locale);
					System.arraycopy(parsed.args(), 0, args, 2, parsed.args().length);
				}
				error(VALUE_SHEET, row, Objects.requireNonNull(parsed.column()), parsed.key(), args);
				return;
			}
			if (unit == null) {
				return;
			}
			String key = unit.code() + "|" + code;
			Integer earlier = seen.putIfAbsent(key, row);
			if (earlier != null) {
				error(VALUE_SHEET, row, INDICATOR_CODE, "assessment.upload.duplicate", unit.code(), code, earlier);
				return;
			}
			firstRow.putIfAbsent(unit.code(), row);
			values.computeIfAbsent(unit.code(), k -> new LinkedHashMap<>())
				.put(code, Objects.requireNonNull(parsed.value()));
		}

		private void claimRow(int row, Map<Integer, String> cells) {
			String claim = cell(CLAIM_SHEET, cells, CLAIM);
			if (claim == null) {
				return;
			}
			UnitKey unit = unit(CLAIM_SHEET, row, cell(CLAIM_SHEET, cells, UNIT_CODE));
			String criterionCell = cell(CLAIM_SHEET, cells, CRITERION);
			String criterion = criterionCell == null ? "" : ValueParser.display(criterionCell);
			if (!criteria.containsKey(criterion)) {
				error(CLAIM_SHEET, row, CRITERION, "assessment.upload.criterionUnknown", criterion, set.code());
				return;
			}
			Boolean met = switch (ValueParser.key(ValueParser.display(claim))) {
				case "dat" -> true;
				case "chua dat", "khong dat" -> false;
				default -> null;
			};
			if (met == null) {
				error(CLAIM_SHEET, row, CLAIM, "assessment.upload.claim", criterion, ValueParser.display(claim));
				return;
			}
			if (unit == null) {
				return;
			}
			Integer earlier = seen.putIfAbsent(unit.code() + "|TC|" + criterion, row);
			if (earlier != null) {
				error(CLAIM_SHEET, row, CRITERION, "assessment.upload.duplicate", unit.code(), criterion, earlier);
				return;
			}
			firstRow.putIfAbsent(unit.code(), row);
			claims.computeIfAbsent(unit.code(), k -> new LinkedHashMap<>()).put(criterion, met);
		}

		/**
		 * Per unit with something filled: may the user enter, is the assessment still as
		 * it was when the template was made, is it open; then what changes.
		 */
		void finish() {
			Set<String> filled = new java.util.LinkedHashSet<>(values.keySet());
			filled.addAll(claims.keySet());
			for (String code : filled) {
				UnitKey key = meta.units().get(code);
				int row = firstRow.getOrDefault(code, 0);
				String sheet = values.containsKey(code) ? VALUE_SHEET : CLAIM_SHEET;
				String name = units.find(key.unitId(), lastDay(key.unitId(), meta.year()))
					.map(UnitRef::fullName)
					.orElse(code);
				if (!assessments.canEnter(key.unitId())) {
					error(sheet, row, UNIT_CODE, "assessment.upload.unitNotYours", name, code);
					continue;
				}
				Optional<AssessmentView> now = assessments.find(key.unitId(), meta.setId(), meta.year());
				if (now.isPresent()) {
					AssessmentView view = now.get();
					if (key.assessmentId() == null || key.assessmentId() != view.id()
							|| !Objects.equals(key.rowVersion(), view.rowVersion())) {
						String by = view.updatedBy() != null ? view.updatedBy() : view.createdBy();
						String at = view.updatedAt() != null ? VnFormat.dateTime(view.updatedAt()) : "";
						error(sheet, row, UNIT_CODE, "assessment.upload.changed", name, by, at);
						continue;
					}
					if (!editable(view.status())) {
						error(sheet, row, UNIT_CODE, "assessment.upload.locked", name,
								vn.ntm.assessment.AssessmentStatus.valueOf(view.status()).label());
						continue;
					}
				}
				else if (key.assessmentId() != null) {
					error(sheet, row, UNIT_CODE, "assessment.upload.changed", name, "?", "");
					continue;
				}
				EvaluationInput input = now.map(v -> assessments.input(v.id())).orElse(EvaluationInput.EMPTY);
				Map<String, ValueInput> newValues = new LinkedHashMap<>();
				values.getOrDefault(code, Map.of()).forEach((indicatorCode, value) -> {
					IndicatorDef indicator = indicators.get(indicatorCode);
					Value old = input.values().get(indicatorCode);
					String before = old == null ? "" : TemplateWriter.display(old, indicator.type(), indicator.unit());
					String after = TemplateWriter.display(value(value), indicator.type(), indicator.unit());
					if (!before.equals(after)) {
						newValues.put(indicatorCode, value);
						changes.add(new Change(code, name, indicatorCode,
								indicator.name() == null ? "" : indicator.name(), before, after));
					}
				});
				Map<String, Boolean> newClaims = new LinkedHashMap<>();
				claims.getOrDefault(code, Map.of()).forEach((number, met) -> {
					Set<Boolean> old = input.claims().getOrDefault(number, Set.of());
					if (!old.equals(Set.of(met))) {
						newClaims.put(number, met);
						CriterionDef criterion = criteria.get(number);
						changes.add(new Change(code, name, "TC " + number,
								criterion.name() == null ? "" : criterion.name(), claimText(old), met ? MET : NOT_MET));
					}
				});
				if (newValues.isEmpty() && newClaims.isEmpty()) {
					continue;
				}
				List<String> met = null;
				List<String> notMet = null;
				if (!newClaims.isEmpty()) {
					Map<String, Set<Boolean>> merged = new TreeMap<>(input.claims());
					newClaims.forEach((number, m) -> merged.put(number, Set.of(m)));
					met = new ArrayList<>();
					notMet = new ArrayList<>();
					for (Map.Entry<String, Set<Boolean>> entry : merged.entrySet()) {
						if (entry.getValue().contains(true)) {
							met.add(entry.getKey());
						}
						if (entry.getValue().contains(false)) {
							notMet.add(entry.getKey());
						}
					}
				}
				plans.add(new UnitPlan(key.unitId(), code, name, now.map(AssessmentView::id).orElse(null),
						now.map(AssessmentView::rowVersion).orElse(0), newValues, met, notMet));
			}
		}

	}

	private static @Nullable String text(@Nullable String cell) {
		return cell == null ? null : ValueParser.display(cell);
	}

	private static String claimText(Set<Boolean> claims) {
		if (claims.isEmpty()) {
			return "";
		}
		return claims.size() > 1 ? "Mâu thuẫn" : claims.contains(true) ? MET : NOT_MET;
	}

	/**
	 * Whether an assessment in this status may be changed
	 * ({@link AssessmentStatus#editable()}).
	 */
	static boolean editable(String status) {
		return vn.ntm.assessment.AssessmentStatus.valueOf(status).editable();
	}

	private static Value value(ValueInput value) {
		return vn.ntm.criteria.engine.ValueRules.value(value.candidate());
	}

	// Jobs

	@Override
	public UploadJobView job(UUID jobId) {
		return load(jobId);
	}

	@Override
	public UploadJobView apply(UUID jobId) {
		UploadJobView job = load(jobId);
		if (!job.canApply()) {
			throw new BusinessRuleException("assessment.upload.notReady");
		}
		Locale locale = LocaleContextHolder.getLocale();
		List<UnitPlan> plans = plans(jobId);
		long setId = Objects.requireNonNull(job.setId());
		int year = Objects.requireNonNull(job.year());
		String applied = message("assessment.upload.applied", locale, job.changes().size(), plans.size());
		try {
			// the upload is marked applied in the same transaction as its values: a
			// second
			// "Áp dụng" waits for the first and is refused, and a restart in between
			// leaves
			// it ready to apply again with nothing saved
			transactions.executeWithoutResult(status -> {
				int updated = jdbc.sql("""
						update assessment_upload_job set status = 'APPLIED', summary = :summary, errors = '[]'::jsonb,
						    processed_rows = total_rows, finished_at = :at
						where id = :id and status = 'READY'
						""")
					.param("summary", applied)
					.param("at", Timestamp.from(clock.instant()))
					.param("id", jobId)
					.update();
				if (updated == 0) {
					throw new NotReady();
				}
				for (UnitPlan plan : plans) {
					long id;
					int expected = plan.expectedVersion();
					if (plan.assessmentId() == null) {
						AssessmentView opened = assessments
							.open(new NewAssessment(plan.unitId(), setId, year, null, null, null));
						id = opened.id();
						expected = opened.rowVersion();
					}
					else {
						id = plan.assessmentId();
						AssessmentView now = assessments.get(id);
						if (!editable(now.status())) {
							throw new BusinessRuleException("assessment.upload.locked", now.unitLabel(),
									"assessment.status." + now.status());
						}
					}
					assessments.record(id,
							new AssessmentEntry(plan.values().isEmpty() ? null : plan.values(), plan.met(),
									plan.notMet(), null, message("assessment.upload.source", locale, job.fileName()),
									expected));
				}
			});
		}
		catch (NotReady ex) {
			throw new BusinessRuleException("assessment.upload.notReady");
		}
		catch (RuntimeException ex) {
			log.info("Assessment upload {} rolled back: {}", jobId, ex.toString());
			String reason = ex instanceof LocalizedFailure failure ? LocalizedMessages.of(messages, failure, locale)
					: message("assessment.upload.failed", locale);
			finish(jobId, "FAILED", List.of(fileError(message("assessment.upload.applyFailed", locale, reason))), null,
					null, message("assessment.upload.rolledBack", locale));
			return load(jobId);
		}
		return load(jobId);
	}

	/** Another "Áp dụng" got there first. */
	private static final class NotReady extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotReady() {
			super(null, null, false, false);
		}

	}

	private void finish(UUID id, String status, List<CellError> errors, @Nullable List<Change> changes,
			@Nullable List<UnitPlan> plan, @Nullable String summary) {
		// a failed job saved nothing: it says so, and keeps no preview of what it would
		// have
		// changed
		String said = summary == null && "FAILED".equals(status)
				? message("assessment.upload.nothingSaved", LocaleContextHolder.getLocale()) : summary;
		separately.executeWithoutResult(s -> jdbc
			.sql("""
					update assessment_upload_job set status = :status, errors = cast(:errors as jsonb),
					    changes = case when :status = 'FAILED' then null else coalesce(cast(:changes as jsonb), changes) end,
					    plan = case when :status = 'FAILED' then null else coalesce(cast(:plan as jsonb), plan) end,
					    summary = coalesce(:summary, summary),
					    processed_rows = case when :status in ('READY', 'APPLIED', 'INVALID') then total_rows else processed_rows end,
					    finished_at = :at
					where id = :id and (:status <> 'FAILED' or status <> 'APPLIED')
					""")
			.param("status", status)
			.param("errors", json.writeValueAsString(errors))
			.param("changes", changes == null ? null : json.writeValueAsString(changes))
			.param("plan", plan == null ? null : json.writeValueAsString(plan))
			.param("summary", said)
			.param("at", Timestamp.from(clock.instant()))
			.param("id", id)
			.update());
	}

	private List<UnitPlan> plans(UUID id) {
		String plan = jdbc.sql("select plan from assessment_upload_job where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		return plan == null ? List.of() : json.readValue(plan, PLANS);
	}

	/**
	 * The upload as its page shows it: what the file means from its row, how far the
	 * check is and whether it was cut short from its run. A check whose run a restart
	 * interrupted is INTERRUPTED (nothing saved, may be started again); one whose run
	 * failed outside the check's own handling is FAILED.
	 */
	private UploadJobView load(UUID id) {
		UUID[] runId = new UUID[1];
		UploadJobView job = jdbc.sql("select * from assessment_upload_job where id = :id")
			.param("id", id)
			.query((rs, n) -> {
				String errors = rs.getString("errors");
				String changes = rs.getString("changes");
				Timestamp finished = rs.getTimestamp("finished_at");
				long setId = rs.getLong("set_id");
				Long set = rs.wasNull() ? null : setId;
				int year = rs.getInt("year");
				Integer y = rs.wasNull() ? null : year;
				long root = rs.getLong("root_unit_id");
				Long r = rs.wasNull() ? null : root;
				runId[0] = rs.getObject("run_id", UUID.class);
				return new UploadJobView(id, rs.getString("file_name"), rs.getString("status"), set, y, r,
						rs.getInt("total_rows"), rs.getInt("processed_rows"),
						errors == null ? List.of() : json.readValue(errors, ERRORS),
						changes == null ? List.of() : json.readValue(changes, CHANGES), rs.getString("summary"),
						rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
						finished == null ? null : finished.toInstant());
			})
			.optional()
			.orElseThrow(() -> new NotFoundException("assessment.upload.notFound", id));
		var me = access.current();
		if (!me.isAdmin() && !me.username().equalsIgnoreCase(job.createdBy())) {
			throw AccessRefused.because("assessment.upload.notYours");
		}
		JobRunView run = runId[0] == null ? null : runs.find(runId[0]).orElse(null);
		if (run == null || !"VALIDATING".equals(job.status())) {
			return job;
		}
		if (run.state() == JobRunState.INTERRUPTED || run.state() == JobRunState.FAILED) {
			Locale locale = LocaleContextHolder.getLocale();
			boolean interrupted = run.state() == JobRunState.INTERRUPTED;
			String reason = interrupted ? message("assessment.upload.interrupted", locale)
					: message(run.messageKey() == null ? "jobs.failed" : run.messageKey(), locale);
			return new UploadJobView(id, job.fileName(), interrupted ? "INTERRUPTED" : "FAILED", job.setId(),
					job.year(), job.rootUnitId(), run.total(), run.done(), List.of(fileError(reason)), List.of(),
					message("assessment.upload.nothingSaved", locale), job.createdBy(), job.createdAt(),
					run.finishedAt());
		}
		return new UploadJobView(id, job.fileName(), job.status(), job.setId(), job.year(), job.rootUnitId(),
				Math.max(job.totalRows(), run.total()), run.done(), job.errors(), job.changes(), job.summary(),
				job.createdBy(), job.createdAt(), job.finishedAt());
	}

	private static CellError fileError(String message) {
		return new CellError("", 0, "", message);
	}

	private String message(String key, Locale locale, Object... args) {
		// arguments that are message keys (a field's label, a kind) are translated too
		return vn.ntm.shared.LocalizedMessages.get(messages, key, args, locale);
	}

}
