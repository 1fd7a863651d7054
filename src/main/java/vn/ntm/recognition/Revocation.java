package vn.ntm.recognition;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The revocation of a title (thu hồi): from a date, by a decision (number, issuer), for a
 * reason.
 */
public record Revocation(LocalDate revokedOn, @Nullable String decision, @Nullable String issuer, String reason) {
}
