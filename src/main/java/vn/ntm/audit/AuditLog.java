package vn.ntm.audit;

import java.util.List;

import vn.ntm.shared.PageResult;

/**
 * The audit trail of programme data.
 */
public interface AuditLog {

	/**
	 * Records a change. Must be called inside the transaction that makes the change; the
	 * actor is the authenticated user of the current request or task ("hệ thống" for
	 * start-up tasks).
	 */
	void record(AuditRecord record);

	/** The changes of one record, newest first. */
	List<AuditEntry> historyOf(String entityType, String entityId, int limit);

	/** Searches the whole trail (administrators). */
	PageResult<AuditEntry> search(AuditQuery query, int page, int size);

}
