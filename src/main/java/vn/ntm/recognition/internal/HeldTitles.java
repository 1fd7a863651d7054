package vn.ntm.recognition.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import vn.ntm.recognition.TitleAward;
import vn.ntm.recognition.Titles;
import vn.ntm.security.UnitDirectory;

/**
 * Which units below a parent held which titles at a date: the one place the
 * revocation-risk list asks ({@link Titles#heldBelow}, the titles' owner, answers).
 */
@Component
class HeldTitles {

	private final Titles titles;

	private final UnitDirectory directory;

	HeldTitles(Titles titles, UnitDirectory directory) {
		this.titles = titles;
		this.directory = directory;
	}

	/** A unit below the parent and the titles it held at the date. */
	record Holder(long unitId, String unitName, Set<String> titleCodes) {
	}

	/** The units below the parent (not the parent) holding a title at the date. */
	List<Holder> below(long parentId, LocalDate at) {
		Map<Long, Set<String>> held = new LinkedHashMap<>();
		for (TitleAward award : titles.heldBelow(parentId, null, at)) {
			if (award.unitId() != parentId) {
				held.computeIfAbsent(award.unitId(), k -> new TreeSet<>()).add(award.titleCode());
			}
		}
		return held.entrySet()
			.stream()
			.map(e -> new Holder(e.getKey(), directory.label(e.getKey()), e.getValue()))
			.toList();
	}

}
