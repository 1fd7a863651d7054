package vn.ntm.planning.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.planning.Deadline;
import vn.ntm.planning.TaskStatus;
import vn.ntm.planning.TaskView;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.work.CalendarEntry;
import vn.ntm.shared.work.CalendarSource;

/**
 * The planning part of the deadline calendar: the tasks of the plans of the user's units
 * (and the tasks concerning them, and those the user leads) that fall due in the range —
 * a one-off deadline on its due day, a recurring one on each occurrence. The SQL reads
 * only the units ever below the user's units ({@link UnitDirectory#everBelow}); the
 * access rule of a task's page ({@link PlanningService#task}) decides within them, and a
 * task the user leads but may not open is listed without a link. Stopped tasks are left
 * out; finished ones are kept, marked done.
 */
@Component
class PlanningCalendar implements CalendarSource {

	static final String KIND = "calendar.kind.task";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final UnitDirectory directory;

	PlanningCalendar(JdbcClient jdbc, AccessPolicy access, UnitDirectory directory) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
	}

	@Override
	@Transactional(readOnly = true)
	public List<CalendarEntry> entries(LocalDate from, LocalDate to) {
		CurrentUser me = access.current();
		boolean all = me.isAdmin();
		Set<Long> units = all ? Set.of() : directory.everBelow(me.unitIds());
		List<TaskView> tasks = jdbc.sql("select " + PlanningService.TASK_COLUMNS + """
				from plan_task t join plan p on p.id = t.plan_id
				where (:all or p.unit_id = any(:units) or t.unit_ids && :units or t.lead_user_id = :me)
				  and t.status <> 'CANCELLED'
				  and ((t.deadline_kind = 'RECURRING' and t.status <> 'DONE')
				       or (t.deadline_kind <> 'RECURRING' and t.due_on between :from and :to))
				order by t.due_on, t.id
				""")
			.param("all", all)
			.param("units", units.toArray(Long[]::new))
			.param("me", me.id())
			.param("from", from)
			.param("to", to)
			.query(PlanningService::task)
			.list();
		List<CalendarEntry> entries = new ArrayList<>();
		for (TaskView task : tasks) {
			boolean readable = access.canRead(task.planUnitId()) || task.unitIds().stream().anyMatch(access::canRead);
			boolean leads = task.leadUserId() != null && task.leadUserId() == me.id();
			if (!readable && !leads) {
				continue;
			}
			Deadline deadline = task.deadline();
			if (deadline == null) {
				continue;
			}
			for (LocalDate day : deadline.occurrences(from, to)) {
				entries.add(entry(task, day, readable ? "/tasks/" + task.id() : null));
			}
		}
		entries.sort(Comparator.comparing(CalendarEntry::due).thenComparing(CalendarEntry::title));
		return entries;
	}

	private static CalendarEntry entry(TaskView task, LocalDate day, @Nullable String link) {
		Deadline deadline = task.deadline();
		String detail = task.planTitle() + (deadline == null ? "" : " — " + deadline.text());
		String uid = deadline != null && deadline.isRecurring()
				? "task-" + task.id() + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(day) + "@ntm-monitor"
				: "task-" + task.id() + "@ntm-monitor";
		return new CalendarEntry(KIND, task.title(), detail, link, day, task.status() == TaskStatus.DONE, uid);
	}

}
