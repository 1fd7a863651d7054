package vn.ntm.targets.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import vn.ntm.criteria.TitleRegistry;

/**
 * The one place goals read which titles units hold at a date (titles are moving into the
 * recognition module: only this class changes when they do).
 */
@Component
class GoalTitleSource {

	private final TitleRegistry titles;

	GoalTitleSource(TitleRegistry titles) {
		this.titles = titles;
	}

	Map<Long, Set<String>> titlesHeld(Collection<Long> unitIds, LocalDate at) {
		return unitIds.isEmpty() ? Map.of() : titles.titlesHeld(unitIds, at);
	}

}
