package vn.ntm.platform.jobs;

import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A kind of background work whose runs users follow ({@link JobRuns}): started with
 * {@link JobRuns#start}, run once by one instance through the scheduler, its progress
 * reported with {@link JobRuns#progress}. Work that saves must save all or nothing: a run
 * that throws is FAILED ("nothing was saved"), and one cut short by a restart is
 * INTERRUPTED and may be started again.
 */
public interface TrackedJob {

	/** The kind's name, unique in the application ("unit-import-check"). */
	String kind();

	/**
	 * Does the work on a scheduler thread, with the starter's language set; returns a
	 * summary of what it produced (in {@link Run#locale()}), or throws.
	 */
	@Nullable String run(Run run);

	/**
	 * What a run was started with.
	 *
	 * @param owner the user who started it (the work runs with that user's rights, which
	 * the module sets)
	 * @param payload the file uploaded with it, if any
	 */
	record Run(UUID id, String kind, String owner, @Nullable Long unitId, @Nullable String fileName, String data,
			Locale locale, byte @Nullable [] payload) {
	}

}
