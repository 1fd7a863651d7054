package vn.ntm.planning.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import vn.ntm.planning.Planning;
import vn.ntm.planning.TaskView;
import vn.ntm.shared.work.WorkItem;
import vn.ntm.shared.work.WorkItemSource;

/**
 * The planning part of the home page's work list: the open tasks the user leads
 * ({@link Planning#myTasks}), late ones first, each with its due day and a link to the
 * task's page, where progress is reported.
 */
@Component
class PlanningWork implements WorkItemSource {

	private final Planning planning;

	private final Clock clock;

	PlanningWork(Planning planning, Clock clock) {
		this.planning = planning;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> items() {
		LocalDate today = LocalDate.now(clock);
		return planning.myTasks().stream().map(task -> item(task, today)).toList();
	}

	private static WorkItem item(TaskView task, LocalDate today) {
		String kind = task.overdueOn(today) ? "work.kind.task.OVERDUE" : "work.kind.task.OPEN";
		String detail = task.deadline() != null ? task.planTitle() + " — " + task.deadline().text() : task.planTitle();
		return new WorkItem(kind, task.title(), detail, "/tasks/" + task.id(), task.dueOn(today).orElse(null),
				task.changedAt());
	}

}
