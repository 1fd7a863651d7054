package vn.ntm.funding.internal;

import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.funding.FundingImportView;
import vn.ntm.funding.FundingImports;
import vn.ntm.funding.internal.ImportSheets.Issue;
import vn.ntm.platform.jobs.JobRunState;
import vn.ntm.platform.jobs.JobRunView;
import vn.ntm.platform.jobs.JobRuns;
import vn.ntm.platform.jobs.TrackedJob;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.NotFoundException;

/**
 * Funding imports as tracked runs of the application's job facility ({@link JobRuns},
 * kind {@value #KIND}): an upload is recorded ({@code funding_import_job}) with its run
 * in one transaction, the file waiting in the run; the run reads and checks the file as
 * its author (the same scope and rights as in the request) and reports its progress, and
 * the import saves every row in one transaction or none. The import's row keeps what it
 * means (phase, problems, counts saved, recorded with the rows); how far it got and
 * whether a restart cut it short come from the run. An interrupted import saved nothing
 * and may be started again with the same file. The disbursement-only upload is a run of
 * the same import that reads only the disbursements.
 */
@Service
class FundingImportJobs implements FundingImports, TrackedJob {

	static final String KIND = "funding-import";

	private static final Logger log = LoggerFactory.getLogger(FundingImportJobs.class);

	/** Files larger than this are refused at upload. */
	static final int MAX_BYTES = 20 * 1024 * 1024;

	private static final TypeReference<List<Issue>> ISSUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final WorkbookImport workbooks;

	private final ImportTemplate template;

	private final FundingService service;

	private final AccessPolicy access;

	private final JobRuns runs;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	FundingImportJobs(JdbcClient jdbc, WorkbookImport workbooks, ImportTemplate template, FundingService service,
			AccessPolicy access, JobRuns runs, JsonMapper json, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.workbooks = workbooks;
		this.template = template;
		this.service = service;
		this.access = access;
		this.runs = runs;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public void writeTemplate(long unitId, OutputStream out) {
		service.requireEdit(unitId);
		template.write(unitId, out);
	}

	@Override
	@Transactional
	public UUID startImport(long unitId, String fileName, byte[] xlsx) {
		return start(unitId, fileName, xlsx, false);
	}

	@Override
	@Transactional
	public UUID startDisbursementImport(long unitId, String fileName, byte[] xlsx) {
		return start(unitId, fileName, xlsx, true);
	}

	private UUID start(long unitId, String fileName, byte[] xlsx, boolean disbursementsOnly) {
		service.requireEdit(unitId);
		if (xlsx.length == 0) {
			throw new BusinessRuleException("funding.import.noFile");
		}
		if (xlsx.length > MAX_BYTES) {
			throw new BusinessRuleException("funding.import.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		UUID id = UUID.randomUUID();
		String name = fileName.isBlank() ? "tep.xlsx" : fileName;
		String owner = access.current().username();
		jdbc.sql("""
				insert into funding_import_job (id, unit_id, file_name, status, disbursements_only, created_by)
				values (:id, :unit, :name, 'QUEUED', :only, :by)
				""")
			.param("id", id)
			.param("unit", unitId)
			.param("name", name)
			.param("only", disbursementsOnly)
			.param("by", owner)
			.update();
		// joins this transaction: the run exists only if the import is recorded
		UUID run = runs.start(KIND, owner, unitId, name, xlsx, id.toString());
		jdbc.sql("update funding_import_job set run_id = :run where id = :id")
			.param("run", run)
			.param("id", id)
			.update();
		return id;
	}

	@Override
	public String kind() {
		return KIND;
	}

	/**
	 * The run: as the author of the upload, in their language. A file refused (its
	 * problems, or unreadable) ends the run done with the import REJECTED; anything else
	 * that goes wrong marks the import FAILED and fails the run. Nothing is saved unless
	 * every row is.
	 */
	@Override
	public @Nullable String run(Run run) {
		UUID id = UUID.fromString(run.data());
		Waiting job = jdbc.sql("""
				select unit_id, file_name, disbursements_only from funding_import_job
				where id = :id and status in ('QUEUED', 'CHECKING', 'SAVING')
				""")
			.param("id", id)
			.query((rs, n) -> new Waiting(rs.getLong("unit_id"), rs.getString("file_name"),
					rs.getBoolean("disbursements_only")))
			.optional()
			.orElse(null);
		if (job == null) {
			return null;
		}
		byte[] content = run.payload() == null ? new byte[0] : run.payload();
		return SystemTask.callAs(run.owner(), () -> {
			try {
				status(id, "CHECKING");
				int[] total = { 0 };
				WorkbookImport.Outcome outcome = workbooks.run(job.unitId(), job.fileName(), content,
						job.disbursementsOnly(), new WorkbookImport.Progress() {
							@Override
							public void total(int rows) {
								total[0] = rows;
								runs.progress(run.id(), 0, rows);
							}

							@Override
							public void checked(int rows) {
								runs.progress(run.id(), rows, total[0]);
							}

							@Override
							public void saving() {
								status(id, "SAVING");
							}

							@Override
							public void saved(WorkbookImport.Outcome saved) {
								// in the saving transaction: recorded DONE with the rows
								// or
								// not at all
								finish(id, "DONE", saved);
							}
						});
				if (!outcome.problems().isEmpty()) {
					finish(id, "REJECTED", outcome);
				}
				return summary(outcome, run.locale());
			}
			catch (RuntimeException ex) {
				if (ex instanceof LocalizedFailure failure) {
					log.info("Funding import {} refused: {}", id, failure.messageKey());
					WorkbookImport.Outcome refused = WorkbookImport.Outcome.rejected(
							List.of(new Issue("", 0, "", failure.messageKey(), Arrays.asList(failure.arguments()))));
					finish(id, "REJECTED", refused);
					return summary(refused, run.locale());
				}
				log.error("Funding import {} failed", id, ex);
				finish(id, "FAILED",
						WorkbookImport.Outcome.rejected(List.of(Issue.of("", 0, "", "funding.import.failed"))));
				throw ex;
			}
		});
	}

	private String summary(WorkbookImport.Outcome outcome, Locale locale) {
		if (!outcome.problems().isEmpty()) {
			return LocalizedMessages.get(messages, "funding.imports.rejected",
					new Object[] { outcome.problems().size() }, locale);
		}
		return LocalizedMessages.get(messages, "funding.imports.done",
				new Object[] { outcome.plans(), outcome.works(), outcome.allocations(), outcome.disbursements() },
				locale);
	}

	private record Waiting(long unitId, String fileName, boolean disbursementsOnly) {
	}

	private void status(UUID id, String status) {
		jdbc.sql("update funding_import_job set status = :status where id = :id")
			.param("status", status)
			.param("id", id)
			.update();
	}

	private void finish(UUID id, String status, WorkbookImport.Outcome outcome) {
		jdbc.sql("""
				update funding_import_job set status = :status, problems = cast(:problems as jsonb),
				    plans = :plans, works = :works, allocations = :allocations, disbursements = :disbursements,
				    finished_at = :at
				where id = :id
				""")
			.param("status", status)
			.param("problems", json.writeValueAsString(outcome.problems()))
			.param("plans", outcome.plans())
			.param("works", outcome.works())
			.param("allocations", outcome.allocations())
			.param("disbursements", outcome.disbursements())
			.param("at", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
	}

	@Override
	@Transactional
	public void restartImport(UUID id) {
		FundingImportView view = importJob(id);
		UUID run = runOf(id);
		if (!view.interrupted() || run == null) {
			throw new BusinessRuleException("funding.import.notInterrupted");
		}
		status(id, "QUEUED");
		if (!runs.restart(run)) {
			throw new BusinessRuleException("funding.import.notInterrupted");
		}
	}

	private @Nullable UUID runOf(UUID id) {
		return jdbc.sql("select run_id from funding_import_job where id = :id")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

	/**
	 * The import as its page shows it: what it means from its row, how far it got from
	 * its run. One still working whose run a restart interrupted is INTERRUPTED (nothing
	 * saved, may be started again); one whose run failed outside the import's own
	 * handling is FAILED.
	 */
	@Override
	public FundingImportView importJob(UUID id) {
		Locale locale = LocaleContextHolder.getLocale();
		Stored stored = jdbc.sql("""
				select unit_id, file_name, status, problems, plans, works, allocations, disbursements, created_by,
				    created_at, finished_at, run_id
				from funding_import_job where id = :id
				""").param("id", id).query((rs, n) -> {
			Timestamp finished = rs.getTimestamp("finished_at");
			return new Stored(rs.getLong("unit_id"), rs.getString("file_name"), rs.getString("status"),
					rs.getString("problems"), rs.getInt("plans"), rs.getInt("works"), rs.getInt("allocations"),
					rs.getInt("disbursements"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
					finished == null ? null : finished.toInstant(), rs.getObject("run_id", UUID.class));
		}).optional().orElseThrow(() -> new NotFoundException("funding.import.notFound", id));
		CurrentUser me = access.current();
		if (!me.isAdmin() && !me.username().equalsIgnoreCase(stored.createdBy())) {
			throw AccessRefused.because("funding.import.notYours");
		}
		JobRunView run = stored.runId() == null ? null : runs.find(stored.runId()).orElse(null);
		String status = stored.status();
		List<Issue> issues = stored.problems() == null ? List.of() : json.readValue(stored.problems(), ISSUES);
		Instant finishedAt = stored.finishedAt();
		boolean working = List.of("QUEUED", "CHECKING", "SAVING").contains(status);
		if (working && run != null && (run.state() == JobRunState.INTERRUPTED || run.state() == JobRunState.FAILED)) {
			boolean interrupted = run.state() == JobRunState.INTERRUPTED;
			status = interrupted ? "INTERRUPTED" : "FAILED";
			issues = interrupted ? List.of() : List.of(Issue.of("", 0, "", "funding.import.failed"));
			finishedAt = run.finishedAt();
		}
		List<FundingImportView.ImportProblem> rendered = new ArrayList<>();
		for (Issue issue : issues) {
			rendered.add(render(issue, locale));
		}
		int total = run == null ? 0 : run.total();
		int done = run == null ? 0 : run.done();
		return new FundingImportView(id, stored.unitId(), stored.fileName(), status, total, done, rendered,
				stored.plans(), stored.works(), stored.allocations(), stored.disbursements(), stored.createdBy(),
				stored.createdAt(), finishedAt);
	}

	private record Stored(long unitId, String fileName, String status, @Nullable String problems, int plans, int works,
			int allocations, int disbursements, String createdBy, Instant createdAt, @Nullable Instant finishedAt,
			@Nullable UUID runId) {
	}

	/** "Kế hoạch vốn — Dòng 7, cột 'Nguồn vốn': …" in the reader's language. */
	private FundingImportView.ImportProblem render(Issue issue, Locale locale) {
		String message = LocalizedMessages.get(messages, issue.key(), issue.args().toArray(), locale);
		String placed;
		if (issue.row() <= 0) {
			placed = issue.sheet().isEmpty() ? message : LocalizedMessages.get(messages, "funding.import.atSheet",
					new Object[] { issue.sheet(), message }, locale);
		}
		else if (issue.column().isEmpty()) {
			placed = LocalizedMessages.get(messages, "funding.import.atRow",
					new Object[] { issue.sheet(), String.valueOf(issue.row()), message }, locale);
		}
		else {
			placed = LocalizedMessages.get(messages, "funding.import.atCell",
					new Object[] { issue.sheet(), String.valueOf(issue.row()), issue.column(), message }, locale);
		}
		return new FundingImportView.ImportProblem(issue.sheet(), issue.row(), issue.column(), placed);
	}

}
