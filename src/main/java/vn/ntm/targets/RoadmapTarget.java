package vn.ntm.targets;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A unit's target on a roadmap (lộ trình): the title a plan sets it to reach and the
 * year, from a planning plan ({@code planId}) and/or a source text ("KH 44/KH-UBND 2024
 * tỉnh Quảng Nam").
 *
 * @param unitName the unit's label with its parent ("Xã Đại Chánh – Huyện Đại Lộc")
 * @param dossierDue the day the plan sets for the unit's dossier, if it sets one
 */
public record RoadmapTarget(long id, long unitId, String unitName, String titleCode, int year, @Nullable Long planId,
		@Nullable String source, String titleName, @Nullable String planLabel, @Nullable LocalDate dossierDue,
		@Nullable String note, int rowVersion, String changedBy, Instant changedAt) {

	/** Where the target comes from, as shown: the plan's label, else the source text. */
	public String origin() {
		if (planLabel != null) {
			return source == null ? planLabel : planLabel + " (" + source + ")";
		}
		return source == null ? "" : source;
	}

	/**
	 * The plan's key: two targets of one plan never name two years for a unit and title.
	 */
	public String planKey() {
		return planId != null ? "plan:" + planId : "source:" + source;
	}

}
