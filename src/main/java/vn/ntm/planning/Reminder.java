package vn.ntm.planning;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A reminder in a user's inbox.
 *
 * @param kind DUE_SOON, OVERDUE, RETURNED or REASSIGNED
 */
public record Reminder(long id, long taskId, String taskTitle, String kind, String occasion, Instant createdAt,
		@Nullable Instant readAt, @Nullable Instant emailedAt) {
}
