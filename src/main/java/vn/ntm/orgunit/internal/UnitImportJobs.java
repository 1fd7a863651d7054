package vn.ntm.orgunit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import vn.ntm.orgunit.ImportJobView;
import vn.ntm.orgunit.ImportJobView.RowError;
import vn.ntm.orgunit.ImportRejected;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.UnitImports;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.platform.jobs.JobRunState;
import vn.ntm.platform.jobs.JobRunView;
import vn.ntm.platform.jobs.JobRuns;
import vn.ntm.platform.jobs.TrackedJob;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.Permission;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.NotFoundException;

/**
 * Runs imports as tracked jobs of the application's job facility ({@link JobRuns}, kind
 * {@value #KIND}): checking and applying a file are runs, picked by one instance, done
 * with the uploader's rights and language, their progress in the run; the import's row
 * ({@code unit_import_job}) keeps what the file means (status, errors, plan) and its
 * current run. Every row is applied in one transaction or none; a run cut short by a
 * restart is shown as interrupted, nothing saved, and may be started again.
 */
@Service
class UnitImportJobs implements UnitImports, TrackedJob {

	static final String KIND = "unit-import";

	private static final String CHECK = "check:";

	private static final String APPLY = "apply:";

	private static final Logger log = LoggerFactory.getLogger(UnitImportJobs.class);

	private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() {
	};

	private static final TypeReference<List<UnitImportPlanner.PlannedRow>> ROWS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final UnitImportPlanner planner;

	private final UnitManagement units;

	private final AccessPolicy access;

	private final TransactionTemplate transactions;

	/**
	 * For progress and status: committed at once, also while the long transaction runs.
	 */
	private final TransactionTemplate separately;

	private final JobRuns runs;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	UnitImportJobs(JdbcClient jdbc, UnitImportPlanner planner, UnitManagement units, AccessPolicy access,
			PlatformTransactionManager transactionManager, JobRuns runs, JsonMapper json, MessageSource messages,
			Clock clock) {
		this.jdbc = jdbc;
		this.planner = planner;
		this.units = units;
		this.access = access;
		this.transactions = new TransactionTemplate(transactionManager);
		this.separately = new TransactionTemplate(transactionManager);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.runs = runs;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public UUID upload(String fileName, byte[] content) {
		access.require(Permission.UNIT_IMPORT);
		UUID id = UUID.randomUUID();
		String owner = access.current().username();
		// the import and its run are recorded together, the file waiting in the run
		transactions.executeWithoutResult(status -> {
			jdbc.sql(
					"""
							insert into unit_import_job (id, file_name, status, created_by) values (:id, :name, 'VALIDATING', :by)
							""")
				.param("id", id)
				.param("name", fileName)
				.param("by", owner)
				.update();
			UUID run = runs.start(KIND, owner, null, fileName, content, CHECK + id);
			runIs(id, run);
		});
		return id;
	}

	private void runIs(UUID id, UUID run) {
		jdbc.sql("update unit_import_job set run_id = :run where id = :id").param("run", run).param("id", id).update();
	}

	@Override
	public String kind() {
		return KIND;
	}

	/** A run: checking a file (the run's payload) or applying a checked one. */
	@Override
	public @Nullable String run(Run run) {
		UUID id = UUID.fromString(run.data().substring(run.data().indexOf(':') + 1));
		Locale locale = run.locale();
		return SystemTask.callAs(run.owner(), () -> {
			if (run.data().startsWith(CHECK)) {
				byte[] content = run.payload() == null ? new byte[0] : run.payload();
				try {
					validate(id, run.id(), Objects.requireNonNull(run.fileName()), content, locale);
				}
				catch (RuntimeException ex) {
					log.error("Import {} failed during validation", id, ex);
					finish(id, "FAILED", List.of(new RowError(0, "", message("import.failed", locale))), null, null);
					throw ex;
				}
			}
			else {
				try {
					applyRows(id, run.id(), plannedRows(id), locale);
				}
				catch (RuntimeException ex) {
					log.warn("Import {} rolled back", id, ex);
					String reason = ex instanceof LocalizedFailure failure ? localized(failure, locale)
							: message("import.failed", locale);
					finish(id, "FAILED", List.of(new RowError(0, "", reason)), null,
							message("import.rolledBack", locale));
					throw ex;
				}
			}
			return load(id).summary();
		});
	}

	private Plan validate(UUID id, @Nullable UUID run, String fileName, byte[] content, Locale locale) {
		UnitFileReader.Content file = UnitFileReader.read(fileName, content);
		if (!file.problems().isEmpty()) {
			List<RowError> errors = file.problems().stream().map(p -> fileProblem(p, locale)).toList();
			finish(id, "INVALID", errors, null, null);
			return new Plan(List.of(), errors);
		}
		int total = file.rows().size();
		jdbc.sql("update unit_import_job set total_rows = :n where id = :id")
			.param("n", total)
			.param("id", id)
			.update();
		progress(run, 0, total);
		UnitImportPlanner.Plan plan = transactions.execute(status -> {
			status.setRollbackOnly();
			return planner.plan(file.rows(), locale, done -> progress(run, done, total));
		});
		if (!plan.errors().isEmpty()) {
			finish(id, "INVALID", plan.errors(), null, null);
		}
		else if (plan.rows().isEmpty()) {
			List<RowError> errors = List.of(new RowError(0, "", message("import.file.empty", locale)));
			finish(id, "INVALID", errors, null, null);
			return new Plan(List.of(), errors);
		}
		else {
			finish(id, "READY", List.of(), plan.rows(), message("import.ready", locale, plan.rows().size()));
		}
		return new Plan(plan.rows(), plan.errors());
	}

	private RowError fileProblem(String problem, Locale locale) {
		String[] parts = problem.split(":", 2);
		return new RowError(parts[0].contains("missingColumn") ? 1 : 0, parts.length > 1 ? parts[1] : "",
				message(parts[0], locale, parts.length > 1 ? parts[1] : ""));
	}

	@Override
	public ImportJobView job(UUID jobId) {
		return load(jobId);
	}

	@Override
	public void apply(UUID jobId) {
		ImportJobView job = load(jobId);
		if (!"READY".equals(job.status())) {
			throw new BusinessRuleException("import.notReady", job.status());
		}
		transactions.executeWithoutResult(status -> {
			int updated = jdbc.sql(
					"update unit_import_job set status = 'APPLYING', processed_rows = 0 where id = :id and status = 'READY'")
				.param("id", jobId)
				.update();
			if (updated == 0) {
				throw new BusinessRuleException("import.notReady", job.status());
			}
			UUID run = runs.start(KIND, access.current().username(), null, job.fileName(), null, APPLY + jobId);
			runIs(jobId, run);
		});
	}

	@Override
	public void restart(UUID jobId) {
		ImportJobView job = load(jobId);
		UUID run = runOf(jobId);
		if (!"INTERRUPTED".equals(job.status()) || run == null || !runs.restart(run)) {
			throw new BusinessRuleException("import.notInterrupted");
		}
	}

	private @Nullable UUID runOf(UUID jobId) {
		return jdbc.sql("select run_id from unit_import_job where id = :id")
			.param("id", jobId)
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

	@Override
	public ImportJobView importNow(String fileName, byte[] content) {
		access.require(Permission.UNIT_IMPORT);
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"insert into unit_import_job (id, file_name, status, created_by) values (:id, :name, 'VALIDATING', :by)")
			.param("id", id)
			.param("name", fileName)
			.param("by", access.current().username())
			.update();
		Locale locale = LocaleContextHolder.getLocale();
		Plan plan = validate(id, null, fileName, content, locale);
		if (!plan.errors().isEmpty()) {
			throw new ImportRejected(plan.errors());
		}
		jdbc.sql("update unit_import_job set status = 'APPLYING' where id = :id").param("id", id).update();
		applyRows(id, null, plan.rows(), locale);
		return load(id);
	}

	private void applyRows(UUID jobId, @Nullable UUID run, List<UnitImportPlanner.PlannedRow> rows, Locale locale) {
		progress(run, 0, rows.size());
		transactions.executeWithoutResult(status -> {
			Map<Integer, Long> created = new HashMap<>();
			int done = 0;
			for (UnitImportPlanner.PlannedRow row : rows) {
				Long parentId = row.parentId() != null ? row.parentId() : created.get(row.parentRow());
				UnitRef unit = units
					.create(new NewUnit(row.code(), row.name(), row.type(), parentId, row.validFrom(), row.note()));
				created.put(row.row(), unit.id());
				if (++done % 100 == 0) {
					progress(run, done, rows.size());
				}
			}
			// applied with its rows: a restart after the commit leaves it applied, one
			// before leaves nothing saved
			record(jobId, "APPLIED", List.of(), null, message("import.applied", locale, rows.size()));
		});
	}

	/** The run's progress (committed at once); none for an import done at once. */
	private void progress(@Nullable UUID run, int done, int total) {
		if (run != null) {
			runs.progress(run, done, total);
		}
	}

	/** Records where the import stands, committed at once. */
	private void finish(UUID id, String status, List<RowError> errors,
			@Nullable List<UnitImportPlanner.PlannedRow> plan, @Nullable String summary) {
		separately.executeWithoutResult(s -> record(id, status, errors, plan, summary));
	}

	/** Records where the import stands, in the current transaction if there is one. */
	private void record(UUID id, String status, List<RowError> errors,
			@Nullable List<UnitImportPlanner.PlannedRow> plan, @Nullable String summary) {
		// a failed job saved nothing: it says so, and keeps no preview of what it would
		// have added
		String said = summary == null && "FAILED".equals(status)
				? message("import.nothingSaved", LocaleContextHolder.getLocale()) : summary;
		jdbc.sql("""
				update unit_import_job set status = :status, errors = cast(:errors as jsonb),
				    plan = case when :status = 'FAILED' then null else coalesce(cast(:plan as jsonb), plan) end,
				    summary = coalesce(:summary, summary),
				    processed_rows = case when :status in ('READY', 'APPLIED') then total_rows else processed_rows end,
				    finished_at = :at
				where id = :id
				""")
			.param("status", status)
			.param("errors", json.writeValueAsString(errors))
			.param("plan", plan == null ? null : json.writeValueAsString(plan))
			.param("summary", said)
			.param("at", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
	}

	private List<UnitImportPlanner.PlannedRow> plannedRows(UUID id) {
		String plan = jdbc.sql("select plan from unit_import_job where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		return plan == null ? List.of() : json.readValue(plan, ROWS);
	}

	/**
	 * The import as its page shows it: what the file means from its row, how far and
	 * whether it was cut short from its run. A check or apply whose run a restart
	 * interrupted is INTERRUPTED (nothing saved, may be started again); one whose run
	 * failed outside the import's own handling is FAILED.
	 */
	private ImportJobView load(UUID id) {
		Stored stored = jdbc.sql("select * from unit_import_job where id = :id").param("id", id).query((rs, n) -> {
			Timestamp finished = rs.getTimestamp("finished_at");
			return new Stored(rs.getString("file_name"), rs.getString("status"), rs.getInt("total_rows"),
					rs.getInt("processed_rows"), rs.getString("errors"), rs.getString("plan"), rs.getString("summary"),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
					finished == null ? null : finished.toInstant(), rs.getObject("run_id", UUID.class));
		}).optional().orElseThrow(() -> new NotFoundException("import.notFound", id));
		var me = access.current();
		if (!me.isAdmin() && !me.username().equalsIgnoreCase(stored.createdBy())) {
			throw AccessRefused.because("import.notYours");
		}
		JobRunView run = stored.runId() == null ? null : runs.find(stored.runId()).orElse(null);
		String status = stored.status();
		List<RowError> errors = stored.errors() == null ? List.of() : json.readValue(stored.errors(), ERRORS);
		String summary = stored.summary();
		String plan = stored.plan();
		Instant finishedAt = stored.finishedAt();
		boolean working = "VALIDATING".equals(status) || "APPLYING".equals(status);
		if (working && run != null && (run.state() == JobRunState.INTERRUPTED || run.state() == JobRunState.FAILED)) {
			Locale locale = LocaleContextHolder.getLocale();
			boolean interrupted = run.state() == JobRunState.INTERRUPTED;
			status = interrupted ? "INTERRUPTED" : "FAILED";
			String key = run.messageKey() == null ? "jobs.failed" : run.messageKey();
			errors = List.of(new RowError(0, "", message(key, locale, run.messageArgs().toArray())));
			summary = message("import.nothingSaved", locale);
			plan = null;
			finishedAt = run.finishedAt();
		}
		int total = stored.totalRows();
		int processed = stored.processedRows();
		if (run != null) {
			total = Math.max(total, run.total());
			processed = "READY".equals(status) || "APPLIED".equals(status) ? total : run.done();
		}
		List<String> preview = new ArrayList<>();
		if (plan != null) {
			json.readValue(plan, ROWS).stream().limit(50).forEach(row -> preview.add(row.describe()));
		}
		return new ImportJobView(id, stored.fileName(), status, total, processed, errors, preview, summary,
				stored.createdBy(), stored.createdAt(), finishedAt);
	}

	private record Stored(String fileName, String status, int totalRows, int processedRows, @Nullable String errors,
			@Nullable String plan, @Nullable String summary, String createdBy, Instant createdAt,
			@Nullable Instant finishedAt, @Nullable UUID runId) {
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private String localized(LocalizedFailure failure, Locale locale) {
		return LocalizedMessages.of(messages, failure, locale);
	}

	private record Plan(List<UnitImportPlanner.PlannedRow> rows, List<RowError> errors) {
	}

}
