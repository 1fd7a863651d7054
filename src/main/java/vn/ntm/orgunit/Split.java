package vn.ntm.orgunit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A unit split from a date into new units; every child of the split unit valid on that
 * date is assigned to one of them ({@code childAssignments}: child id → index in
 * {@code newUnits}).
 */
public record Split(long unitId, @NotNull(message = "{change.date.required}") LocalDate effectiveDate,
		@NotEmpty(message = "{split.units.required}") List<NewUnit> newUnits, Map<Long, Integer> childAssignments,
		@Nullable @Size(max = 500) String legalBasis, @Nullable @Size(max = 1000) String note, int expectedVersion) {
}
