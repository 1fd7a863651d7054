package vn.ntm.platform.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import vn.ntm.shared.VnFormat;

/**
 * Builds the db-scheduler {@link Scheduler} for a set of handlers and daily jobs. The
 * application builds one (see {@code SchedulerLifecycle}); tests build a second on the
 * same database to prove each job runs once.
 */
public final class JobSchedulers {

	private JobSchedulers() {
	}

	public static Scheduler build(DataSource dataSource, List<JobHandler> handlers, List<DailyJob> daily,
			String instanceName, Duration pollingInterval, int threads) {
		return build(dataSource, handlers, daily, instanceName, pollingInterval, threads, Duration.ofSeconds(30));
	}

	/**
	 * As above, with the interval of heartbeats of running executions: an execution whose
	 * instance misses six is taken over by another (db-scheduler's dead-execution
	 * detection).
	 */
	public static Scheduler build(DataSource dataSource, List<JobHandler> handlers, List<DailyJob> daily,
			String instanceName, Duration pollingInterval, int threads, Duration heartbeat) {
		List<Task<?>> known = new ArrayList<>();
		for (JobHandler handler : handlers) {
			known.add(oneTime(handler));
		}
		List<RecurringTask<?>> recurring = new ArrayList<>();
		for (DailyJob job : daily) {
			recurring.add(Tasks.recurring(job.name(), Schedules.daily(VnFormat.ZONE, job.at()))
				.execute((instance, context) -> job.run()));
			known.add(Tasks.oneTime(job.name() + NOW_SUFFIX, String.class).execute((instance, context) -> job.run()));
		}
		// scheduling inside a transaction joins it (atomic with what it schedules for,
		// and no
		// second connection while the transaction holds one), as db-scheduler's Spring
		// starter does
		DataSource transactional = dataSource instanceof TransactionAwareDataSourceProxy ? dataSource
				: new TransactionAwareDataSourceProxy(dataSource);
		return Scheduler.create(transactional, known)
			.startTasks(recurring)
			.schedulerName(new SchedulerName.Fixed(instanceName))
			.pollingInterval(pollingInterval)
			.threads(threads)
			.heartbeatInterval(heartbeat)
			.enableImmediateExecution()
			.build();
	}

	/** The one-off task that runs a daily job now ({@link Jobs#runNow}). */
	static final String NOW_SUFFIX = "-now";

	static OneTimeTask<String> oneTime(JobHandler handler) {
		return Tasks.oneTime(handler.name(), String.class)
			.execute((instance, context) -> handler.run(instance.getId(), instance.getData()));
	}

}
