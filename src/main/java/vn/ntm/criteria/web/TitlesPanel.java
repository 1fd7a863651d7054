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

	TitlesPanel(TitleRegistry registry, CriteriaCatalog catalog) {
		this.registry = registry;
		this.catalog = catalog;
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
		if (awards.isEmpty() && options.isEmpty()) {
			// the country, or a level no title is given to
			return Optional.empty();
		}
		boolean canRecord = registry.canRecord(id);
		return Optional.of(new Panel("criteria/panels", "titles", Map.of("unitId", id, "awards", awards, "options",
				options, "canRecord", canRecord, "at", at, "year", at.getYear())));
	}

}
