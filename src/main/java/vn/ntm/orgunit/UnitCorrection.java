package vn.ntm.orgunit;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A correction of the current version (a misspelt name, a wrong code or start date): no
 * history is added, the version is fixed in place and the fix is audited. Real changes
 * decided by an authority are {@link UnitChange}s.
 */
public record UnitCorrection(@Nullable @Size(max = 20) String code,
		@NotBlank(message = "{unit.name.required}") @Size(max = 200) String name,
		@NotNull(message = "{unit.type.required}") UnitType type, @Nullable LocalDate validFrom,
		@Nullable @Size(max = 1000) String note, int expectedVersion) {
}
