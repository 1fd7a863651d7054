package vn.ntm.recognition;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What an office does with a dossier at its pending step: {@code SUBMIT} (the unit sends
 * it), {@code APPROVE} (the office agrees and sends it on; at the decision step the
 * conditions are checked and the title awarded; at the announcement step it is
 * announced), {@code RETURN} (back to the unit, with a reason), {@code WITHDRAW} (the
 * unit withdraws a dossier not yet submitted).
 *
 * @param on the day it was done (today when not given; an earlier day when entered after
 * the fact)
 * @param decisionNumber the decision's number, at the decision step
 * @param issuer who signed the decision, at the decision step
 * @param expectedVersion the dossier's row version as read
 */
public record DossierAction(String action, @Nullable String reason, @Nullable LocalDate on,
		@Nullable String decisionNumber, @Nullable String issuer, @Nullable Integer expectedVersion) {

	public static DossierAction of(String action, int expectedVersion) {
		return new DossierAction(action, null, null, null, null, expectedVersion);
	}

}
