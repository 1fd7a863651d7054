package vn.ntm.planning.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetDocument;
import vn.ntm.documents.StoredDocument;
import vn.ntm.documents.Upload;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.planning.AttachmentContent;
import vn.ntm.planning.AttachmentView;
import vn.ntm.planning.Coverage;
import vn.ntm.planning.Deadline;
import vn.ntm.planning.PlanForm;
import vn.ntm.planning.PlanSummary;
import vn.ntm.planning.PlanView;
import vn.ntm.planning.Planning;
import vn.ntm.planning.ProgressForm;
import vn.ntm.planning.ProgressView;
import vn.ntm.planning.TaskFilter;
import vn.ntm.planning.TaskForm;
import vn.ntm.planning.TaskReassigned;
import vn.ntm.planning.TaskReturned;
import vn.ntm.planning.TaskStatus;
import vn.ntm.planning.TaskView;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.Officers;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * Plans, tasks and progress on PostgreSQL; every read checks the plan's unit against the
 * caller's scope, every change the right to act on it, and records an audit row in the
 * same transaction.
 */
@Service
@Transactional(readOnly = true)
class PlanningService implements Planning {

	static final String TASK_COLUMNS = """
			t.id, t.plan_id, p.title as plan_title, p.unit_id as plan_unit_id, p.year_from, t.section_id,
			t.number, t.title, t.description, t.milestone, t.criterion, t.indicator, t.unit_ids, t.lead_agency,
			t.lead_person, t.lead_position, t.lead_user_id, t.helpers, t.deadline_text, t.quantity,
			t.quantity_unit, t.quantity_done, t.money, t.money_source, t.status, t.progress, t.note,
			t.row_version, t.changed_at, t.changed_by
			""";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final UnitManagement units;

	private final CriteriaCatalog catalog;

	private final ApplicationEventPublisher events;

	/** The field of a plan's original document, for the messages of a refusal. */
	static final String PLAN_DOCUMENT_FIELD = "planning.plan.document.field";

	private final Attachments attachments;

	private final TransactionTemplate transactions;

	private final Officers officers;

	PlanningService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, UnitManagement units, CriteriaCatalog catalog,
			ApplicationEventPublisher events, Attachments attachments, PlatformTransactionManager transactionManager,
			Officers officers) {
		this.events = events;
		this.attachments = attachments;
		this.transactions = new TransactionTemplate(transactionManager);
		this.officers = officers;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.units = units;
		this.catalog = catalog;
	}

	// ---- reads

	@Override
	public List<PlanSummary> plans() {
		return summaries(null);
	}

	@Override
	public List<PlanSummary> plans(long unitId) {
		access.requireRead(unitId);
		return summaries(unitId);
	}

	private List<PlanSummary> summaries(@Nullable Long under) {
		LocalDate today = VnFormat.today();
		List<PlanRow> rows = jdbc.sql("""
				select p.*,
				       (select count(*) from plan_task t where t.plan_id = p.id) as tasks,
				       (select count(*) from plan_task t where t.plan_id = p.id and t.status = 'DONE') as done,
				       (select count(*) from plan_task t where t.plan_id = p.id
				          and t.status in ('TODO', 'IN_PROGRESS', 'RETURNED') and t.due_on < :today) as overdue
				from plan p order by p.year_from desc, p.issued_on desc nulls last, p.id desc
				""").param("today", today).query(PlanningService::planRow).list();
		List<PlanSummary> result = new ArrayList<>();
		for (PlanRow row : rows) {
			if (!access.canRead(row.unitId())) {
				continue;
			}
			if (under != null && row.unitId() != under
					&& units.ancestors(row.unitId(), row.date()).stream().noneMatch(a -> a.id() == under)) {
				continue;
			}
			result.add(summary(row));
		}
		return result;
	}

	@Override
	public PlanView plan(long planId) {
		PlanRow row = requirePlan(planId);
		List<PlanView.Section> sections = jdbc
			.sql("select id, position, number, title, row_version from plan_section where plan_id = :id"
					+ " order by position, id")
			.param("id", planId)
			.query((rs, n) -> new PlanView.Section(rs.getLong("id"), rs.getInt("position"), rs.getString("number"),
					rs.getString("title"), rs.getInt("row_version")))
			.list();
		List<AttachmentView> documents = attachments.ofPlan(planId);
		return new PlanView(summary(row), row.legalBases(), row.implementsPlans(), row.source(), row.criteriaSet(),
				sections, documents, mayEdit(row.unitId()));
	}

	@Override
	public List<TaskView> tasks(long planId, TaskFilter filter) {
		requirePlan(planId);
		LocalDate today = VnFormat.today();
		List<TaskView> tasks = jdbc.sql("select " + TASK_COLUMNS + """
				from plan_task t join plan p on p.id = t.plan_id
				left join plan_section s on s.id = t.section_id
				where t.plan_id = :id order by s.position nulls first, t.position, t.id
				""").param("id", planId).query(PlanningService::task).list();
		return overdueFirst(tasks.stream().filter(t -> passes(t, filter)).toList(), today);
	}

	static List<TaskView> overdueFirst(List<TaskView> tasks, LocalDate today) {
		List<TaskView> late = new ArrayList<>(tasks.stream().filter(t -> t.overdueOn(today)).toList());
		late.sort(Comparator.comparing((TaskView t) -> t.dueOn(today).orElse(LocalDate.MAX)));
		List<TaskView> result = new ArrayList<>(late);
		tasks.stream().filter(t -> !t.overdueOn(today)).forEach(result::add);
		return result;
	}

	private static boolean passes(TaskView t, TaskFilter filter) {
		if (filter.status() != null && t.status() != filter.status()) {
			return false;
		}
		if (filter.criterion() != null && !filter.criterion().isBlank()
				&& !filter.criterion().strip().equals(t.criterionNumber())) {
			return false;
		}
		if (filter.month() != null && !t.fallsIn(filter.month())) {
			return false;
		}
		if (filter.lead() != null && !filter.lead().isBlank()) {
			String wanted = VnText.searchKey(filter.lead());
			return VnText.searchKey(t.leadLabel()).contains(wanted);
		}
		return true;
	}

	@Override
	public TaskView task(long taskId) {
		TaskView task = findTask(taskId).orElseThrow(() -> new NotFoundException("planning.task.notFound", taskId));
		// the plan's readers, and those of a unit the task concerns (a commune reads the
		// city's task about it)
		if (!access.canRead(task.planUnitId()) && task.unitIds().stream().noneMatch(access::canRead)) {
			access.requireRead(task.planUnitId());
		}
		return task;
	}

	@Override
	public List<ProgressView> progress(long taskId) {
		task(taskId);
		Map<Long, List<AttachmentView>> files = attachments.ofTask(taskId);
		return jdbc.sql("select * from plan_progress where task_id = :id order by reported_on desc, id desc")
			.param("id", taskId)
			.query((rs, n) -> new ProgressView(rs.getLong("id"), rs.getLong("task_id"),
					rs.getObject("reported_on", LocalDate.class), (Integer) rs.getObject("percent"),
					rs.getBigDecimal("quantity_done"), rs.getString("note"), rs.getString("reported_by"),
					rs.getTimestamp("reported_at").toInstant(), files.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	@Override
	public AttachmentContent attachment(long attachmentId) {
		Attachments.Row row = attachments.find(attachmentId)
			.filter(r -> r.progressId() != null)
			.orElseThrow(() -> new NotFoundException("planning.attachment.notFound", attachmentId));
		// the task's readers: those of the plan's unit and of a unit the task concerns
		task(row.ownerId());
		return attachments.open(row.view());
	}

	/**
	 * Checks the editor, streams the files to the documents store with no transaction
	 * held, then records them in one transaction that checks the editor again.
	 */
	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public PlanView attachToPlan(long planId, List<Upload> files) {
		requireEdit(requirePlan(planId).unitId());
		if (files.isEmpty()) {
			throw new BusinessRuleException("planning.plan.document.none");
		}
		List<StoredDocument> stored = attachments.store(files, PLAN_DOCUMENT_FIELD);
		return transactions.execute(status -> {
			PlanRow plan = requirePlan(planId);
			requireEdit(plan.unitId());
			attachments.addToPlan(planId, stored, actor(), "văn bản gốc của kế hoạch \"" + plan.title() + "\"");
			return plan(planId);
		});
	}

	@Override
	public AttachmentContent planDocument(long attachmentId) {
		Attachments.Row row = attachments.find(attachmentId)
			.filter(r -> r.planId() != null)
			.orElseThrow(() -> new NotFoundException("planning.attachment.notFound", attachmentId));
		// the plan's readers
		requirePlan(row.ownerId());
		return attachments.open(row.view());
	}

	@Override
	public boolean canReadPlan(long planId) {
		return jdbc.sql("select unit_id from plan where id = :id")
			.param("id", planId)
			.query(Long.class)
			.optional()
			.map(access::canRead)
			.orElse(false);
	}

	@Override
	public boolean canReport(long taskId) {
		TaskView task = task(taskId);
		return mayReport(task);
	}

	@Override
	public List<TaskView> myTasks() {
		CurrentUser me = access.current();
		LocalDate today = VnFormat.today();
		List<TaskView> tasks = jdbc.sql("select " + TASK_COLUMNS + """
				from plan_task t join plan p on p.id = t.plan_id
				where t.lead_user_id = :me and t.status in ('TODO', 'IN_PROGRESS', 'RETURNED')
				order by t.due_on nulls last, t.id
				""").param("me", me.id()).query(PlanningService::task).list();
		return overdueFirst(tasks, today);
	}

	@Override
	public List<TaskView> overdue(long unitId, LocalDate today) {
		List<TaskView> result = new ArrayList<>();
		for (PlanSummary plan : plans(unitId)) {
			jdbc.sql("select " + TASK_COLUMNS + """
					from plan_task t join plan p on p.id = t.plan_id
					where t.plan_id = :id and t.status in ('TODO', 'IN_PROGRESS', 'RETURNED') and t.due_on < :today
					""")
				.param("id", plan.id())
				.param("today", today)
				.query(PlanningService::task)
				.list()
				.stream()
				.filter(t -> t.overdueOn(today))
				.forEach(result::add);
		}
		result.sort(Comparator.comparing((TaskView t) -> t.dueOn(today).orElse(LocalDate.MAX)));
		return result;
	}

	@Override
	public Coverage coverage(long planId) {
		PlanRow plan = requirePlan(planId);
		List<Coverage.Assignment> assignments = jdbc
			.sql("select criterion, person, position from plan_assignment where plan_id = :id order by id")
			.param("id", planId)
			.query((rs, n) -> new Coverage.Assignment(rs.getString("criterion"), rs.getString("person"),
					rs.getString("position")))
			.list();
		if (plan.criteriaSet() == null) {
			return Coverage.of(null, null, List.of(), assignments);
		}
		LocalDate at = LocalDate.of(plan.yearFrom(), 12, 31);
		var set = catalog.inForce(plan.criteriaSet(), at)
			.or(() -> catalog.sets().stream().filter(s -> s.code().equals(plan.criteriaSet())).findFirst());
		if (set.isEmpty()) {
			return Coverage.of(plan.criteriaSet(), null, List.of(), assignments);
		}
		SetDocument document = catalog.document(set.get().id());
		List<Coverage.Criterion> criteria = Objects
			.requireNonNullElse(document.criteria(), List.<SetDocument.CriterionDoc>of())
			.stream()
			.filter(c -> !c.retired())
			.map(c -> new Coverage.Criterion(c.number(), Objects.requireNonNullElse(c.name(), "")))
			.toList();
		return Coverage.of(plan.criteriaSet(), document.name(), criteria, assignments);
	}

	// ---- changes

	@Override
	public boolean canPlan(long unitId) {
		return mayEdit(unitId);
	}

	@Override
	@Transactional
	public long createPlan(PlanForm form) {
		requireEdit(form.unitId());
		validate(form);
		long id = jdbc.sql("""
				insert into plan (unit_id, number, issued_on, issuer, year_from, year_to, title, legal_bases,
				                  implements, source, criteria_set, changed_by)
				values (:unit, :number, :issued, :issuer, :from, :to, :title, :bases, :implements, :source, :set,
				        :by)
				returning id
				""")
			.param("unit", form.unitId())
			.param("number", blankToNull(form.number()))
			.param("issued", form.issuedOn())
			.param("issuer", form.issuer().strip())
			.param("from", form.yearFrom())
			.param("to", form.yearTo())
			.param("title", form.title().strip())
			.param("bases", blankToNull(form.legalBases()))
			.param("implements", blankToNull(form.implementsPlans()))
			.param("source", blankToNull(form.source()))
			.param("set", blankToNull(form.criteriaSet()))
			.param("by", actor())
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created("plan", id, form.title(), "Lập kế hoạch \"" + form.title() + "\"", form));
		return id;
	}

	private static void validate(PlanForm form) {
		if (form.title() == null || form.title().isBlank()) {
			throw new BusinessRuleException("planning.plan.titleRequired");
		}
		if (form.issuer() == null || form.issuer().isBlank()) {
			throw new BusinessRuleException("planning.plan.issuerRequired");
		}
		if (form.yearTo() < form.yearFrom() || form.yearFrom() < 2000 || form.yearTo() > 2100) {
			throw new BusinessRuleException("planning.plan.years", form.yearFrom(), form.yearTo());
		}
	}

	@Override
	@Transactional
	public PlanView updatePlan(long planId, PlanForm form, int expectedVersion) {
		PlanRow before = requirePlan(planId);
		requireEdit(before.unitId());
		if (form.unitId() != before.unitId()) {
			requireEdit(form.unitId());
		}
		validate(form);
		int updated = jdbc.sql("""
				update plan set unit_id = :unit, number = :number, issued_on = :issued, issuer = :issuer,
				    year_from = :from, year_to = :to, title = :title, legal_bases = :bases, implements = :implements,
				    source = :source, criteria_set = :set, row_version = row_version + 1, changed_at = now(),
				    changed_by = :by
				where id = :id and row_version = :version
				""")
			.param("unit", form.unitId())
			.param("number", blankToNull(form.number()))
			.param("issued", form.issuedOn())
			.param("issuer", form.issuer().strip())
			.param("from", form.yearFrom())
			.param("to", form.yearTo())
			.param("title", form.title().strip())
			.param("bases", blankToNull(form.legalBases()))
			.param("implements", blankToNull(form.implementsPlans()))
			.param("source", blankToNull(form.source()))
			.param("set", blankToNull(form.criteriaSet()))
			.param("by", actor())
			.param("id", planId)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw stale("plan", planId, before.title());
		}
		PlanRow after = requirePlan(planId);
		audit.record(AuditRecord.updated("plan", planId, after.title(), "Sửa kế hoạch \"" + after.title() + "\"",
				before, after));
		return plan(planId);
	}

	@Override
	@Transactional
	public PlanView updateSection(long sectionId, @Nullable String number, String title, int expectedVersion) {
		Object[] before = jdbc.sql("select plan_id, number, title from plan_section where id = :id")
			.param("id", sectionId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.optional()
			.orElseThrow(() -> new NotFoundException("planning.section.notFound", sectionId));
		long planId = (Long) before[0];
		PlanRow plan = requirePlan(planId);
		requireEdit(plan.unitId());
		if (title == null || title.isBlank()) {
			throw new BusinessRuleException("planning.section.titleRequired");
		}
		int updated = jdbc.sql("""
				update plan_section set number = :number, title = :title, row_version = row_version + 1,
				    changed_at = now(), changed_by = :by
				where id = :id and row_version = :version
				""")
			.param("number", blankToNull(number))
			.param("title", title.strip())
			.param("by", actor())
			.param("id", sectionId)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw stale("plan_section", sectionId, (String) before[2]);
		}
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("number", before[1]);
		was.put("title", before[2]);
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("number", blankToNull(number));
		now.put("title", title.strip());
		audit.record(AuditRecord.updated("plan_section", sectionId, title.strip(),
				"Sửa mục \"" + title.strip() + "\" của kế hoạch \"" + plan.title() + "\"", was, now));
		return plan(planId);
	}

	@Override
	public List<Officers.Officer> leadCandidates(long planId) {
		PlanRow plan = requirePlan(planId);
		requireEdit(plan.unitId());
		Set<Long> unitIds = new LinkedHashSet<>();
		unitIds.add(plan.unitId());
		units.ancestors(plan.unitId(), plan.date())
			.stream()
			.filter(u -> u.type().level() > 0)
			.forEach(u -> unitIds.add(u.id()));
		units.children(plan.unitId(), VnFormat.today()).forEach(u -> unitIds.add(u.id()));
		return officers.boundTo(unitIds);
	}

	/** A version-checked change found nothing to change: who changed it, and when. */
	private ConcurrentChangeException stale(String table, long id, String what) {
		Object[] row = jdbc.sql("select changed_by, changed_at from " + table + " where id = :id")
			.param("id", id)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant() })
			.optional()
			.orElseThrow(() -> new NotFoundException("planning.plan.notFound", id));
		return new ConcurrentChangeException(what, (String) row[0], (Instant) row[1]);
	}

	@Override
	@Transactional
	public long addSection(long planId, @Nullable String number, String title) {
		PlanRow plan = requirePlan(planId);
		requireEdit(plan.unitId());
		if (title == null || title.isBlank()) {
			throw new BusinessRuleException("planning.section.titleRequired");
		}
		long id = jdbc.sql("""
				insert into plan_section (plan_id, position, number, title)
				values (:plan, (select coalesce(max(position), 0) + 1 from plan_section where plan_id = :plan),
				        :number, :title)
				returning id
				""")
			.param("plan", planId)
			.param("number", blankToNull(number))
			.param("title", title.strip())
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created("plan_section", id, title,
				"Thêm mục \"" + title + "\" vào kế hoạch \"" + plan.title() + "\"",
				Map.of("planId", planId, "number", String.valueOf(number), "title", title)));
		return id;
	}

	@Override
	@Transactional
	public long addTask(long planId, TaskForm form) {
		PlanRow plan = requirePlan(planId);
		requireEdit(plan.unitId());
		Deadline deadline = validate(plan, form);
		long id = jdbc.sql("""
				insert into plan_task (plan_id, section_id, position, number, title, description, milestone,
				    criterion, indicator, unit_ids, lead_agency, lead_person, lead_position, lead_user_id, helpers,
				    deadline_text, deadline_kind, start_on, due_on, recurrence, recur_day, quantity, quantity_unit,
				    money, money_source, note, changed_by)
				values (:plan, :section,
				    (select coalesce(max(position), 0) + 1 from plan_task where plan_id = :plan),
				    :number, :title, :description, :milestone, :criterion, :indicator, :units, :agency, :person,
				    :position, :leadUser, :helpers, :deadlineText, :kind, :start, :due, :recurrence, :day,
				    :quantity, :quantityUnit, :money, :moneySource, :note, :by)
				returning id
				""")
			.param("plan", planId)
			.param("section", form.sectionId())
			.params(taskParams(form, deadline))
			.param("by", actor())
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created("plan_task", id, form.title(),
				"Giao nhiệm vụ \"" + form.title() + "\" trong kế hoạch \"" + plan.title() + "\"", form));
		return id;
	}

	@Override
	@Transactional
	public TaskView updateTask(long taskId, TaskForm form, int expectedVersion) {
		TaskView before = task(taskId);
		PlanRow plan = requirePlan(before.planId());
		requireEdit(plan.unitId());
		Deadline deadline = validate(plan, form);
		int updated = jdbc.sql("""
				update plan_task set section_id = :section, number = :number, title = :title,
				    description = :description, milestone = :milestone, criterion = :criterion,
				    indicator = :indicator, unit_ids = :units, lead_agency = :agency, lead_person = :person,
				    lead_position = :position, lead_user_id = :leadUser, helpers = :helpers,
				    deadline_text = :deadlineText, deadline_kind = :kind, start_on = :start, due_on = :due,
				    recurrence = :recurrence, recur_day = :day, quantity = :quantity, quantity_unit = :quantityUnit,
				    money = :money, money_source = :moneySource, note = :note,
				    row_version = row_version + 1, changed_at = now(), changed_by = :by
				where id = :id and row_version = :version
				""")
			.param("section", form.sectionId())
			.params(taskParams(form, deadline))
			.param("by", actor())
			.param("id", taskId)
			.param("version", expectedVersion)
			.update();
		requireUpdated(updated, before);
		TaskView after = task(taskId);
		audit.record(AuditRecord.updated("plan_task", taskId, after.title(), "Sửa nhiệm vụ \"" + after.title() + "\"",
				before, after));
		if (!Objects.equals(before.leadUserId(), after.leadUserId()) && after.leadUserId() != null) {
			events.publishEvent(new TaskReassigned(taskId, after.leadUserId()));
		}
		return after;
	}

	@Override
	@Transactional
	public TaskView updateTask(long taskId, TaskForm form, TaskStatus status, @Nullable String reason,
			int expectedVersion) {
		TaskView after = updateTask(taskId, form, expectedVersion);
		if (after.status() != status) {
			after = changeStatus(taskId, status, reason == null ? "" : reason, after.version());
		}
		return after;
	}

	@Override
	@Transactional
	public TaskView report(long taskId, ProgressForm report, int expectedVersion) {
		return record(taskId, report, expectedVersion, List.of());
	}

	/**
	 * Checks the report and the reporter, streams the files to the documents store with
	 * no transaction (and no connection) held, then records all in one transaction that
	 * checks everything again.
	 */
	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public TaskView report(long taskId, ProgressForm report, int expectedVersion, List<Upload> files) {
		if (files.isEmpty()) {
			return transactions.execute(status -> record(taskId, report, expectedVersion, List.of()));
		}
		TaskView task = task(taskId);
		if (!mayReport(task)) {
			throw AccessRefused.outsideScope(task.title());
		}
		check(task, report);
		List<StoredDocument> stored = attachments.store(files);
		return transactions.execute(status -> record(taskId, report, expectedVersion, stored));
	}

	private void check(TaskView task, ProgressForm report) {
		if (!task.status().isOpen()) {
			throw new BusinessRuleException("planning.progress.closed", task.title());
		}
		if (report.percent() == null && report.quantityDone() == null) {
			throw new BusinessRuleException("planning.progress.empty");
		}
		if (report.percent() != null && (report.percent() < 0 || report.percent() > 100)) {
			throw new BusinessRuleException("planning.progress.percent", report.percent());
		}
		if (report.quantityDone() != null && report.quantityDone().signum() < 0) {
			throw new BusinessRuleException("planning.progress.quantityNegative", report.quantityDone());
		}
		LocalDate on = report.reportedOn() == null ? VnFormat.today() : report.reportedOn();
		if (on.isAfter(VnFormat.today())) {
			throw new BusinessRuleException("planning.progress.future", VnFormat.date(on));
		}
	}

	private TaskView record(long taskId, ProgressForm report, int expectedVersion, List<StoredDocument> files) {
		TaskView before = task(taskId);
		if (!mayReport(before)) {
			throw AccessRefused.outsideScope(before.title());
		}
		check(before, report);
		LocalDate on = report.reportedOn() == null ? VnFormat.today() : report.reportedOn();
		int percent = report.percent() != null ? report.percent() : share(report.quantityDone(), before.quantity());
		boolean complete = percent >= 100;
		TaskStatus status = before.status().afterReport(complete);
		int updated = jdbc.sql("""
				update plan_task set progress = :progress, quantity_done = coalesce(:done, quantity_done),
				    status = :status, row_version = row_version + 1, changed_at = now(), changed_by = :by
				where id = :id and row_version = :version
				""")
			.param("progress", Math.min(100, percent))
			.param("done", report.quantityDone())
			.param("status", status.name())
			.param("by", actor())
			.param("id", taskId)
			.param("version", expectedVersion)
			.update();
		requireUpdated(updated, before);
		Long reporter = access.currentIfAny().map(CurrentUser::id).orElse(null);
		long progressId = jdbc.sql("""
				insert into plan_progress (task_id, reported_on, percent, quantity_done, note, reported_by, reporter_id)
				values (:task, :on, :percent, :done, :note, :by, :reporter)
				returning id
				""")
			.param("task", taskId)
			.param("on", on)
			.param("percent", report.percent() != null ? report.percent() : Math.min(100, percent))
			.param("done", report.quantityDone())
			.param("note", blankToNull(report.note()))
			.param("by", actor())
			.param("reporter", reporter)
			.query(Long.class)
			.single();
		attachments.addToProgress(progressId, files, actor(),
				"báo cáo tiến độ ngày " + VnFormat.date(on) + " của nhiệm vụ \"" + before.title() + "\"");
		TaskView after = task(taskId);
		audit.record(new AuditRecord("REPORT", "plan_task", String.valueOf(taskId), after.title(),
				"Báo cáo tiến độ nhiệm vụ \"" + after.title() + "\": " + after.progress() + "%", before, after));
		return after;
	}

	@Override
	@Transactional
	public TaskView changeStatus(long taskId, TaskStatus status, String reason, int expectedVersion) {
		TaskView before = task(taskId);
		PlanRow plan = requirePlan(before.planId());
		requireEdit(plan.unitId());
		if ((status == TaskStatus.RETURNED || status == TaskStatus.CANCELLED) && (reason == null || reason.isBlank())) {
			throw new BusinessRuleException("planning.status.reasonRequired");
		}
		int updated = jdbc.sql("""
				update plan_task set status = :status, note = coalesce(:reason, note), row_version = row_version + 1,
				    changed_at = now(), changed_by = :by
				where id = :id and row_version = :version
				""")
			.param("status", status.name())
			.param("reason", blankToNull(reason))
			.param("by", actor())
			.param("id", taskId)
			.param("version", expectedVersion)
			.update();
		requireUpdated(updated, before);
		TaskView after = task(taskId);
		audit.record(new AuditRecord(
				"STATUS", "plan_task", String.valueOf(taskId), after.title(), "Chuyển nhiệm vụ \"" + after.title()
						+ "\" sang " + status.name() + (reason == null || reason.isBlank() ? "" : ": " + reason),
				before, after));
		if (status == TaskStatus.RETURNED) {
			events.publishEvent(new TaskReturned(taskId, reason));
		}
		return after;
	}

	@Override
	@Transactional
	public void assign(long planId, String criterion, String person, String position) {
		PlanRow plan = requirePlan(planId);
		requireEdit(plan.unitId());
		if (criterion == null || criterion.isBlank() || person == null || person.isBlank()) {
			throw new BusinessRuleException("planning.assignment.required");
		}
		long id = jdbc.sql("""
				insert into plan_assignment (plan_id, criterion, person, position)
				values (:plan, :criterion, :person, :position) returning id
				""")
			.param("plan", planId)
			.param("criterion", criterion.strip())
			.param("person", person.strip())
			.param("position", blankToNull(position))
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created("plan_assignment", id, person,
				"Phân công " + person + " phụ trách tiêu chí " + criterion + " (kế hoạch \"" + plan.title() + "\")",
				Map.of("planId", planId, "criterion", criterion, "person", person)));
	}

	@Override
	public byte[] exportTasks(long planId) {
		PlanView plan = plan(planId);
		List<TaskView> tasks = jdbc.sql("select " + TASK_COLUMNS + """
				from plan_task t join plan p on p.id = t.plan_id
				left join plan_section s on s.id = t.section_id
				where t.plan_id = :id order by s.position nulls first, t.position, t.id
				""").param("id", planId).query(PlanningService::task).list();
		return TaskWorkbook.write(plan, tasks);
	}

	@Override
	@Transactional
	public int importTasks(long planId, byte[] workbook) {
		PlanRow plan = requirePlan(planId);
		requireEdit(plan.unitId());
		List<TaskWorkbook.ImportRow> rows = TaskWorkbook.read(workbook, plan.yearFrom());
		Map<String, Long> sections = new HashMap<>();
		plan(planId).sections().forEach(s -> {
			sections.put(s.label(), s.id());
			if (s.number() != null) {
				sections.putIfAbsent(s.number(), s.id());
			}
			sections.putIfAbsent(s.title(), s.id());
		});
		for (TaskWorkbook.ImportRow row : rows) {
			Long section = null;
			if (row.section() != null) {
				section = sections.get(row.section());
				if (section == null) {
					section = addSection(planId, null, row.section());
					sections.put(row.section(), section);
				}
			}
			addTask(planId,
					new TaskForm(section, row.number(), row.title(), null, false, row.criterion(), row.indicator(),
							List.of(), row.agency(), row.person(), row.position(), null, row.helpers(), row.deadline(),
							row.quantity(), row.quantityUnit(), row.money(), row.moneySource(), row.note()));
		}
		return rows.size();
	}

	// ---- rules and helpers

	private Deadline validate(PlanRow plan, TaskForm form) {
		if (form.title() == null || form.title().isBlank()) {
			throw new BusinessRuleException("planning.task.titleRequired");
		}
		if (form.sectionId() != null) {
			boolean ours = jdbc.sql("select exists(select 1 from plan_section where id = :s and plan_id = :p)")
				.param("s", form.sectionId())
				.param("p", plan.id())
				.query(Boolean.class)
				.single();
			if (!ours) {
				throw new BusinessRuleException("planning.task.sectionUnknown", form.sectionId());
			}
		}
		for (Long unit : form.unitIds()) {
			access.requireRead(unit);
		}
		if (form.quantity() != null && form.quantity().signum() < 0) {
			throw new BusinessRuleException("planning.task.quantityNegative", form.quantity());
		}
		if (form.money() != null && form.money().signum() < 0) {
			throw new BusinessRuleException("planning.task.moneyNegative", form.money());
		}
		if (form.quantity() != null && (form.quantityUnit() == null || form.quantityUnit().isBlank())) {
			throw new BusinessRuleException("planning.task.quantityUnitRequired");
		}
		if (form.deadline() == null || form.deadline().isBlank()) {
			return null;
		}
		return Deadline.parse(form.deadline(), plan.yearFrom());
	}

	private static Map<String, Object> taskParams(TaskForm form, @Nullable Deadline deadline) {
		Map<String, Object> p = new HashMap<>();
		p.put("number", blankToNull(form.number()));
		p.put("title", form.title().strip());
		p.put("description", blankToNull(form.description()));
		p.put("milestone", form.milestone());
		p.put("criterion", blankToNull(form.criterion()));
		p.put("indicator", blankToNull(form.indicator()));
		p.put("units", form.unitIds().toArray(Long[]::new));
		p.put("agency", blankToNull(form.leadAgency()));
		p.put("person", blankToNull(form.leadPerson()));
		p.put("position", blankToNull(form.leadPosition()));
		p.put("leadUser", form.leadUserId());
		p.put("helpers", blankToNull(form.helpers()));
		p.put("deadlineText", deadline == null ? null : deadline.text());
		p.put("kind", deadline == null ? null : deadline.kind().name());
		p.put("start", deadline == null ? null : deadline.start());
		p.put("due", deadline == null ? null : deadline.due());
		p.put("recurrence", deadline == null || deadline.recurrence() == null ? null : deadline.recurrence().name());
		p.put("day", deadline == null ? null : deadline.dayOfMonth());
		p.put("quantity", form.quantity());
		p.put("quantityUnit", blankToNull(form.quantityUnit()));
		p.put("money", form.money());
		p.put("moneySource", blankToNull(form.moneySource()));
		p.put("note", blankToNull(form.note()));
		return p;
	}

	private static int share(@Nullable BigDecimal done, @Nullable BigDecimal planned) {
		if (done == null || planned == null || planned.signum() == 0) {
			return 0;
		}
		return done.multiply(BigDecimal.valueOf(100))
			.divide(planned, 0, RoundingMode.DOWN)
			.min(BigDecimal.valueOf(100))
			.intValue();
	}

	private void requireUpdated(int updated, TaskView before) {
		if (updated == 0) {
			var row = jdbc.sql("select changed_by, changed_at from plan_task where id = :id")
				.param("id", before.id())
				.query((rs, n) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant() })
				.single();
			throw new ConcurrentChangeException(before.title(), (String) row[0], (Instant) row[1]);
		}
	}

	private boolean mayEdit(long unitId) {
		return access.canActOn(unitId, Permission.PLAN_EDIT);
	}

	private void requireEdit(long unitId) {
		access.requireActOn(unitId, Permission.PLAN_EDIT);
	}

	private boolean mayReport(TaskView task) {
		if (mayEdit(task.planUnitId())) {
			return true;
		}
		Optional<CurrentUser> me = access.currentIfAny();
		if (me.isPresent() && task.leadUserId() != null && task.leadUserId() == me.get().id()) {
			return true;
		}
		return task.unitIds().stream().anyMatch(this::mayEdit);
	}

	private PlanRow requirePlan(long planId) {
		PlanRow row = jdbc.sql("select p.*, 0 as tasks, 0 as done, 0 as overdue from plan p where p.id = :id")
			.param("id", planId)
			.query(PlanningService::planRow)
			.optional()
			.orElseThrow(() -> new NotFoundException("planning.plan.notFound", planId));
		access.requireRead(row.unitId());
		return row;
	}

	private Optional<TaskView> findTask(long taskId) {
		return jdbc.sql("select " + TASK_COLUMNS + " from plan_task t join plan p on p.id = t.plan_id where t.id = :id")
			.param("id", taskId)
			.query(PlanningService::task)
			.optional();
	}

	private PlanSummary summary(PlanRow row) {
		String name = units.find(row.unitId(), row.date())
			.or(() -> units.history(row.unitId()).versions().stream().map(v -> v.version()).reduce((a, b) -> b))
			.map(UnitRef::fullName)
			.orElse("#" + row.unitId());
		return new PlanSummary(row.id(), row.unitId(), name, row.number(), row.issuedOn(), row.issuer(), row.yearFrom(),
				row.yearTo(), row.title(), row.tasks(), row.done(), row.overdue(), row.version());
	}

	private String actor() {
		return access.currentIfAny().map(CurrentUser::fullName).orElse("hệ thống");
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	record PlanRow(long id, long unitId, @Nullable String number, @Nullable LocalDate issuedOn, String issuer,
			int yearFrom, int yearTo, String title, @Nullable String legalBases, @Nullable String implementsPlans,
			@Nullable String source, @Nullable String criteriaSet, int version, int tasks, int done, int overdue) {

		/**
		 * The day the plan's unit is looked at: its issue date, or the middle of its
		 * first year.
		 */
		LocalDate date() {
			return issuedOn != null ? issuedOn : LocalDate.of(yearFrom, 6, 30);
		}

	}

	private static PlanRow planRow(ResultSet rs, int n) throws SQLException {
		return new PlanRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("number"),
				rs.getObject("issued_on", LocalDate.class), rs.getString("issuer"), rs.getInt("year_from"),
				rs.getInt("year_to"), rs.getString("title"), rs.getString("legal_bases"), rs.getString("implements"),
				rs.getString("source"), rs.getString("criteria_set"), rs.getInt("row_version"), rs.getInt("tasks"),
				rs.getInt("done"), rs.getInt("overdue"));
	}

	static TaskView task(ResultSet rs, int n) throws SQLException {
		String deadlineText = rs.getString("deadline_text");
		Deadline deadline = deadlineText == null ? null : Deadline.parse(deadlineText, rs.getInt("year_from"));
		Array unitArray = rs.getArray("unit_ids");
		List<Long> unitIds = new ArrayList<>();
		if (unitArray != null) {
			for (Object o : (Object[]) unitArray.getArray()) {
				unitIds.add(((Number) o).longValue());
			}
		}
		Long leadUser = rs.getObject("lead_user_id") == null ? null : rs.getLong("lead_user_id");
		Long section = rs.getObject("section_id") == null ? null : rs.getLong("section_id");
		return new TaskView(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("plan_title"),
				rs.getLong("plan_unit_id"), section, rs.getString("number"), rs.getString("title"),
				rs.getString("description"), rs.getBoolean("milestone"), rs.getString("criterion"),
				rs.getString("indicator"), unitIds, rs.getString("lead_agency"), rs.getString("lead_person"),
				rs.getString("lead_position"), leadUser, rs.getString("helpers"), deadline,
				rs.getBigDecimal("quantity"), rs.getString("quantity_unit"), rs.getBigDecimal("quantity_done"),
				rs.getBigDecimal("money"), rs.getString("money_source"), TaskStatus.valueOf(rs.getString("status")),
				rs.getInt("progress"), rs.getString("note"), rs.getInt("row_version"),
				rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"));
	}

}
