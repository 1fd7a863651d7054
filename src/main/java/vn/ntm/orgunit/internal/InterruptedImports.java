package vn.ntm.orgunit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ntm.shared.StartupTask;

/**
 * On start-up, marks imports that were still running when the application last stopped as
 * failed, so that their pages stop showing progress that will never come.
 */
@Component
class InterruptedImports extends StartupTask {

	private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

	private final UnitImportJobs jobs;

	InterruptedImports(UnitImportJobs jobs) {
		super(WEB_SERVER - 300);
		this.jobs = jobs;
	}

	@Override
	protected void run() {
		int failed = jobs.failInterrupted();
		if (failed > 0) {
			log.warn("{} import(s) interrupted by the last shutdown were marked as failed", failed);
		}
	}

}
