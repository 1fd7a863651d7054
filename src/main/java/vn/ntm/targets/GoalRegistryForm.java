package vn.ntm.targets;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A registry entry as entered; {@code expectedVersion} none for a new one. */
public record GoalRegistryForm(@Nullable String kind, @Nullable BigDecimal quantity, @Nullable String measure,
		@Nullable LocalDate entryDate, @Nullable String note, @Nullable String source,
		@Nullable Integer expectedVersion) {
}
