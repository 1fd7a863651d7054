package vn.ntm.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's scheduler: started once the application is up (after the web server),
 * stopped first on shutdown so that running jobs finish. With
 * {@code ntm.jobs.enabled=false} this instance schedules jobs but runs none (another
 * instance will).
 */
@Component
class SchedulerLifecycle implements SmartLifecycle, Jobs {

	private final DataSource dataSource;

	private final ObjectProvider<JobHandler> handlerBeans;

	private final ObjectProvider<DailyJob> dailyBeans;

	private final boolean enabled;

	private final Duration polling;

	private final String name;

	private final Duration heartbeat;

	private @Nullable Scheduler scheduler;

	private List<JobHandler> handlers = List.of();

	private List<DailyJob> daily = List.of();

	private volatile boolean running;

	/**
	 * Handlers and daily jobs are looked up when the scheduler is first needed, so that
	 * they may themselves schedule through {@link Jobs}.
	 */
	SchedulerLifecycle(DataSource dataSource, ObjectProvider<JobHandler> handlers, ObjectProvider<DailyJob> daily,
			@Value("${ntm.jobs.enabled:true}") boolean enabled,
			@Value("${ntm.jobs.polling-interval:10s}") Duration polling,
			@Value("${ntm.jobs.instance-name:}") @Nullable String instanceName,
			@Value("${ntm.jobs.heartbeat:30s}") Duration heartbeat) {
		this.dataSource = dataSource;
		this.handlerBeans = handlers;
		this.dailyBeans = daily;
		this.enabled = enabled;
		this.polling = polling;
		this.name = instanceName == null || instanceName.isBlank() ? defaultName() : instanceName;
		this.heartbeat = heartbeat;
	}

	/** This instance's name in {@code scheduled_tasks.picked_by}. */
	String instanceName() {
		return name;
	}

	/**
	 * How often a running execution says it is alive; after several missed, another
	 * instance takes it over (and a tracked run is then marked interrupted).
	 */
	Duration heartbeat() {
		return heartbeat;
	}

	private synchronized Scheduler scheduler() {
		if (scheduler == null) {
			handlers = handlerBeans.orderedStream().toList();
			daily = dailyBeans.orderedStream().toList();
			scheduler = JobSchedulers.build(dataSource, handlers, daily, name, polling, 2, heartbeat);
		}
		return scheduler;
	}

	private static String defaultName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
		}
		catch (java.net.UnknownHostException ex) {
			return "ntm-" + ProcessHandle.current().pid();
		}
	}

	@Override
	public boolean runOnce(String handler, String key, Instant at, String data) {
		Scheduler scheduler = scheduler();
		if (handlers.stream().noneMatch(h -> h.name().equals(handler))) {
			throw new IllegalArgumentException("No job handler " + handler);
		}
		boolean added = scheduler.scheduleIfNotExists(new TaskInstance<>(handler, key, data), at);
		if (added && enabled && TransactionSynchronizationManager.isSynchronizationActive()) {
			// scheduled inside a transaction: the immediate check for due executions ran
			// before the job could be seen; check again once it is committed
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Scheduler current = SchedulerLifecycle.this.scheduler;
					if (running && current != null) {
						current.triggerCheckForDueExecutions();
					}
				}
			});
		}
		return added;
	}

	@Override
	public void runNow(String dailyJob) {
		Scheduler scheduler = scheduler();
		if (daily.stream().noneMatch(j -> j.name().equals(dailyJob))) {
			throw new IllegalArgumentException("No daily job " + dailyJob);
		}
		scheduler.scheduleIfNotExists(
				new TaskInstance<>(dailyJob + JobSchedulers.NOW_SUFFIX, String.valueOf(System.nanoTime()), ""),
				Instant.now());
	}

	@Override
	public synchronized void start() {
		if (enabled) {
			scheduler().start();
		}
		running = true;
	}

	@Override
	public synchronized void stop() {
		if (enabled && scheduler != null) {
			scheduler.stop();
			// a stopped db-scheduler cannot start again: a context stopped and started
			// again
			// (e.g. paused by the test context cache) builds a new one
			scheduler = null;
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** After the web server (which starts at Integer.MAX_VALUE - 1024 and stops late). */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 512;
	}

}
