package vn.ntm.planning;

/** A task was given to another lead (an account). */
public record TaskReassigned(long taskId, long leadUserId) {
}
