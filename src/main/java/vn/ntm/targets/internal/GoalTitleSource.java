package vn.ntm.targets.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import vn.ntm.recognition.Titles;

/**
 * The one place goals read which titles units hold at a date: the recognition module's
 * {@link Titles} facade.
 */
@Component
class GoalTitleSource {

	private final Titles titles;

	GoalTitleSource(Titles titles) {
		this.titles = titles;
	}

	Map<Long, Set<String>> titlesHeld(Collection<Long> unitIds, LocalDate at) {
		return unitIds.isEmpty() ? Map.of() : titles.titlesHeld(unitIds, at);
	}

}
