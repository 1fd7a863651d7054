package vn.ntm.criteria;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A title a unit holds or held. */
public record TitleAwardView(long id, long unitId, String titleCode, String titleName, int year,
		@Nullable LocalDate decidedOn, @Nullable String decisionNumber, @Nullable String source, @Nullable String note,
		@Nullable LocalDate revokedOn, @Nullable String revocationDecision, int rowVersion) {

	/** Held at the date: decided (or its year begun) and not revoked. */
	public boolean heldAt(LocalDate date) {
		LocalDate from = decidedOn != null ? decidedOn : LocalDate.of(year, 1, 1);
		return !date.isBefore(from) && (revokedOn == null || date.isBefore(revokedOn));
	}

}
