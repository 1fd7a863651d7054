package vn.ntm.platform.jobs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A tracked run as its progress page shows it.
 *
 * @param messageKey why it failed or stopped ({@code jobs.failed},
 * {@code jobs.interrupted}), rendered in the reader's language with {@code messageArgs}
 * @param result what it produced, in the language of the user who started it
 */
public record JobRunView(UUID id, String kind, String owner, @Nullable Long unitId, JobRunState state, int done,
		int total, @Nullable String messageKey, List<String> messageArgs, @Nullable String result,
		@Nullable String fileName, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt) {

	public boolean finished() {
		return state.finished();
	}

	public int percent() {
		if (state == JobRunState.DONE) {
			return 100;
		}
		return total <= 0 ? 0 : Math.min(99, done * 100 / total);
	}

}
