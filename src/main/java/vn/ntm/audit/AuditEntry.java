package vn.ntm.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A recorded change, with the record's state before and after as JSON.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
		String entityLabel, String summary, @Nullable String beforeJson, @Nullable String afterJson,
		@Nullable String clientIp, Map<String, Object> before, Map<String, Object> after) {

	/**
	 * The top-level fields whose values differ, in a stable order, for display as a
	 * table.
	 */
	public List<FieldChange> changes() {
		Set<String> keys = new LinkedHashSet<>();
		keys.addAll(before.keySet());
		keys.addAll(after.keySet());
		List<FieldChange> changes = new ArrayList<>();
		for (Iterator<String> it = keys.iterator(); it.hasNext();) {
			String key = it.next();
			Object b = before.get(key);
			Object a = after.get(key);
			changes.add(new FieldChange(key, b == null ? "" : String.valueOf(b), a == null ? "" : String.valueOf(a),
					!Objects.equals(b, a)));
		}
		return changes;
	}

	/** One field of a change. */
	public record FieldChange(String field, String before, String after, boolean changed) {
	}

}
