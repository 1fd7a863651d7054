package vn.ntm.recognition.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.TitleView;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitPagePanel;
import vn.ntm.recognition.TitleAward;
import vn.ntm.recognition.TitleReview;
import vn.ntm.recognition.Titles;

/**
 * A unit's title history on its page: each title with its year and decision, its reviews
 * under newer sets (rà soát duy trì), its revocation or its end with the unit; the titles
 * of the units it was formed from, with their names; forms to record a title, a review
 * and a revocation for those who may ({@link Titles#canRecord}).
 */
@Component
class TitlesPanel implements UnitPagePanel {

	private final Titles titles;

	private final CriteriaCatalog catalog;

	TitlesPanel(Titles titles, CriteriaCatalog catalog) {
		this.titles = titles;
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
		List<TitleAward> awards = titles.historyOf(id);
		List<TitleView> options = catalog.titles()
			.stream()
			.filter(t -> !t.retired() && t.unitLevel() == level)
			.toList();
		// the titles of the units it was formed from stay readable from here
		List<Titles.PredecessorTitle> earlier = titles.predecessorTitles(id)
			.stream()
			.filter(e -> e.unit().level() == level)
			.toList();
		if (awards.isEmpty() && options.isEmpty() && earlier.isEmpty()) {
			// the country, or a level no title is given to
			return Optional.empty();
		}
		List<TitleReview> reviews = titles.reviewsOf(id);
		boolean canRecord = titles.canRecord(id);
		boolean hasChildren = false;
		return Optional.of(new Panel("recognition/titles-panel", "titles",
				Map.of("unitId", id, "awards", awards, "reviews", reviews, "options", options, "canRecord", canRecord,
						"at", at, "year", at.getYear(), "earlier", earlier, "hasChildren", hasChildren)));
	}

}
