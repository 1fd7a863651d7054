package vn.ntm.recognition;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A title a unit holds or held: recognised for an assessment year by a decision (number,
 * date, issuer); revoked by a decision for a reason; or ended when its unit ended (a
 * merger: the new unit does not inherit it).
 *
 * @param endedOn the first day it is no longer held because its unit ended
 */
public record TitleAward(long id, long unitId, String titleCode, String titleName, int year,
		@Nullable LocalDate decidedOn, @Nullable String decisionNumber, @Nullable String issuer,
		@Nullable String source, @Nullable String note, @Nullable LocalDate revokedOn,
		@Nullable String revocationDecision, @Nullable String revocationReason, @Nullable String revocationIssuer,
		@Nullable LocalDate endedOn, @Nullable String endReason, int rowVersion) {

	/** As the contract lists the fields (without the revocation's issuer). */
	public TitleAward(long id, long unitId, String titleCode, String titleName, int year, @Nullable LocalDate decidedOn,
			@Nullable String decisionNumber, @Nullable String issuer, @Nullable String source, @Nullable String note,
			@Nullable LocalDate revokedOn, @Nullable String revocationDecision, @Nullable String revocationReason,
			@Nullable LocalDate endedOn, @Nullable String endReason, int rowVersion) {
		this(id, unitId, titleCode, titleName, year, decidedOn, decisionNumber, issuer, source, note, revokedOn,
				revocationDecision, revocationReason, null, endedOn, endReason, rowVersion);
	}

	/** The first day it is held: its decision, else 1 January of its year. */
	public LocalDate heldFrom() {
		return decidedOn != null ? decidedOn : LocalDate.of(year, 1, 1);
	}

	/** The first day it is no longer held (revoked or ended), if any. */
	public @Nullable LocalDate heldUntil() {
		if (revokedOn == null) {
			return endedOn;
		}
		return endedOn == null || revokedOn.isBefore(endedOn) ? revokedOn : endedOn;
	}

	/** Held at the date: decided (or its year begun), not revoked and not ended. */
	public boolean heldAt(LocalDate date) {
		LocalDate until = heldUntil();
		return !date.isBefore(heldFrom()) && (until == null || date.isBefore(until));
	}

	/** Revoked, or ended with its unit: no longer held from some date. */
	public boolean isClosed() {
		return revokedOn != null || endedOn != null;
	}

}
