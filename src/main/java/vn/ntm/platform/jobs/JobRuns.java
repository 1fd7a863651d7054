package vn.ntm.platform.jobs;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The one progress model of background work (table {@code job_run}): runs of
 * {@link TrackedJob}s, queued, running with done/total, done, failed or interrupted by a
 * restart. Modules check who may read a run (its owner, administrators) themselves.
 */
public interface JobRuns {

	/**
	 * Records a run of {@code kind} QUEUED for {@code owner} in the current language and
	 * schedules it (inside the caller's transaction if there is one). The payload (an
	 * uploaded file) is kept until the run ends.
	 */
	UUID start(String kind, String owner, @Nullable Long unitId, @Nullable String fileName, byte @Nullable [] payload,
			String data);

	/**
	 * Starts again a run that a restart interrupted, with what it was started with; false
	 * when it was not interrupted.
	 */
	boolean restart(UUID id);

	/**
	 * Reports progress, committed at once (also while the run's own transaction is open).
	 */
	void progress(UUID id, int done, int total);

	Optional<JobRunView> find(UUID id);

	/**
	 * The start-up rule: runs still RUNNING that no live instance is running (no
	 * execution, an execution of this instance's name, or one whose heartbeat has
	 * stopped) were cut short by a restart: they become INTERRUPTED. Returns how many.
	 */
	int interruptAbandoned();

}
