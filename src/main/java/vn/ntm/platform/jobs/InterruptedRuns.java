package vn.ntm.platform.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ntm.shared.StartupTask;

/**
 * The one "interrupted by a restart" rule, applied at start-up before the web server
 * opens: runs left RUNNING by the last shutdown are marked INTERRUPTED (nothing saved;
 * may be started again), so their pages stop showing progress that will never come. Runs
 * of an instance that died while others go on are caught by db-scheduler's dead-execution
 * detection ({@link JobRunService#run}).
 */
@Component
class InterruptedRuns extends StartupTask {

	private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

	private final JobRuns runs;

	InterruptedRuns(JobRuns runs) {
		super(WEB_SERVER - 300);
		this.runs = runs;
	}

	@Override
	protected void run() {
		int interrupted = runs.interruptAbandoned();
		if (interrupted > 0) {
			log.warn("{} background run(s) cut short by the last shutdown were marked interrupted", interrupted);
		}
	}

}
