package vn.ntm.recognition;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.engine.Reason;
import vn.ntm.criteria.engine.RevocationVerdict;

/**
 * One unit holding a title, with the engine's revocation verdict on its latest result for
 * it: the failing criteria by number and name (critical ones marked), the share, and the
 * rule crossed ({@code rule}: the engine's reason, none when no rule is crossed).
 *
 * @param readable whether the reader may open the unit (else it is shown as text)
 */
public record RevocationRisk(long unitId, String unitName, String titleCode, String titleName, long assessmentId,
		long setId, String setLabel, int year, LocalDate asOf, RevocationVerdict.Outcome outcome, int failing,
		int total, String failingShare, List<FailingCriterion> failingCriteria, @Nullable Reason rule,
		List<Reason> reasons, boolean readable) {

	public RevocationRisk {
		failingCriteria = List.copyOf(failingCriteria);
		reasons = List.copyOf(reasons);
	}

	/** A failing criterion: "10 — Thu nhập", critical or not. */
	public record FailingCriterion(String number, @Nullable String name, boolean critical) {

		public String label() {
			return name == null ? number : number + " — " + name;
		}

	}

}
