package vn.ntm.platform.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ntm.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one progress model of background work: a run's progress is visible while it runs, a
 * failure says only that nothing was saved, a run left RUNNING by a restart is shown as
 * interrupted (the start-up rule, and db-scheduler's dead-execution detection) and can be
 * started again with its file, and runs are run once by several schedulers sharing the
 * database.
 */
@IntegrationTest
class JobRunsTests {

	/** As a page would: the reader's language is Vietnamese. */
	@BeforeEach
	void vietnamese() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Autowired
	JobRuns runs;

	@Autowired
	JobRunService service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	private JobRunView view(UUID id) {
		return runs.find(id).orElseThrow();
	}

	@Test
	void shouldShowProgressWhileARunIsRunningThenItsResult() {
		UUID id = runs.start(ProbeJob.KIND, "tester", 42L, "thon.xlsx", "abc".getBytes(StandardCharsets.UTF_8), "hold");
		try {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				JobRunView run = view(id);
				assertThat(run.state()).isEqualTo(JobRunState.RUNNING);
				assertThat(run.done()).isEqualTo(3);
				assertThat(run.total()).isEqualTo(10);
				assertThat(run.percent()).isEqualTo(30);
				assertThat(run.finished()).isFalse();
			});
		}
		finally {
			ProbeJob.release(id);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> view(id).finished());
		JobRunView done = view(id);
		assertThat(done.state()).isEqualTo(JobRunState.DONE);
		assertThat(done.result()).isEqualTo("3 byte(s), vi");
		assertThat(done.percent()).isEqualTo(100);
		assertThat(done.owner()).isEqualTo("tester");
		assertThat(done.unitId()).isEqualTo(42L);
		assertThat(done.fileName()).isEqualTo("thon.xlsx");
		assertThat(done.startedAt()).isNotNull();
		assertThat(done.finishedAt()).isNotNull();
		// the file goes with the run
		assertThat(payloadOf(id)).isNull();
	}

	@Test
	void shouldSayOnlyThatNothingWasSavedWhenARunFails() {
		UUID id = runs.start(ProbeJob.KIND, "tester", null, null, null, "fail");
		await().atMost(Duration.ofSeconds(30)).until(() -> view(id).finished());
		JobRunView failed = view(id);
		assertThat(failed.state()).isEqualTo(JobRunState.FAILED);
		assertThat(failed.messageKey()).isEqualTo("jobs.failed");
		assertThat(failed.result()).isNull();
	}

	@Test
	void shouldShowARunLeftRunningByARestartAsInterruptedAndStartItAgain() {
		UUID id = UUID.randomUUID();
		// what a stop in the middle of a run leaves: the run RUNNING, its execution
		// picked
		// by an instance that no longer beats (for longer than four heartbeats of 30 s,
		// not yet the six after which db-scheduler would take it over)
		jdbc.sql("""
				insert into job_run (id, kind, owner, state, done, total, file_name, payload, data, locale, instance,
				    started_at)
				values (:id, :kind, 'tester', 'RUNNING', 40, 126, 'thon.csv', :payload, 'count', 'vi', 'old-instance',
				    now() - interval '10 minutes')
				""")
			.param("id", id)
			.param("kind", ProbeJob.KIND)
			.param("payload", "Mã,Tên".getBytes(StandardCharsets.UTF_8))
			.update();
		jdbc.sql("""
				insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
				    last_heartbeat, version)
				values ('job-run', :id, now() - interval '10 minutes', true, 'old-instance',
				    now() - interval '150 seconds', 1)
				""").param("id", id.toString()).update();

		assertThat(runs.interruptAbandoned()).isGreaterThanOrEqualTo(1);

		JobRunView interrupted = view(id);
		assertThat(interrupted.state()).isEqualTo(JobRunState.INTERRUPTED);
		assertThat(interrupted.finished()).isTrue();
		assertThat(interrupted.messageKey()).isEqualTo("jobs.interrupted");
		assertThat(interrupted.finishedAt()).isNotNull();
		// kept, so that it can start again
		assertThat(payloadOf(id)).isNotNull();
		assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = :id")
			.param("id", id.toString())
			.query(Integer.class)
			.single()).isZero();

		assertThat(runs.restart(id)).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> view(id).state() == JobRunState.DONE);
		assertThat(view(id).result()).isEqualTo("8 byte(s), vi");
		assertThat(runs.restart(id)).isFalse();
	}

	@Test
	void shouldKeepARunThatALiveInstanceIsRunning() {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into job_run (id, kind, owner, state, data, instance, started_at)
				values (:id, :kind, 'tester', 'RUNNING', 'count', 'other-instance', now())
				""").param("id", id).param("kind", ProbeJob.KIND).update();
		jdbc.sql("""
				insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
				    last_heartbeat, version)
				values ('job-run', :id, now(), true, 'other-instance', now(), 1)
				""").param("id", id.toString()).update();
		try {
			runs.interruptAbandoned();
			assertThat(view(id).state()).isEqualTo(JobRunState.RUNNING);
		}
		finally {
			jdbc.sql("delete from scheduled_tasks where task_instance = :id").param("id", id.toString()).update();
		}
	}

	@Test
	void shouldMarkARunInterruptedWhenItsDeadExecutionIsTakenOver() {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into job_run (id, kind, owner, state, data, instance, started_at)
				values (:id, :kind, 'tester', 'RUNNING', 'count', 'dead-instance', now() - interval '1 hour')
				""").param("id", id).param("kind", ProbeJob.KIND).update();
		// db-scheduler gives the execution of a dead instance to a live one
		service.run(id.toString(), "");
		assertThat(view(id).state()).isEqualTo(JobRunState.INTERRUPTED);
		assertThat(ProbeJob.runs).doesNotContainKey(id);
	}

	@Test
	void shouldRunEachRunOnceWhenSeveralSchedulersShareTheDatabase() {
		Scheduler a = JobSchedulers.build(dataSource, List.of(service), List.of(), "instance-a", Duration.ofMillis(100),
				2);
		Scheduler b = JobSchedulers.build(dataSource, List.of(service), List.of(), "instance-b", Duration.ofMillis(100),
				2);
		List<UUID> ids = new ArrayList<>();
		a.start();
		b.start();
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			for (int i = 0; i < 20; i++) {
				ids.add(runs.start(ProbeJob.KIND, "tester", null, null, null, "count"));
			}
			await().atMost(Duration.ofSeconds(60))
				.until(() -> ids.stream().allMatch(id -> view(id).state() == JobRunState.DONE));
		}
		finally {
			a.stop();
			b.stop();
		}
		for (UUID id : ids) {
			assertThat(ProbeJob.runs.get(id)).as("runs of %s", id).hasValue(1);
			assertThat(view(id).result()).isEqualTo("0 byte(s), en");
		}
	}

	private byte @org.jspecify.annotations.Nullable [] payloadOf(UUID id) {
		return jdbc.sql("select payload from job_run where id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getBytes(1))
			.list()
			.get(0);
	}

}
