package vn.ntm.planning;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a plan says about itself.
 *
 * @param unitId the issuing unit
 * @param issuer the issuing body as written ("UBND thành phố Tam Kỳ")
 * @param implementsPlans the plans of the level above it implements, as written
 * @param criteriaSet the code of the criteria set its criterion assignments cover
 */
public record PlanForm(long unitId, @Nullable String number, @Nullable LocalDate issuedOn, String issuer, int yearFrom,
		int yearTo, String title, @Nullable String legalBases, @Nullable String implementsPlans,
		@Nullable String source, @Nullable String criteriaSet) {
}
