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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.funding.FundingImportView;
import vn.ntm.funding.FundingImports;
import vn.ntm.funding.internal.ImportSheets.Issue;
import vn.ntm.platform.jobs.JobHandler;
import vn.ntm.platform.jobs.Jobs;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.CurrentUser;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.NotFoundException;

/**
 * Funding imports on the application's job facility: an upload is stored as a job
 * ({@code funding_import_job}) and scheduled in the same transaction; the job reads and
 * checks the file as its author (the same scope and rights as in the request), commits
 * its progress row by row so that the page can poll it, and saves every row in one
 * transaction or none. A job cut short by a restart is run again by the scheduler from
 * the start: nothing of it had been saved.
 */
@Service
class FundingImportJobs implements FundingImports, JobHandler {

	static final String KIND = "funding-import";

	private static final Logger log = LoggerFactory.getLogger(FundingImportJobs.class);

	/** Files larger than this are refused at upload. */
	static final int MAX_BYTES = 20 * 1024 * 1024;

	private static final TypeReference<List<Issue>> ISSUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final DisbursementImport disbursements;

	private final WorkbookImport workbooks;

	private final ImportTemplate template;

	private final FundingService service;

	private final AccessPolicy access;

	private final Jobs jobs;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	FundingImportJobs(JdbcClient jdbc, DisbursementImport disbursements, WorkbookImport workbooks,
			ImportTemplate template, FundingService service, AccessPolicy access, Jobs jobs, JsonMapper json,
			MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.disbursements = disbursements;
		this.workbooks = workbooks;
		this.template = template;
		this.service = service;
		this.access = access;
		this.jobs = jobs;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public int importDisbursements(long unitId, byte[] xlsx) {
		return disbursements.importDisbursements(unitId, xlsx);
	}

	@Override
	public void writeTemplate(long unitId, OutputStream out) {
		service.requireEdit(unitId);
		template.write(unitId, out);
	}

	@Override
	@Transactional
	public UUID startImport(long unitId, String fileName, byte[] xlsx) {
		service.requireEdit(unitId);
		if (xlsx.length == 0) {
			throw new BusinessRuleException("funding.import.noFile");
		}
		if (xlsx.length > MAX_BYTES) {
			throw new BusinessRuleException("funding.import.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into funding_import_job (id, unit_id, file_name, status, content, created_by)
				values (:id, :unit, :name, 'QUEUED', :content, :by)
				""")
			.param("id", id)
			.param("unit", unitId)
			.param("name", fileName.isBlank() ? "tep.xlsx" : fileName)
			.param("content", xlsx)
			.param("by", access.current().username())
			.update();
		// joins this transaction: the job exists only if the upload is stored
		jobs.runOnce(KIND, id.toString(), Instant.now(), id.toString());
		return id;
	}

	@Override
	public String name() {
		return KIND;
	}

	/**
	 * The job: runs as the author of the upload, never throws (a failure is its state).
	 */
	@Override
	public void run(String key, String data) {
		UUID id = UUID.fromString(data);
		Waiting job = jdbc.sql("""
				select unit_id, file_name, created_by, content from funding_import_job
				where id = :id and status in ('QUEUED', 'CHECKING', 'SAVING')
				""")
			.param("id", id)
			.query((rs, n) -> new Waiting(rs.getLong("unit_id"), rs.getString("file_name"), rs.getString("created_by"),
					rs.getBytes("content")))
			.optional()
			.orElse(null);
		if (job == null || job.content() == null) {
			return;
		}
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(job.author(), null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			status(id, "CHECKING");
			WorkbookImport.Outcome outcome = workbooks.run(job.unitId(), job.fileName(), job.content(),
					new WorkbookImport.Progress() {
						@Override
						public void total(int rows) {
							jdbc.sql("update funding_import_job set total_rows = :n, processed_rows = 0 where id = :id")
								.param("n", rows)
								.param("id", id)
								.update();
						}

						@Override
						public void checked(int rows) {
							jdbc.sql("update funding_import_job set processed_rows = :n where id = :id")
								.param("n", rows)
								.param("id", id)
								.update();
						}

						@Override
						public void saving() {
							status(id, "SAVING");
						}
					});
			finish(id, outcome.problems().isEmpty() ? "DONE" : "REJECTED", outcome);
		}
		catch (RuntimeException ex) {
			if (ex instanceof LocalizedFailure failure) {
				log.info("Funding import {} refused: {}", id, failure.messageKey());
				finish(id, "REJECTED", WorkbookImport.Outcome
					.rejected(List.of(new Issue("", 0, "", failure.messageKey(), Arrays.asList(failure.arguments())))));
			}
			else {
				log.error("Funding import {} failed", id, ex);
				finish(id, "FAILED",
						WorkbookImport.Outcome.rejected(List.of(Issue.of("", 0, "", "funding.import.failed"))));
			}
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private record Waiting(long unitId, String fileName, String author, byte @Nullable [] content) {
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
				    processed_rows = case when :status = 'DONE' then total_rows else processed_rows end,
				    content = null, finished_at = :at
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
	public FundingImportView importJob(UUID id) {
		Locale locale = LocaleContextHolder.getLocale();
		FundingImportView view = jdbc.sql("""
				select id, unit_id, file_name, status, total_rows, processed_rows, problems, plans, works, allocations,
				    disbursements, created_by, created_at, finished_at
				from funding_import_job where id = :id
				""").param("id", id).query((rs, n) -> {
			String problems = rs.getString("problems");
			List<FundingImportView.ImportProblem> rendered = new ArrayList<>();
			if (problems != null) {
				for (Issue issue : json.readValue(problems, ISSUES)) {
					rendered.add(render(issue, locale));
				}
			}
			Timestamp finished = rs.getTimestamp("finished_at");
			return new FundingImportView(id, rs.getLong("unit_id"), rs.getString("file_name"), rs.getString("status"),
					rs.getInt("total_rows"), rs.getInt("processed_rows"), rendered, rs.getInt("plans"),
					rs.getInt("works"), rs.getInt("allocations"), rs.getInt("disbursements"),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
					finished == null ? null : finished.toInstant());
		}).optional().orElseThrow(() -> new NotFoundException("funding.import.notFound", id));
		CurrentUser me = access.current();
		if (!me.isAdmin() && !me.username().equalsIgnoreCase(view.createdBy())) {
			throw AccessRefused.because("funding.import.notYours");
		}
		return view;
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
