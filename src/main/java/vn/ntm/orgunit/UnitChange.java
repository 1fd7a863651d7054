package vn.ntm.orgunit;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A change decided by an authority from a date on: the unit goes on with a new version.
 * Fields left {@code null} keep their value; at least one must change.
 */
public record UnitChange(@NotNull(message = "{change.date.required}") LocalDate effectiveDate,
		@Nullable @Size(max = 200) String newName, @Nullable UnitType newType, @Nullable @Size(max = 20) String newCode,
		@Nullable Long newParentId, @Nullable @Size(max = 500) String legalBasis,
		@Nullable @Size(max = 1000) String note, int expectedVersion) {
}
