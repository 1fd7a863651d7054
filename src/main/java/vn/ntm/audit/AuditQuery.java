package vn.ntm.audit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Filters for searching the audit trail; every filter is optional. {@code text} matches
 * the record's label, the summary and the actor without regard to diacritics.
 */
public record AuditQuery(@Nullable String text, @Nullable String actor, @Nullable String entityType,
		@Nullable String entityId, @Nullable String action, @Nullable LocalDate from, @Nullable LocalDate to) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null, null);
	}

}
