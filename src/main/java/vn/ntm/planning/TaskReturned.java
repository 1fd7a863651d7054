package vn.ntm.planning;

/** The level above returned a task's reported progress, with a reason. */
public record TaskReturned(long taskId, String reason) {
}
