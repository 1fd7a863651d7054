package vn.ntm.recognition;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.engine.Reason;
import vn.ntm.criteria.engine.RevocationVerdict;

/**
 * One unit holding a title, with the engine's revocation verdict on its latest result for
 * it: the failing criteria by number and name (critical ones marked), the share, and the
 * rule crossed ({@code rule}: the engine's reason, none when no rule is crossed). A
 * district's title is also revoked by the share of its communes revoked
 * ({@code communes}, none for other units); a district listed by that rule alone may have
 * no result ({@code assessmentId} and the set, year and date of the result null,
 * {@code outcome} REVOKE).
 *
 * @param readable whether the reader may open the unit (else it is shown as text)
 */
public record RevocationRisk(long unitId, String unitName, String titleCode, String titleName,
		@Nullable Long assessmentId, @Nullable Long setId, @Nullable String setLabel, @Nullable Integer year,
		@Nullable LocalDate asOf, RevocationVerdict.Outcome outcome, int failing, int total, String failingShare,
		List<FailingCriterion> failingCriteria, @Nullable Reason rule, List<Reason> reasons,
		@Nullable RevokedCommunes communes, boolean readable) {

	public RevocationRisk {
		failingCriteria = List.copyOf(failingCriteria);
		reasons = List.copyOf(reasons);
	}

	/** "QD318_XA_NTM v1 (2024)", or "" without a result. */
	public String resultLabel() {
		return setLabel == null ? "" : setLabel + " (" + year + ")";
	}

	/** Whether the share of the district's communes revoked crosses its bar. */
	public boolean crossesByCommunes() {
		return communes != null && communes.crosses();
	}

	/** A failing criterion: "10 — Thu nhập", critical or not. */
	public record FailingCriterion(String number, @Nullable String name, boolean critical) {

		public String label() {
			return name == null ? number : number + " — " + name;
		}

	}

}
