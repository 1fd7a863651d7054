package vn.ntm.orgunit;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Gives a unit a classification value over a period (e.g. "Nhóm 2 từ 15/02/2026").
 */
public record ClassificationChange(@NotBlank(message = "{classification.scheme.required}") String schemeCode,
		@NotBlank(message = "{classification.value.required}") String valueCode, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo, @Nullable @Size(max = 500) String source, @Nullable @Size(max = 1000) String note,
		int expectedVersion) {
}
