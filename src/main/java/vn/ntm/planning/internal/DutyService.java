package vn.ntm.planning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.documents.StoredDocument;
import vn.ntm.documents.Upload;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.planning.AttachmentContent;
import vn.ntm.planning.AttachmentView;
import vn.ntm.planning.Deadline;
import vn.ntm.planning.DutyForm;
import vn.ntm.planning.DutyView;
import vn.ntm.planning.ReportingDuties;
import vn.ntm.planning.SubmissionForm;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;

/**
 * Reporting duties and submitted reports on PostgreSQL, with access by unit and audit.
 */
@Service
@Transactional(readOnly = true)
class DutyService implements ReportingDuties {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final UnitManagement units;

	private final Attachments attachments;

	private final TransactionTemplate transactions;

	DutyService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, UnitManagement units, Attachments attachments,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.units = units;
		this.attachments = attachments;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	record Row(long id, long unitId, @Nullable Long recipientUnitId, String recipient, String title, String schedule,
			LocalDate startsOn, @Nullable LocalDate endsOn, int version) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("unit_id"),
				rs.getObject("recipient_unit_id") == null ? null : rs.getLong("recipient_unit_id"),
				rs.getString("recipient"), rs.getString("title"), rs.getString("schedule_text"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getInt("row_version"));
	}

	@Override
	public List<DutyView> duties(long unitId) {
		access.requireRead(unitId);
		List<DutyView> result = new ArrayList<>();
		for (Row row : jdbc.sql("select * from report_duty order by starts_on desc, id")
			.query(DutyService::row)
			.list()) {
			if (!readable(row)) {
				continue;
			}
			boolean owed = row.recipientUnitId() != null && row.recipientUnitId() == unitId;
			boolean ours = row.unitId() == unitId
					|| units.ancestors(row.unitId(), row.startsOn()).stream().anyMatch(a -> a.id() == unitId);
			if (owed || ours) {
				result.add(view(row));
			}
		}
		return result;
	}

	@Override
	public List<DutyView> duties() {
		return jdbc.sql("select * from report_duty order by starts_on desc, id")
			.query(DutyService::row)
			.list()
			.stream()
			.filter(this::readable)
			.map(this::view)
			.toList();
	}

	@Override
	public DutyView duty(long dutyId) {
		Row row = find(dutyId);
		if (!readable(row)) {
			access.requireRead(row.unitId());
		}
		return view(row);
	}

	@Override
	public boolean canChange(long dutyId) {
		Row row = find(dutyId);
		return maySet(row.unitId(), row.recipientUnitId());
	}

	/** A duty is set by those who act on the unit that owes it or the unit owed. */
	private boolean maySet(long unitId, @Nullable Long recipientUnitId) {
		return access.canActOn(unitId, Permission.PLAN_EDIT)
				|| (recipientUnitId != null && access.canActOn(recipientUnitId, Permission.PLAN_EDIT));
	}

	private void requireSet(long unitId, @Nullable Long recipientUnitId) {
		if (!maySet(unitId, recipientUnitId)) {
			access.requireActOn(unitId, Permission.PLAN_EDIT);
		}
	}

	private static void validate(DutyForm form) {
		if (form.title() == null || form.title().isBlank() || form.recipient() == null || form.recipient().isBlank()) {
			throw new BusinessRuleException("planning.duty.required");
		}
		Deadline.parse(form.schedule(), form.startsOn().getYear());
		if (form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
			throw new BusinessRuleException("planning.duty.period");
		}
	}

	@Override
	@Transactional
	public long create(DutyForm form) {
		requireSet(form.unitId(), form.recipientUnitId());
		validate(form);
		long id = jdbc
			.sql("""
					insert into report_duty (unit_id, recipient_unit_id, recipient, title, schedule_text, starts_on, ends_on,
					                         plan_id, changed_by)
					values (:unit, :recipientUnit, :recipient, :title, :schedule, :starts, :ends, :plan, :by) returning id
					""")
			.param("unit", form.unitId())
			.param("recipientUnit", form.recipientUnitId())
			.param("recipient", form.recipient().strip())
			.param("title", form.title().strip())
			.param("schedule", form.schedule().strip())
			.param("starts", form.startsOn())
			.param("ends", form.endsOn())
			.param("plan", form.planId())
			.param("by", actor())
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created("report_duty", id, form.title(),
				"Giao chế độ báo cáo \"" + form.title() + "\" (" + form.schedule() + ")", form));
		return id;
	}

	@Override
	@Transactional
	public DutyView update(long dutyId, DutyForm form, int expectedVersion) {
		Row before = find(dutyId);
		requireSet(before.unitId(), before.recipientUnitId());
		requireSet(form.unitId(), form.recipientUnitId());
		validate(form);
		int updated = jdbc.sql("""
				update report_duty set unit_id = :unit, recipient_unit_id = :recipientUnit, recipient = :recipient,
				    title = :title, schedule_text = :schedule, starts_on = :starts, ends_on = :ends,
				    row_version = row_version + 1, changed_at = now(), changed_by = :by
				where id = :id and row_version = :version
				""")
			.param("unit", form.unitId())
			.param("recipientUnit", form.recipientUnitId())
			.param("recipient", form.recipient().strip())
			.param("title", form.title().strip())
			.param("schedule", form.schedule().strip())
			.param("starts", form.startsOn())
			.param("ends", form.endsOn())
			.param("by", actor())
			.param("id", dutyId)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			Object[] row = jdbc.sql("select changed_by, changed_at from report_duty where id = :id")
				.param("id", dutyId)
				.query((rs, n) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant() })
				.single();
			throw new ConcurrentChangeException(before.title(), (String) row[0], (java.time.Instant) row[1]);
		}
		Row after = find(dutyId);
		audit.record(AuditRecord.updated("report_duty", dutyId, after.title(),
				"Sửa chế độ báo cáo \"" + after.title() + "\" (" + after.schedule() + ")", before, after));
		return view(after);
	}

	@Override
	@Transactional
	public DutyView submit(long dutyId, SubmissionForm report) {
		return record(dutyId, report, List.of());
	}

	/**
	 * Checks the report and the right to submit it, streams the files to the documents
	 * store with no transaction (and no connection) held, then records all in one
	 * transaction that checks everything again.
	 */
	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public DutyView submit(long dutyId, SubmissionForm report, List<Upload> files) {
		if (!files.isEmpty()) {
			Row row = find(dutyId);
			access.requireActOn(row.unitId(), Permission.PLAN_EDIT);
			check(row, report);
		}
		List<StoredDocument> stored = attachments.store(files);
		return transactions.execute(status -> record(dutyId, report, stored));
	}

	@Override
	public AttachmentContent attachment(long attachmentId) {
		Attachments.Row row = attachments.find(attachmentId)
			.filter(r -> r.submissionId() != null)
			.orElseThrow(() -> new NotFoundException("planning.attachment.notFound", attachmentId));
		// the duty's readers: those of the unit that owes it and of the unit owed
		Row duty = find(row.ownerId());
		if (!readable(duty)) {
			access.requireRead(duty.unitId());
		}
		return attachments.open(row.view());
	}

	/**
	 * The occurrence's day, the day submitted, something said; returns the day submitted.
	 */
	private LocalDate check(Row row, SubmissionForm report) {
		Deadline schedule = Deadline.parse(row.schedule(), row.startsOn().getYear());
		LocalDate today = VnFormat.today();
		LocalDate on = report.submittedOn() == null ? today : report.submittedOn();
		if (on.isAfter(today)) {
			throw new BusinessRuleException("planning.progress.future", VnFormat.date(on));
		}
		boolean known = schedule.occurrences(row.startsOn(), row.endsOn() != null ? row.endsOn() : today.plusYears(1))
			.contains(report.dueOn());
		if (!known) {
			throw new BusinessRuleException("planning.duty.noSuchOccurrence", VnFormat.date(report.dueOn()));
		}
		if ((report.content() == null || report.content().isBlank())
				&& (report.figures() == null || report.figures().isBlank())) {
			throw new BusinessRuleException("planning.duty.emptyReport");
		}
		return on;
	}

	private DutyView record(long dutyId, SubmissionForm report, List<StoredDocument> files) {
		Row row = find(dutyId);
		access.requireActOn(row.unitId(), Permission.PLAN_EDIT);
		LocalDate on = check(row, report);
		Long submissionId = jdbc.sql("""
				insert into report_submission (duty_id, due_on, submitted_on, content, figures, submitted_by)
				values (:duty, :due, :on, :content, :figures, :by)
				on conflict on constraint report_submission_once do nothing
				returning id
				""")
			.param("duty", dutyId)
			.param("due", report.dueOn())
			.param("on", on)
			.param("content", report.content())
			.param("figures", report.figures())
			.param("by", actor())
			.query(Long.class)
			.optional()
			.orElseThrow(
					() -> new BusinessRuleException("planning.duty.alreadySubmitted", VnFormat.date(report.dueOn())));
		String occurrence = "báo cáo \"" + row.title() + "\" kỳ " + VnFormat.date(report.dueOn());
		audit.record(new AuditRecord("SUBMIT", "report_duty", String.valueOf(dutyId), row.title(), "Nộp " + occurrence,
				null, report));
		attachments.addToSubmission(submissionId, files, actor(), occurrence);
		return view(row);
	}

	private boolean readable(Row row) {
		return access.canRead(row.unitId()) || (row.recipientUnitId() != null && access.canRead(row.recipientUnitId()));
	}

	private Row find(long dutyId) {
		return jdbc.sql("select * from report_duty where id = :id")
			.param("id", dutyId)
			.query(DutyService::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("planning.duty.notFound", dutyId));
	}

	private DutyView view(Row row) {
		Deadline schedule = Deadline.parse(row.schedule(), row.startsOn().getYear());
		Map<LocalDate, DutyView.Submitted> submitted = new HashMap<>();
		Map<Long, List<AttachmentView>> files = attachments.ofDuty(row.id());
		jdbc.sql("""
				select id, due_on, submitted_on, content, figures, submitted_by from report_submission
				where duty_id = :id
				""")
			.param("id", row.id())
			.query((rs, n) -> submitted.put(rs.getObject(2, LocalDate.class),
					new DutyView.Submitted(rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
							rs.getString(6), files.getOrDefault(rs.getLong(1), List.of()))))
			.list();
		LocalDate today = VnFormat.today();
		List<DutyView.Occurrence> occurrences = DutyView.occurrences(schedule, row.startsOn(), row.endsOn(),
				today.plusMonths(1), today, submitted);
		String name = units.find(row.unitId(), row.startsOn()).map(UnitRef::fullName).orElse("#" + row.unitId());
		return new DutyView(row.id(), row.unitId(), name, row.recipientUnitId(), row.recipient(), row.title(), schedule,
				row.startsOn(), row.endsOn(), occurrences, row.version());
	}

	private String actor() {
		return access.currentIfAny().map(CurrentUser::fullName).orElse("hệ thống");
	}

}
