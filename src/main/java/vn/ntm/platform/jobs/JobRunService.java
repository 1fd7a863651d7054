package vn.ntm.platform.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tracked runs: a row in {@code job_run} per run, executed through db-scheduler as the
 * one-off task {@value #TASK} keyed by the run's id, so that it runs once across
 * instances and survives restarts while queued.
 */
@Service
class JobRunService implements JobRuns, JobHandler {

	private static final Logger log = LoggerFactory.getLogger(JobRunService.class);

	static final String TASK = "job-run";

	static final String FAILED = "jobs.failed";

	static final String INTERRUPTED = "jobs.interrupted";

	private static final TypeReference<List<String>> ARGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final SchedulerLifecycle scheduler;

	private final ObjectProvider<TrackedJob> jobs;

	private final TransactionTemplate separately;

	private final JsonMapper json;

	private final Clock clock;

	JobRunService(JdbcClient jdbc, SchedulerLifecycle scheduler, ObjectProvider<TrackedJob> jobs,
			PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.jobs = jobs;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String name() {
		return TASK;
	}

	@Override
	public UUID start(String kind, String owner, @Nullable Long unitId, @Nullable String fileName,
			byte @Nullable [] payload, String data) {
		job(kind);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into job_run (id, kind, owner, unit_id, state, file_name, payload, data, locale, created_at)
				values (:id, :kind, :owner, :unit, 'QUEUED', :file, :payload, :data, :locale, :at)
				""")
			.param("id", id)
			.param("kind", kind)
			.param("owner", owner)
			.param("unit", unitId)
			.param("file", fileName)
			.param("payload", payload)
			.param("data", data)
			.param("locale", LocaleContextHolder.getLocale().toLanguageTag())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		scheduler.runOnce(TASK, id.toString(), Instant.now(), "");
		return id;
	}

	@Override
	public boolean restart(UUID id) {
		int updated = jdbc.sql("""
				update job_run set state = 'QUEUED', done = 0, message_key = null, message_args = null,
				    started_at = null, finished_at = null, instance = null
				where id = :id and state = 'INTERRUPTED'
				""").param("id", id).update();
		if (updated == 0) {
			return false;
		}
		scheduler.runOnce(TASK, id.toString(), Instant.now(), "");
		return true;
	}

	@Override
	public void progress(UUID id, int done, int total) {
		// in its own short transaction, so the page sees progress while the run's long
		// one
		// is open
		separately.executeWithoutResult(
				s -> jdbc.sql("update job_run set done = :done, total = :total where id = :id and state = 'RUNNING'")
					.param("done", done)
					.param("total", total)
					.param("id", id)
					.update());
	}

	@Override
	public Optional<JobRunView> find(UUID id) {
		return jdbc.sql("""
				select id, kind, owner, unit_id, state, done, total, message_key, message_args, result, file_name,
				    created_at, started_at, finished_at
				from job_run where id = :id
				""").param("id", id).query((rs, n) -> {
			long unit = rs.getLong("unit_id");
			Long unitId = rs.wasNull() ? null : unit;
			String args = rs.getString("message_args");
			return new JobRunView(id, rs.getString("kind"), rs.getString("owner"), unitId,
					JobRunState.valueOf(rs.getString("state")), rs.getInt("done"), rs.getInt("total"),
					rs.getString("message_key"), args == null ? List.of() : json.readValue(args, ARGS),
					rs.getString("result"), rs.getString("file_name"), rs.getTimestamp("created_at").toInstant(),
					instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
		}).optional();
	}

	private static @Nullable Instant instant(@Nullable Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	@Override
	public int interruptAbandoned() {
		// a run is abandoned when no live instance runs it: its execution is gone, was
		// picked by an instance of this one's name (this one, before the restart), or its
		// heartbeat stopped; the abandoned executions go too, so that a restart of the
		// run
		// is picked at once
		Timestamp stale = Timestamp.from(clock.instant().minus(scheduler.heartbeat().multipliedBy(4)));
		List<UUID> abandoned = jdbc.sql("""
				select r.id from job_run r
				where r.state = 'RUNNING' and not exists (
				    select 1 from scheduled_tasks t
				    where t.task_name = :task and t.task_instance = cast(r.id as text)
				      and t.picked and t.picked_by <> :me and t.last_heartbeat >= :stale)
				""")
			.param("task", TASK)
			.param("me", scheduler.instanceName())
			.param("stale", stale)
			.query(UUID.class)
			.list();
		for (UUID id : abandoned) {
			jdbc.sql("delete from scheduled_tasks where task_name = :task and task_instance = :id")
				.param("task", TASK)
				.param("id", id.toString())
				.update();
			end(id, JobRunState.INTERRUPTED, INTERRUPTED, null, "RUNNING");
		}
		return abandoned.size();
	}

	/** Runs the run {@code key} once; never throws (a failure is the run's state). */
	@Override
	public void run(String key, String data) {
		UUID id = UUID.fromString(key);
		int picked = jdbc.sql("""
				update job_run set state = 'RUNNING', started_at = :at, instance = :me, done = 0
				where id = :id and state = 'QUEUED'
				""")
			.param("at", Timestamp.from(clock.instant()))
			.param("me", scheduler.instanceName())
			.param("id", id)
			.update();
		if (picked == 0) {
			// still RUNNING: the instance that ran it died and db-scheduler gave its
			// execution
			// to this one; the work was lost with its transaction
			if (end(id, JobRunState.INTERRUPTED, INTERRUPTED, null, "RUNNING")) {
				log.warn("Run {} was cut short by the death of its instance: marked interrupted", id);
			}
			return;
		}
		TrackedJob.Run run = jdbc
			.sql("select kind, owner, unit_id, file_name, data, locale, payload from job_run where id = :id")
			.param("id", id)
			.query((rs, n) -> {
				long unit = rs.getLong("unit_id");
				Long unitId = rs.wasNull() ? null : unit;
				return new TrackedJob.Run(id, rs.getString("kind"), rs.getString("owner"), unitId,
						rs.getString("file_name"), rs.getString("data"), Locale.forLanguageTag(rs.getString("locale")),
						rs.getBytes("payload"));
			})
			.single();
		LocaleContextHolder.setLocale(run.locale());
		try {
			String result = job(run.kind()).run(run);
			end(id, JobRunState.DONE, null, result, "RUNNING");
		}
		catch (RuntimeException ex) {
			log.warn("Run {} ({}) failed; nothing was saved", id, run.kind(), ex);
			end(id, JobRunState.FAILED, FAILED, null, "RUNNING");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private TrackedJob job(String kind) {
		return jobs.orderedStream()
			.filter(j -> j.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No tracked job " + kind));
	}

	/**
	 * Ends a run in {@code from}; the payload goes unless it may start again. Committed
	 * at once.
	 */
	private boolean end(UUID id, JobRunState state, @Nullable String key, @Nullable String result, String from) {
		Integer updated = separately.execute(s -> jdbc.sql("""
				update job_run set state = :state, message_key = :key, message_args = cast(:args as jsonb),
				    result = :result, finished_at = :at,
				    done = case when :state = 'DONE' then greatest(total, done) else done end,
				    payload = case when :state = 'INTERRUPTED' then payload else null end
				where id = :id and state = :from
				""")
			.param("state", state.name())
			.param("key", key)
			.param("args", key == null ? null : "[]")
			.param("result", result)
			.param("at", Timestamp.from(clock.instant()))
			.param("id", id)
			.param("from", from)
			.update());
		return updated != null && updated > 0;
	}

}
