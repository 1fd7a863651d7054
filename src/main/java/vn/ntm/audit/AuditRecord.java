package vn.ntm.audit;

import org.jspecify.annotations.Nullable;

/**
 * One change to record.
 *
 * @param action what was done, e.g. {@code CREATE}, {@code UPDATE}, {@code RENAME}
 * @param entityType the kind of record, e.g. {@code unit}, {@code user}
 * @param entityId the record's identifier
 * @param entityLabel how people name the record, e.g. "Xã Tam Thanh"
 * @param summary a Vietnamese sentence describing the change
 * @param before the record before the change (serialised to JSON), {@code null} for a
 * creation
 * @param after the record after the change, {@code null} for a deletion
 */
public record AuditRecord(String action, String entityType, String entityId, String entityLabel, String summary,
		@Nullable Object before, @Nullable Object after) {

	public static AuditRecord created(String entityType, Object id, String label, String summary, Object after) {
		return new AuditRecord("CREATE", entityType, String.valueOf(id), label, summary, null, after);
	}

	public static AuditRecord updated(String entityType, Object id, String label, String summary, Object before,
			Object after) {
		return new AuditRecord("UPDATE", entityType, String.valueOf(id), label, summary, before, after);
	}

}
