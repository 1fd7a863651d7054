package vn.ntm.recognition.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import vn.ntm.criteria.TitleRegistry;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;

/**
 * Which units below a parent held which titles at a date, with their names: the one place
 * the revocation-risk list asks (the titles' owner answers).
 */
@Component
class HeldTitles {

	private final UnitManagement units;

	private final TitleRegistry titles;

	HeldTitles(UnitManagement units, TitleRegistry titles) {
		this.units = units;
		this.titles = titles;
	}

	/** A unit below the parent and the titles it held at the date. */
	record Holder(long unitId, String unitName, Set<String> titleCodes) {
	}

	/** The units below the parent (not the parent) holding a title at the date. */
	List<Holder> below(long parentId, LocalDate at) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (UnitRef unit : units.descendants(parentId, at)) {
			names.put(unit.id(), unit.fullName());
		}
		Map<Long, Set<String>> held = titles.titlesHeld(names.keySet(), at);
		return names.entrySet()
			.stream()
			.filter(e -> !held.getOrDefault(e.getKey(), Set.of()).isEmpty())
			.map(e -> new Holder(e.getKey(), e.getValue(), held.get(e.getKey())))
			.toList();
	}

}
