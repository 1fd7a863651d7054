package vn.ntm.targets.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.engine.Summary;
import vn.ntm.recognition.DossierSummary;
import vn.ntm.recognition.Dossiers;
import vn.ntm.recognition.Titles;
import vn.ntm.targets.RoadmapRule;

/**
 * What the status rule reads from other modules, through their facades: the titles held
 * ({@code recognition.Titles}), the latest assessment results ({@code assessment}) and
 * the dossiers ({@code recognition.Dossiers}). The caller has checked access to the
 * units.
 */
@Component
class RoadmapInputs {

	private final Titles titles;

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final Dossiers dossiers;

	RoadmapInputs(Titles titles, AssessmentManagement assessments, CriteriaCatalog catalog, Dossiers dossiers) {
		this.dossiers = dossiers;
		this.titles = titles;
		this.assessments = assessments;
		this.catalog = catalog;
	}

	Map<Long, Set<String>> titlesHeld(Collection<Long> unitIds, LocalDate at) {
		return unitIds.isEmpty() ? Map.of() : titles.titlesHeld(unitIds, at);
	}

	/**
	 * Each unit's latest result at the date against a set of the title: the assessment of
	 * the latest year up to the date's year, dated on or before it.
	 */
	Map<Long, RoadmapRule.Result> latestResults(Collection<Long> unitIds, String titleCode, LocalDate at) {
		Map<Long, String> setTitles = new HashMap<>();
		Map<Long, RoadmapRule.Result> results = new HashMap<>();
		for (long unitId : unitIds) {
			Optional<AssessmentView> latest = assessments.ofUnit(unitId)
				.stream()
				.filter(a -> a.year() <= at.getYear() && !a.asOf().isAfter(at))
				.filter(a -> titleCode.equals(
						setTitles.computeIfAbsent(a.setId(), id -> String.valueOf(catalog.summary(id).titleCode()))))
				.findFirst();
			latest.ifPresent(a -> {
				Summary summary = assessments.evaluate(a.id()).evaluation().summary();
				results.put(unitId, new RoadmapRule.Result(a.year(), summary.met(), summary.total(),
						List.copyOf(summary.failingList())));
			});
		}
		return results;
	}

	/**
	 * The units' dossiers for the title and year ({@code recognition.Dossiers}): the
	 * latest live one of each unit; a unit without one has none (the reason says "hồ sơ
	 * chưa lập").
	 */
	Map<Long, RoadmapRule.Dossier> dossiers(Collection<Long> unitIds, String titleCode, int year) {
		if (unitIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, DossierSummary> latest = dossiers.latestFor(unitIds, titleCode, year);
		Map<Long, RoadmapRule.Dossier> known = new HashMap<>();
		for (long unitId : unitIds) {
			DossierSummary d = latest.get(unitId);
			known.put(unitId, d == null ? RoadmapRule.Dossier.none()
					: new RoadmapRule.Dossier(true, d.state(), d.stepName(), d.stepDue(), d.submittedOn()));
		}
		return known;
	}

}
