package vn.ntm.planning;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.security.Officers;
import vn.ntm.documents.Upload;

/**
 * Plans, their tasks and progress. Every call is checked against the caller's units: a
 * plan is read by those who may read its unit, changed by those who may act on it with
 * {@code PLAN_EDIT}; progress on a task is also reported by those who act on a unit the
 * task concerns and by its lead.
 */
public interface Planning {

	/** The plans the user may read, of the unit and every unit below it, newest first. */
	List<PlanSummary> plans(long unitId);

	/** Every plan the user may read, newest first. */
	List<PlanSummary> plans();

	PlanView plan(long planId);

	/**
	 * The plan's tasks that pass the filter: open tasks past their due day first (the
	 * oldest first), then in the plan's order.
	 */
	List<TaskView> tasks(long planId, TaskFilter filter);

	TaskView task(long taskId);

	List<ProgressView> progress(long taskId);

	/** Whether the user may open the plan (a task may be readable without its plan). */
	boolean canReadPlan(long planId);

	/** Whether the user may report progress on the task. */
	boolean canReport(long taskId);

	/** The open tasks the user leads (by account), late first, then by due day. */
	List<TaskView> myTasks();

	/**
	 * The open tasks past their due day in the plans the user may read, of the unit and
	 * below it, oldest first.
	 */
	List<TaskView> overdue(long unitId, LocalDate today);

	Coverage coverage(long planId);

	/** Whether the user may lay down a plan for the unit (and change its plans). */
	boolean canPlan(long unitId);

	long createPlan(PlanForm plan);

	/**
	 * Changes what the plan says about itself; a plan moved to another unit needs the
	 * right to change plans of both. Refused when the plan changed since
	 * {@code expectedVersion} was read.
	 */
	PlanView updatePlan(long planId, PlanForm plan, int expectedVersion);

	long addSection(long planId, @Nullable String number, String title);

	/** Renumbers or renames a section, refused when it changed since it was read. */
	PlanView updateSection(long sectionId, @Nullable String number, String title, int expectedVersion);

	/**
	 * The accounts a task of the plan may be given to: those bound to the plan's unit,
	 * the units above it (not the country) and the units right below it. Only for those
	 * who may change the plan.
	 */
	List<Officers.Officer> leadCandidates(long planId);

	long addTask(long planId, TaskForm task);

	TaskView updateTask(long taskId, TaskForm task, int expectedVersion);

	/**
	 * Changes the task and, when it differs, its status (returning or stopping it needs a
	 * reason) — all or nothing, checked against {@code expectedVersion}.
	 */
	TaskView updateTask(long taskId, TaskForm task, TaskStatus status, @Nullable String reason, int expectedVersion);

	/**
	 * Records a progress report; the task's progress, quantity done and status follow it
	 * (100% or the whole quantity finishes it).
	 */
	TaskView report(long taskId, ProgressForm report, int expectedVersion);

	/**
	 * Records a progress report with files attached (PDF, images, Word, Excel,
	 * OpenDocument, each within the documents' limit, at most 10): the files are streamed
	 * to the documents store first, outside any transaction, then the report and the
	 * files' records are saved together, each file audited. A refused file refuses the
	 * report, naming the field and the file.
	 */
	TaskView report(long taskId, ProgressForm report, int expectedVersion, List<Upload> files);

	/** A file attached to a progress report, for those who may read its task. */
	AttachmentContent attachment(long attachmentId);

	/**
	 * Keeps files of the plan's original document (the signed .pdf/.docx), for the
	 * editors of the plan's unit only: the files are checked and stored first, then
	 * recorded and audited in one transaction; a refused file (of a type not accepted, or
	 * too large) refuses them all, naming the field "Văn bản gốc".
	 * @return the plan with its files
	 */
	PlanView attachToPlan(long planId, List<Upload> files);

	/** A file of a plan's original document, for those who may read the plan. */
	AttachmentContent planDocument(long attachmentId);

	/** Sets the status (the lead above returns a report with a reason, stops a task…). */
	TaskView changeStatus(long taskId, TaskStatus status, String reason, int expectedVersion);

	void assign(long planId, String criterion, String person, String position);

	/** The plan's tasks as an .xlsx workbook (sheet "Nhiệm vụ"), in the plan's order. */
	byte[] exportTasks(long planId);

	/**
	 * Adds the tasks of an .xlsx workbook in the export's columns: all or nothing — a
	 * file with any problem is refused with every problem placed at its row and column.
	 * Sections are matched by their label ("III.1. Công tác…") or created. Returns how
	 * many tasks were added.
	 */
	int importTasks(long planId, byte[] workbook);

}
