package vn.ntm.criteria.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.TitleAwardView;
import vn.ntm.criteria.TitleRegistry;
import vn.ntm.criteria.TitleView;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitPagePanel;

/**
 * The titles (danh hiệu) a unit has held, on the unit's page: each with its year, the
 * decision that recognised it and its revocation; with a form to record a title and a
 * button to record a revocation for those who may ({@link TitleRegistry#canRecord}).
 */
@Component
class TitlesPanel implements UnitPagePanel {

	private final TitleRegistry registry;

	private final CriteriaCatalog catalog;

	private final vn.ntm.orgunit.UnitManagement units;

	TitlesPanel(TitleRegistry registry, CriteriaCatalog catalog, vn.ntm.orgunit.UnitManagement units) {
		this.registry = registry;
		this.catalog = catalog;
		this.units = units;
	}

	/** A title of a unit this one was formed from. */
	record Earlier(vn.ntm.orgunit.UnitRef unit, TitleAwardView award) {
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Optional<Panel> panel(UnitDetails unit, LocalDate at) {
		long id = unit.id();
		int level = unit.version().level();
		List<TitleAwardView> awards = registry.awardsOf(id);
		List<TitleView> options = catalog.titles()
			.stream()
			.filter(t -> !t.retired() && t.unitLevel() == level)
			.toList();
		// the titles of the units it was formed from stay readable from here
		List<Earlier> earlier = new java.util.ArrayList<>();
		java.util.Set<Long> seen = new java.util.HashSet<>();
		for (vn.ntm.orgunit.UnitHistory.EventEntry event : units.history(id).events()) {
			if (!"STARTED".equals(event.role()) && !"CONTINUED".equals(event.role())) {
				continue;
			}
			for (vn.ntm.orgunit.UnitRef before : event.predecessors()) {
				if (before.id() != id && before.level() == level && seen.add(before.id())) {
					registry.awardsOf(before.id()).forEach(a -> earlier.add(new Earlier(before, a)));
				}
			}
		}
		if (awards.isEmpty() && options.isEmpty() && earlier.isEmpty()) {
			// the country, or a level no title is given to
			return Optional.empty();
		}
		boolean canRecord = registry.canRecord(id);
		return Optional.of(new Panel("criteria/panels", "titles", Map.of("unitId", id, "awards", awards, "options",
				options, "canRecord", canRecord, "at", at, "year", at.getYear(), "earlier", earlier)));
	}

}
