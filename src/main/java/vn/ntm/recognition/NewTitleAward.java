package vn.ntm.recognition;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A title to record for a unit: the title, its year as documents write it ("NTM 2017"),
 * and the decision when known (number, date, issuer).
 */
public record NewTitleAward(@NotBlank(message = "{title.code.required}") String titleCode,
		@Min(value = 2000, message = "{title.year.invalid}") @Max(value = 2100,
				message = "{title.year.invalid}") int year,
		@Nullable LocalDate decidedOn, @Nullable @Size(max = 200) String decisionNumber,
		@Nullable @Size(max = 300) String issuer, @Nullable @Size(max = 500) String source,
		@Nullable @Size(max = 1000) String note) {
}
