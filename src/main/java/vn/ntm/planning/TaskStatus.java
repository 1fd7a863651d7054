package vn.ntm.planning;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a task stands. Labels are in the bundles under {@code planning.status.<NAME>}.
 */
public enum TaskStatus {

	/** Chưa thực hiện. */
	TODO,
	/** Đang thực hiện. */
	IN_PROGRESS,
	/** Bị trả lại: the lead above returned the reported progress with a reason. */
	RETURNED,
	/** Hoàn thành. */
	DONE,
	/** Dừng thực hiện. */
	CANCELLED;

	/** Statuses of tasks still to do: they can be late. */
	public static final Set<TaskStatus> OPEN = EnumSet.of(TODO, IN_PROGRESS, RETURNED);

	public boolean isOpen() {
		return OPEN.contains(this);
	}

	/**
	 * The status a progress report leads to: 100% done (or the whole quantity) finishes
	 * the task, anything else means it is under way; a finished or stopped task takes no
	 * report.
	 */
	public TaskStatus afterReport(boolean complete) {
		return complete ? DONE : IN_PROGRESS;
	}

	public String messageKey() {
		return "planning.status." + name();
	}

}
