package vn.ntm.targets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A dated registry entry of a unit: what, how many in which measure, when, from where.
 */
public record GoalRegistryEntry(long id, long unitId, String unitName, GoalRegistryKind kind, BigDecimal quantity,
		String measure, LocalDate entryDate, @Nullable String note, @Nullable String source, int version,
		String changedBy, Instant changedAt) {
}
