package vn.ntm.orgunit;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Units merged from a date: either into an existing unit that goes on
 * ({@code absorbingUnitId}) or into a new unit ({@code newUnit}). The merged units end
 * the day before; their villages or communes move to the successor.
 */
public record Merge(@NotEmpty(message = "{merge.units.required}") List<Long> unitIds,
		@NotNull(message = "{change.date.required}") LocalDate effectiveDate, @Nullable Long absorbingUnitId,
		@Nullable NewUnit newUnit, @Nullable @Size(max = 500) String legalBasis,
		@Nullable @Size(max = 1000) String note) {
}
