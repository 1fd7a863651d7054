package vn.ntm.planning;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A plan in a list, with its counts of tasks (as of today).
 */
public record PlanSummary(long id, long unitId, String unitName, @Nullable String number, @Nullable LocalDate issuedOn,
		String issuer, int yearFrom, int yearTo, String title, int tasks, int done, int overdue, int version) {

	public String years() {
		return yearFrom == yearTo ? String.valueOf(yearFrom) : yearFrom + "–" + yearTo;
	}

}
