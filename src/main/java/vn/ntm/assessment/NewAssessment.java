package vn.ntm.assessment;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An assessment to open: a unit, a set version, a year, and the date its results describe
 * (31/12 of the year when not given).
 */
public record NewAssessment(@NotNull(message = "{assessment.unit.required}") Long unitId,
		@NotNull(message = "{assessment.set.required}") Long setId,
		@Min(value = 2000, message = "{assessment.year.invalid}") @Max(value = 2100,
				message = "{assessment.year.invalid}") int year,
		@Nullable LocalDate asOf, @Nullable @Size(max = 500, message = "{assessment.source.tooLong}") String source,
		@Nullable @Size(max = 2000, message = "{assessment.note.tooLong}") String note) {
}
