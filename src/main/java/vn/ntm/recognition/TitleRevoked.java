package vn.ntm.recognition;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A unit's title was revoked from a date (published in the revocation's transaction). */
public record TitleRevoked(long awardId, long unitId, String titleCode, int year, LocalDate revokedOn,
		@Nullable String decision, String reason) {
}
