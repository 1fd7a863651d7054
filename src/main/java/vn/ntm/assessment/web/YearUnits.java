package vn.ntm.assessment.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;

/**
 * The units of a year that ended during it, with their last day: the views of a year mark
 * them ("kết thúc 30/06/2025"), their pages say what they became.
 */
final class YearUnits {

	private YearUnits() {
	}

	static Map<Long, LocalDate> endedIn(UnitManagement units, long rootId, int year) {
		return endedIn(units.unitsOfYear(rootId, year), year);
	}

	/** The same from the units of the year read already. */
	static Map<Long, LocalDate> endedIn(List<UnitRef> unitsOfYear, int year) {
		Map<Long, LocalDate> ended = new HashMap<>();
		LocalDate last = LocalDate.of(year, 12, 31);
		for (UnitRef unit : unitsOfYear) {
			if (unit.validTo() != null && !unit.validTo().isAfter(last) && unit.validTo().getYear() == year) {
				ended.put(unit.id(), unit.validTo());
			}
		}
		return ended;
	}

}
