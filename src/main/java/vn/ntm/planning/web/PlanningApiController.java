package vn.ntm.planning.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.planning.Coverage;
import vn.ntm.planning.PlanForm;
import vn.ntm.planning.PlanSummary;
import vn.ntm.planning.PlanView;
import vn.ntm.planning.Planning;
import vn.ntm.planning.ProgressForm;
import vn.ntm.planning.ProgressView;
import vn.ntm.planning.TaskFilter;
import vn.ntm.planning.TaskForm;
import vn.ntm.planning.TaskStatus;
import vn.ntm.planning.TaskView;
import vn.ntm.shared.VnFormat;

/**
 * Plans, tasks and progress through the API: the same facade, the same access rules; a
 * change takes the {@code expectedVersion} read with the task and a stale one is refused
 * with 409.
 */
@RestController
@RequestMapping("/api/v1")
class PlanningApiController {

	private final Planning planning;

	PlanningApiController(Planning planning) {
		this.planning = planning;
	}

	@GetMapping("/plans")
	List<PlanSummary> plans(@RequestParam(required = false) @Nullable Long unit) {
		return unit == null ? planning.plans() : planning.plans(unit);
	}

	@PostMapping("/plans")
	@ResponseStatus(HttpStatus.CREATED)
	PlanView create(@RequestBody PlanForm plan) {
		return planning.plan(planning.createPlan(plan));
	}

	@GetMapping("/plans/{id}")
	PlanView plan(@PathVariable long id) {
		return planning.plan(id);
	}

	@PostMapping("/plans/{id}/sections")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> section(@PathVariable long id, @Valid @RequestBody NewSection section) {
		return Map.of("id", planning.addSection(id, section.number(), section.title()));
	}

	/** The plan's tasks, late first; {@code month} as {@code 2024-08}. */
	@GetMapping("/plans/{id}/tasks")
	List<TaskView> tasks(@PathVariable long id, @RequestParam(required = false) @Nullable String lead,
			@RequestParam(required = false) @Nullable String criterion,
			@RequestParam(required = false) @Nullable YearMonth month,
			@RequestParam(required = false) @Nullable TaskStatus status) {
		return planning.tasks(id, new TaskFilter(lead, criterion, month, status));
	}

	@PostMapping("/plans/{id}/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	TaskView addTask(@PathVariable long id, @RequestBody TaskForm task) {
		return planning.task(planning.addTask(id, task));
	}

	@GetMapping("/plans/{id}/tasks.xlsx")
	org.springframework.http.ResponseEntity<byte[]> export(@PathVariable long id) {
		return PlanPageController.xlsx(planning.exportTasks(id), "ke-hoach-" + id + "-nhiem-vu.xlsx");
	}

	/**
	 * Adds the tasks of an .xlsx (the export's columns), all or nothing; 422 lists every
	 * problem.
	 */
	@PostMapping(path = "/plans/{id}/tasks/import", consumes = "multipart/form-data")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Integer> importTasks(@PathVariable long id,
			@RequestParam("file") org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
		return Map.of("added", planning.importTasks(id, file.getBytes()));
	}

	@GetMapping("/plans/{id}/coverage")
	Coverage coverage(@PathVariable long id) {
		return planning.coverage(id);
	}

	@PostMapping("/plans/{id}/assignments")
	@ResponseStatus(HttpStatus.CREATED)
	Coverage assign(@PathVariable long id, @Valid @RequestBody NewAssignment assignment) {
		planning.assign(id, assignment.criterion(), assignment.person(), assignment.position());
		return planning.coverage(id);
	}

	@GetMapping("/tasks/mine")
	List<TaskView> mine() {
		return planning.myTasks();
	}

	/** Open tasks past their due day in the unit's plans and below, oldest first. */
	@GetMapping("/tasks/overdue")
	List<TaskView> overdue(@RequestParam long unit, @RequestParam(required = false) @Nullable LocalDate on) {
		return planning.overdue(unit, on == null ? VnFormat.today() : on);
	}

	@GetMapping("/tasks/{id}")
	TaskView task(@PathVariable long id) {
		return planning.task(id);
	}

	@PutMapping("/tasks/{id}")
	TaskView update(@PathVariable long id, @RequestParam int expectedVersion, @RequestBody TaskForm task) {
		return planning.updateTask(id, task, expectedVersion);
	}

	@GetMapping("/tasks/{id}/progress")
	List<ProgressView> progress(@PathVariable long id) {
		return planning.progress(id);
	}

	@PostMapping("/tasks/{id}/progress")
	@ResponseStatus(HttpStatus.CREATED)
	TaskView report(@PathVariable long id, @RequestBody Report report) {
		return planning.report(id,
				new ProgressForm(report.reportedOn(), report.percent(), report.quantityDone(), report.note()),
				report.expectedVersion());
	}

	/**
	 * A progress report with files attached (multipart: the report's fields as
	 * parameters, each file a part {@code files}).
	 */
	@PostMapping(path = "/tasks/{id}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	TaskView reportWithFiles(@PathVariable long id, @RequestParam int expectedVersion,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate reportedOn,
			@RequestParam(required = false) @Nullable Integer percent,
			@RequestParam(required = false) java.math.@Nullable BigDecimal quantityDone,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
		return planning.report(id, new ProgressForm(reportedOn, percent, quantityDone, note), expectedVersion,
				AttachmentFiles.of(files));
	}

	/** A file attached to a progress report, for those who may read the task. */
	@GetMapping("/tasks/attachments/{id}/content")
	ResponseEntity<Resource> attachment(@PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) {
		return AttachmentFiles.download(planning.attachment(id), inline);
	}

	/**
	 * Files of the plan's original document (multipart, each file a part {@code files}),
	 * for the editors of the plan's unit; answers the plan with its files.
	 */
	@PostMapping(path = "/plans/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	PlanView attachToPlan(@PathVariable long id,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
		return planning.attachToPlan(id, AttachmentFiles.of(files));
	}

	/** A file of a plan's original document, for those who may read the plan. */
	@GetMapping("/plans/attachments/{id}/content")
	ResponseEntity<Resource> planDocument(@PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) {
		return AttachmentFiles.download(planning.planDocument(id), inline);
	}

	@PostMapping("/tasks/{id}/status")
	TaskView status(@PathVariable long id, @RequestBody StatusChange change) {
		return planning.changeStatus(id, change.status(), change.reason() == null ? "" : change.reason(),
				change.expectedVersion());
	}

	record NewSection(@Nullable String number, @NotBlank String title) {
	}

	record NewAssignment(@NotBlank String criterion, @NotBlank String person, @Nullable String position) {
	}

	record Report(@Nullable LocalDate reportedOn, @Nullable Integer percent,
			java.math.@Nullable BigDecimal quantityDone, @Nullable String note, int expectedVersion) {
	}

	record StatusChange(TaskStatus status, @Nullable String reason, int expectedVersion) {
	}

}
