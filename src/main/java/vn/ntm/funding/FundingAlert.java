package vn.ntm.funding;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A rule broken as of a date: which rule, the date it is dated (the rule's deadline), the
 * unit and work concerned, and the message (a key of the bundles with its arguments,
 * already formatted Vietnamese-style). {@code illustration} marks alerts of demo data
 * ("Ví dụ minh họa").
 */
public record FundingAlert(FundingRule rule, LocalDate date, long unitId, String unitName, @Nullable Long workId,
		@Nullable String workName, String messageKey, List<String> args, boolean illustration) {

	/** The page of the work or of the unit's funding. */
	public String link() {
		return workId != null ? "/funding/works/" + workId : "/funding/units/" + unitId;
	}

}
