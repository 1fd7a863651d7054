package vn.ntm.planning.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.documents.Documents;
import vn.ntm.documents.StoredDocument;
import vn.ntm.documents.Upload;
import vn.ntm.planning.AttachmentContent;
import vn.ntm.planning.AttachmentView;
import vn.ntm.shared.BusinessRuleException;

/**
 * Files attached to progress reports, submitted reports and plans (table
 * {@code plan_attachment}): the bytes go to the documents store before the report's
 * transaction, the rows and their audit are written in it. Who may attach and read is
 * decided by the callers ({@code PlanningService}, {@code DutyService}) with the rule of
 * the task or the duty.
 */
@Component
class Attachments {

	/** What the files are in the forms, for the messages of a refusal. */
	static final String FIELD = "planning.attachment.field";

	/** The most files one report takes. */
	static final int MAX_FILES = 10;

	static final String ENTITY = "plan_attachment";

	private final JdbcClient jdbc;

	private final Documents documents;

	private final AuditLog audit;

	Attachments(JdbcClient jdbc, Documents documents, AuditLog audit) {
		this.jdbc = jdbc;
		this.documents = documents;
		this.audit = audit;
	}

	/** An attachment with the report it belongs to. */
	record Row(AttachmentView view, @Nullable Long progressId, @Nullable Long submissionId, @Nullable Long planId,
			long ownerId) {
	}

	/**
	 * Streams the files to the documents store, to be called outside any transaction; the
	 * first refused file refuses the report (files stored before it stay on disk, unused,
	 * as every stored content does).
	 */
	List<StoredDocument> store(List<Upload> files) {
		return store(files, FIELD);
	}

	/**
	 * Streams the files to the documents store as {@link #store(List)} does, a refusal
	 * naming {@code field} (a message key).
	 */
	List<StoredDocument> store(List<Upload> files, String field) {
		if (files.size() > MAX_FILES) {
			throw new BusinessRuleException("planning.attachment.tooMany", MAX_FILES);
		}
		List<StoredDocument> stored = new ArrayList<>();
		for (Upload file : files) {
			try (InputStream in = file.content().getInputStream()) {
				stored.add(documents.store(in, file.fileName(), field));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return stored;
	}

	/**
	 * Records the files of a progress report, each audited, in the caller's transaction.
	 */
	List<AttachmentView> addToProgress(long progressId, List<StoredDocument> files, String actor, String what) {
		return add("progress_id", progressId, files, actor, what);
	}

	/**
	 * Records the files of a submitted report, each audited, in the caller's transaction.
	 */
	List<AttachmentView> addToSubmission(long submissionId, List<StoredDocument> files, String actor, String what) {
		return add("submission_id", submissionId, files, actor, what);
	}

	/**
	 * Records the files of a plan's original document, each audited, in the caller's
	 * transaction.
	 */
	List<AttachmentView> addToPlan(long planId, List<StoredDocument> files, String actor, String what) {
		return add("plan_id", planId, files, actor, what);
	}

	/** The files of a plan's original document, in the order they were attached. */
	List<AttachmentView> ofPlan(long planId) {
		return jdbc.sql("select * from plan_attachment where plan_id = :plan order by id")
			.param("plan", planId)
			.query((rs, n) -> view(rs))
			.list();
	}

	private List<AttachmentView> add(String column, long ownerId, List<StoredDocument> files, String actor,
			String what) {
		List<AttachmentView> added = new ArrayList<>();
		for (StoredDocument file : files) {
			AttachmentView view = jdbc.sql("insert into plan_attachment (" + column + """
					, file_name, content_type, size_bytes, sha256, uploaded_by)
					values (:owner, :name, :type, :size, :sha, :by)
					returning *
					""")
				.param("owner", ownerId)
				.param("name", file.fileName())
				.param("type", file.contentType())
				.param("size", file.size())
				.param("sha", file.sha256())
				.param("by", actor)
				.query((rs, n) -> view(rs))
				.single();
			String renamed = file.renamed() ? ", gửi lên với tên \"" + file.originalName() + "\"" : "";
			Map<String, Object> after = new LinkedHashMap<>();
			after.put(column, ownerId);
			after.put("fileName", view.fileName());
			after.put("contentType", view.contentType());
			after.put("size", view.size());
			after.put("sha256", view.sha256());
			after.put("uploadedBy", view.uploadedBy());
			audit.record(AuditRecord.created(ENTITY, view.id(), view.fileName(),
					"Đính kèm tệp \"" + view.fileName() + "\" (" + view.sizeText() + renamed + ") vào " + what, after));
			added.add(view);
		}
		return added;
	}

	/**
	 * The files of a task's progress reports, by report, in the order they were attached.
	 */
	Map<Long, List<AttachmentView>> ofTask(long taskId) {
		Map<Long, List<AttachmentView>> result = new LinkedHashMap<>();
		jdbc.sql("""
				select a.* from plan_attachment a join plan_progress p on p.id = a.progress_id
				where p.task_id = :task order by a.id
				""")
			.param("task", taskId)
			.query((rs, n) -> result.computeIfAbsent(rs.getLong("progress_id"), k -> new ArrayList<>()).add(view(rs)))
			.list();
		return result;
	}

	/**
	 * The files of a duty's submitted reports, by report, in the order they were
	 * attached.
	 */
	Map<Long, List<AttachmentView>> ofDuty(long dutyId) {
		Map<Long, List<AttachmentView>> result = new LinkedHashMap<>();
		jdbc.sql("""
				select a.* from plan_attachment a join report_submission s on s.id = a.submission_id
				where s.duty_id = :duty order by a.id
				""")
			.param("duty", dutyId)
			.query((rs, n) -> result.computeIfAbsent(rs.getLong("submission_id"), k -> new ArrayList<>()).add(view(rs)))
			.list();
		return result;
	}

	/**
	 * An attachment with the task (of its progress report), the duty (of its submitted
	 * report) or the plan (of its original document) it belongs to, in one statement.
	 */
	Optional<Row> find(long id) {
		return jdbc.sql("""
				select a.*, coalesce(p.task_id, s.duty_id, a.plan_id) as owner_id
				from plan_attachment a
				left join plan_progress p on p.id = a.progress_id
				left join report_submission s on s.id = a.submission_id
				where a.id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Row(view(rs), (Long) rs.getObject("progress_id", Long.class),
					(Long) rs.getObject("submission_id", Long.class), (Long) rs.getObject("plan_id", Long.class),
					rs.getLong("owner_id")))
			.optional();
	}

	/** The content of an attachment the caller was allowed to read. */
	AttachmentContent open(AttachmentView file) {
		return new AttachmentContent(file, documents.open(file.sha256()));
	}

	private static AttachmentView view(ResultSet rs) throws SQLException {
		Timestamp at = rs.getTimestamp("uploaded_at");
		return new AttachmentView(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"), at.toInstant());
	}

}
