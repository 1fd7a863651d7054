package vn.ntm.orgunit;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A unit to create under an existing parent.
 *
 * @param code official code; required for provinces, districts and communes, optional for
 * villages
 * @param validFrom first day; {@code null} when not known
 */
public record NewUnit(@Nullable @Size(max = 20) String code,
		@NotBlank(message = "{unit.name.required}") @Size(max = 200) String name,
		@NotNull(message = "{unit.type.required}") UnitType type,
		@NotNull(message = "{unit.parent.required}") Long parentId, @Nullable LocalDate validFrom,
		@Nullable @Size(max = 1000) String note) {
}
