package vn.ntm.planning.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.documents.Documents;
import vn.ntm.documents.StoredDocument;
import vn.ntm.planning.Coverage;
import vn.ntm.planning.PlanView;
import vn.ntm.planning.Planning;
import vn.ntm.planning.ProgressForm;
import vn.ntm.planning.TaskFilter;
import vn.ntm.planning.TaskStatus;
import vn.ntm.planning.TaskView;
import vn.ntm.security.AccessPolicy;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;

/**
 * The plan pages: the plans of a unit, one plan's tasks grouped by section and criterion
 * (late first), as a board by status or a year timeline, with filters by lead, criterion,
 * month and status and the coverage of its criterion assignments; a task with its
 * progress and the report form; the tasks the user leads.
 */
@Controller
class PlanPageController {

	private final Planning planning;

	private final FormFlow flow;

	private final Documents documents;

	private final AccessPolicy access;

	PlanPageController(Planning planning, FormFlow flow, Documents documents, AccessPolicy access) {
		this.planning = planning;
		this.flow = flow;
		this.documents = documents;
		this.access = access;
	}

	@GetMapping("/plans")
	String plans(@RequestParam(required = false) @Nullable Long unit, Model model) {
		model.addAttribute("plans", unit == null ? planning.plans() : planning.plans(unit));
		model.addAttribute("unit", unit);
		model.addAttribute("today", VnFormat.today());
		model.addAttribute("canPlan", unit != null ? planning.canPlan(unit)
				: access.currentIfAny().stream().flatMap(me -> me.unitIds().stream()).anyMatch(planning::canPlan));
		if (unit != null) {
			model.addAttribute("overdue", planning.overdue(unit, VnFormat.today()));
		}
		return "planning/plans";
	}

	@GetMapping("/plans/mine")
	String mine(Model model) {
		model.addAttribute("tasks", planning.myTasks());
		model.addAttribute("today", VnFormat.today());
		return "planning/mine";
	}

	@GetMapping("/plans/{id}")
	String plan(@PathVariable long id, @RequestParam(required = false) @Nullable String lead,
			@RequestParam(required = false) @Nullable String criterion,
			@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable TaskStatus status,
			@RequestParam(defaultValue = "list") String view, Model model) {
		PlanView plan = planning.plan(id);
		YearMonth wanted = month(month);
		List<TaskView> tasks = planning.tasks(id, new TaskFilter(lead, criterion, wanted, status));
		LocalDate today = VnFormat.today();
		model.addAttribute("plan", plan);
		model.addAttribute("tasks", tasks);
		model.addAttribute("today", today);
		model.addAttribute("late", tasks.stream().filter(t -> t.overdueOn(today)).toList());
		model.addAttribute("groups", groups(plan, tasks));
		model.addAttribute("board", board(tasks));
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("months", timeline(plan));
		model.addAttribute("coverage", planning.coverage(id));
		model.addAttribute("filter", new FilterForm(lead, criterion, month, status));
		model.addAttribute("view", List.of("list", "board", "timeline").contains(view) ? view : "list");
		model.addAttribute("attachmentMaxBytes", documents.maxFileSize());
		model.addAttribute("attachmentMax", StoredDocument.bytes(documents.maxFileSize()));
		return "planning/plan";
	}

	@GetMapping("/plans/{id}/tasks.xlsx")
	org.springframework.http.ResponseEntity<byte[]> export(@PathVariable long id) {
		return xlsx(planning.exportTasks(id), "ke-hoach-" + id + "-nhiem-vu.xlsx");
	}

	static org.springframework.http.ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType
				.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
			.body(body);
	}

	@PostMapping("/plans/{id}/tasks/import")
	String importTasks(@PathVariable long id,
			@RequestParam("file") org.springframework.web.multipart.MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) throws java.io.IOException {
		try {
			int added = planning.importTasks(id, file.getBytes());
			redirect.addFlashAttribute("imported", added);
			return FormFlow.saved(redirect, "/plans/" + id);
		}
		catch (BusinessRuleException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			flow.error(model, ex, locale);
			return plan(id, null, null, null, null, "list", model);
		}
	}

	/** Files of the plan's original document, for the editors of the plan's unit. */
	@PostMapping("/plans/{id}/documents")
	String attachToPlan(@PathVariable long id,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		try {
			planning.attachToPlan(id, AttachmentFiles.of(files));
			return FormFlow.saved(redirect, "/plans/" + id);
		}
		catch (BusinessRuleException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			flow.error(model, ex, locale);
			return plan(id, null, null, null, null, "list", model);
		}
	}

	/**
	 * A file of a plan's original document, for those who may read the plan;
	 * {@code inline=true} asks browsers to show PDF and images.
	 */
	@GetMapping("/plans/attachments/{id}")
	ResponseEntity<Resource> planDocument(@PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) {
		return AttachmentFiles.download(planning.planDocument(id), inline);
	}

	@GetMapping("/tasks/{id}")
	String task(@PathVariable long id, Model model) {
		TaskView task = planning.task(id);
		model.addAttribute("task", task);
		boolean planReadable = planning.canReadPlan(task.planId());
		model.addAttribute("planReadable", planReadable);
		model.addAttribute("planEditable", planReadable && planning.plan(task.planId()).editable());
		model.addAttribute("reports", planning.progress(id));
		model.addAttribute("canReport", planning.canReport(id) && task.status().isOpen());
		model.addAttribute("attachmentMaxBytes", documents.maxFileSize());
		model.addAttribute("attachmentMax", StoredDocument.bytes(documents.maxFileSize()));
		model.addAttribute("today", VnFormat.today());
		return "planning/task";
	}

	@PostMapping("/tasks/{id}/progress")
	String report(@PathVariable long id, @RequestParam int expectedVersion,
			@RequestParam(required = false) @Nullable String reportedOn,
			@RequestParam(required = false) @Nullable String percent,
			@RequestParam(required = false) @Nullable String quantityDone,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		try {
			LocalDate on = reportedOn == null || reportedOn.isBlank() ? null : VnFormat.parseDate(reportedOn)
				.orElseThrow(() -> new BusinessRuleException("planning.progress.unreadable"));
			Integer share = percent == null || percent.isBlank() ? null : Integer.valueOf(percent.strip());
			BigDecimal done = quantityDone == null || quantityDone.isBlank() ? null
					: new BigDecimal(quantityDone.strip().replace(".", "").replace(',', '.'));
			planning.report(id, new ProgressForm(on, share, done, note), expectedVersion, AttachmentFiles.of(files));
			return FormFlow.saved(redirect, "/tasks/" + id);
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return refused(id, new BusinessRuleException("planning.progress.unreadable"), model, response, locale);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			return refused(id, (LocalizedFailure) ex, model, response, locale);
		}
	}

	/**
	 * A file attached to a progress report, for those who may read the task;
	 * {@code inline=true} asks browsers to show PDF and images.
	 */
	@GetMapping("/tasks/attachments/{id}")
	ResponseEntity<Resource> attachment(@PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) {
		return AttachmentFiles.download(planning.attachment(id), inline);
	}

	@PostMapping("/tasks/{id}/status")
	String status(@PathVariable long id, @RequestParam TaskStatus status, @RequestParam int expectedVersion,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		try {
			planning.changeStatus(id, status, reason == null ? "" : reason, expectedVersion);
			return FormFlow.saved(redirect, "/tasks/" + id);
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			return refused(id, (LocalizedFailure) ex, model, response, locale);
		}
	}

	private String refused(long id, LocalizedFailure failure, Model model, HttpServletResponse response,
			Locale locale) {
		response.setStatus(failure instanceof ConcurrentChangeException ? HttpStatus.CONFLICT.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		flow.error(model, failure, locale);
		return task(id, model);
	}

	private static @Nullable YearMonth month(@Nullable String month) {
		if (month == null || month.isBlank()) {
			return null;
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BusinessRuleException("planning.filter.month", month);
		}
	}

	/** Sections in the plan's order, and within each the tasks by criterion. */
	static List<Group> groups(PlanView plan, List<TaskView> tasks) {
		List<Group> groups = new ArrayList<>();
		Map<Long, PlanView.Section> sections = new LinkedHashMap<>();
		plan.sections().forEach(s -> sections.put(s.id(), s));
		List<TaskView> loose = tasks.stream().filter(t -> t.sectionId() == null).toList();
		if (!loose.isEmpty()) {
			groups.add(new Group(null, byCriterion(loose)));
		}
		for (PlanView.Section section : sections.values()) {
			List<TaskView> inSection = tasks.stream().filter(t -> section.id() == t.sectionId()).toList();
			if (!inSection.isEmpty()) {
				groups.add(new Group(section, byCriterion(inSection)));
			}
		}
		return groups;
	}

	private static Map<String, List<TaskView>> byCriterion(List<TaskView> tasks) {
		Map<String, List<TaskView>> map = new LinkedHashMap<>();
		for (TaskView t : tasks) {
			String key = t.criterionNumber() == null ? "" : t.criterionNumber();
			map.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
		}
		return map;
	}

	private static Map<TaskStatus, List<TaskView>> board(List<TaskView> tasks) {
		Map<TaskStatus, List<TaskView>> board = new EnumMap<>(TaskStatus.class);
		for (TaskStatus s : TaskStatus.values()) {
			board.put(s, new ArrayList<>());
		}
		tasks.forEach(t -> board.get(t.status()).add(t));
		return board;
	}

	/** The months of the plan's years, for the timeline's columns. */
	private static List<YearMonth> timeline(PlanView plan) {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.of(plan.summary().yearFrom(), 1); !m
			.isAfter(YearMonth.of(plan.summary().yearTo(), 12)); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

	/** A section (or the tasks outside any) with its tasks by criterion ("" for none). */
	record Group(PlanView.@Nullable Section section, Map<String, List<TaskView>> byCriterion) {
	}

	/** The filters as typed, to show them back. */
	record FilterForm(@Nullable String lead, @Nullable String criterion, @Nullable String month,
			@Nullable TaskStatus status) {
	}

	/** Helper for the coverage panel. */
	static boolean problem(Coverage.Row row) {
		return row.problem() != Coverage.Problem.NONE;
	}

}
