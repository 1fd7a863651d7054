package vn.ntm.orgunit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
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
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.NotFoundException;

/**
 * Runs imports as jobs: validation and application happen on a background thread with the
 * uploader's rights and language, report their progress in {@code unit_import_job}, and
 * apply every row in one transaction or none.
 */
@Service
class UnitImportJobs implements UnitImports, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(UnitImportJobs.class);

	static final int WORKERS = 2;

	static final int WAITING = 8;

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

	/**
	 * Imports are heavy (a file may hold 50.000 rows): two run at once, a few more wait,
	 * beyond that the upload is refused rather than piling up.
	 */
	private final ThreadPoolTaskExecutor executor;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	UnitImportJobs(JdbcClient jdbc, UnitImportPlanner planner, UnitManagement units, AccessPolicy access,
			PlatformTransactionManager transactionManager, JsonMapper json, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.planner = planner;
		this.units = units;
		this.access = access;
		this.transactions = new TransactionTemplate(transactionManager);
		this.separately = new TransactionTemplate(transactionManager);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.executor = new ThreadPoolTaskExecutor();
		this.executor.setCorePoolSize(WORKERS);
		this.executor.setMaxPoolSize(WORKERS);
		this.executor.setQueueCapacity(WAITING);
		this.executor.setThreadNamePrefix("unit-import-");
		this.executor.initialize();
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public UUID upload(String fileName, byte[] content) {
		access.require(Permission.UNIT_IMPORT);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into unit_import_job (id, file_name, status, created_by) values (:id, :name, 'VALIDATING', :by)
				""").param("id", id).param("name", fileName).param("by", access.current().username()).update();
		Locale locale = LocaleContextHolder.getLocale();
		submit(id, () -> {
			LocaleContextHolder.setLocale(locale);
			try {
				validate(id, fileName, content, locale);
			}
			catch (RuntimeException ex) {
				log.error("Import {} failed during validation", id, ex);
				finish(id, "FAILED", List.of(new RowError(0, "", message("import.failed", locale))), null, null);
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		});
		return id;
	}

	private Plan validate(UUID id, String fileName, byte[] content, Locale locale) {
		UnitFileReader.Content file = UnitFileReader.read(fileName, content);
		if (!file.problems().isEmpty()) {
			List<RowError> errors = file.problems().stream().map(p -> fileProblem(p, locale)).toList();
			finish(id, "INVALID", errors, null, null);
			return new Plan(List.of(), errors);
		}
		jdbc.sql("update unit_import_job set total_rows = :n where id = :id")
			.param("n", file.rows().size())
			.param("id", id)
			.update();
		UnitImportPlanner.Plan plan = transactions.execute(status -> {
			status.setRollbackOnly();
			return planner.plan(file.rows(), locale, done -> progress(id, done));
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
		int updated = jdbc.sql(
				"update unit_import_job set status = 'APPLYING', processed_rows = 0 where id = :id and status = 'READY'")
			.param("id", jobId)
			.update();
		if (updated == 0) {
			throw new BusinessRuleException("import.notReady", job.status());
		}
		List<UnitImportPlanner.PlannedRow> rows = plannedRows(jobId);
		Locale locale = LocaleContextHolder.getLocale();
		submit(jobId, () -> {
			try {
				applyRows(jobId, rows, locale);
			}
			catch (RuntimeException ex) {
				log.warn("Import {} rolled back", jobId, ex);
				String reason = ex instanceof LocalizedFailure failure ? localized(failure, locale)
						: message("import.failed", locale);
				finish(jobId, "FAILED", List.of(new RowError(0, "", reason)), null,
						message("import.rolledBack", locale));
			}
		});
	}

	private void submit(UUID jobId, Runnable work) {
		try {
			executor.execute(new DelegatingSecurityContextRunnable(work));
		}
		catch (TaskRejectedException ex) {
			finish(jobId, "FAILED",
					List.of(new RowError(0, "", message("import.busy", LocaleContextHolder.getLocale()))), null, null);
			throw new BusinessRuleException("import.busy");
		}
	}

	/**
	 * Jobs that were running when the application stopped never finish: their
	 * transactions were rolled back, so they are marked as failed with nothing saved, and
	 * say only that (no summary or preview of what they would have added).
	 */
	int failInterrupted() {
		Locale vietnamese = Locale.forLanguageTag("vi");
		String reason = messages.getMessage("import.interrupted", null, vietnamese);
		return jdbc
			.sql("""
					update unit_import_job set status = 'FAILED', finished_at = :at,
					    errors = jsonb_build_array(jsonb_build_object('row', 0, 'column', '', 'message', cast(:reason as text))),
					    summary = :summary, plan = null
					where status in ('VALIDATING', 'APPLYING')
					""")
			.param("at", Timestamp.from(clock.instant()))
			.param("reason", reason)
			.param("summary", messages.getMessage("import.nothingSaved", null, vietnamese))
			.update();
	}

	@Override
	public void destroy() {
		executor.shutdown();
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
		Plan plan = validate(id, fileName, content, locale);
		if (!plan.errors().isEmpty()) {
			throw new ImportRejected(plan.errors());
		}
		jdbc.sql("update unit_import_job set status = 'APPLYING' where id = :id").param("id", id).update();
		applyRows(id, plan.rows(), locale);
		return load(id);
	}

	private void applyRows(UUID jobId, List<UnitImportPlanner.PlannedRow> rows, Locale locale) {
		transactions.executeWithoutResult(status -> {
			Map<Integer, Long> created = new HashMap<>();
			int done = 0;
			for (UnitImportPlanner.PlannedRow row : rows) {
				Long parentId = row.parentId() != null ? row.parentId() : created.get(row.parentRow());
				UnitRef unit = units
					.create(new NewUnit(row.code(), row.name(), row.type(), parentId, row.validFrom(), row.note()));
				created.put(row.row(), unit.id());
				if (++done % 100 == 0) {
					progress(jobId, done);
				}
			}
		});
		finish(jobId, "APPLIED", List.of(), null, message("import.applied", locale, rows.size()));
	}

	private void progress(UUID id, int done) {
		// in its own short transaction, so the page sees progress while the long one runs
		separately.executeWithoutResult(s -> jdbc.sql("update unit_import_job set processed_rows = :n where id = :id")
			.param("n", done)
			.param("id", id)
			.update());
	}

	private void finish(UUID id, String status, List<RowError> errors,
			@Nullable List<UnitImportPlanner.PlannedRow> plan, @Nullable String summary) {
		// a failed job saved nothing: it says so, and keeps no preview of what it would
		// have
		// added
		String said = summary == null && "FAILED".equals(status)
				? message("import.nothingSaved", LocaleContextHolder.getLocale()) : summary;
		separately.executeWithoutResult(s -> jdbc.sql("""
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
			.update());
	}

	private List<UnitImportPlanner.PlannedRow> plannedRows(UUID id) {
		String plan = jdbc.sql("select plan from unit_import_job where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		return plan == null ? List.of() : json.readValue(plan, ROWS);
	}

	private ImportJobView load(UUID id) {
		ImportJobView job = jdbc.sql("select * from unit_import_job where id = :id").param("id", id).query((rs, n) -> {
			String errors = rs.getString("errors");
			String plan = rs.getString("plan");
			List<String> preview = new ArrayList<>();
			if (plan != null) {
				json.readValue(plan, ROWS).stream().limit(50).forEach(row -> preview.add(row.describe()));
			}
			Timestamp finished = rs.getTimestamp("finished_at");
			return new ImportJobView(id, rs.getString("file_name"), rs.getString("status"), rs.getInt("total_rows"),
					rs.getInt("processed_rows"), errors == null ? List.of() : json.readValue(errors, ERRORS), preview,
					rs.getString("summary"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
					finished == null ? null : finished.toInstant());
		}).optional().orElseThrow(() -> new NotFoundException("import.notFound", id));
		var me = access.current();
		if (!me.isAdmin() && !me.username().equalsIgnoreCase(job.createdBy())) {
			throw AccessRefused.because("import.notYours");
		}
		return job;
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
