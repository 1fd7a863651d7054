package vn.ntm.assessment.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitPagePanel;

/**
 * The unit page's "Đánh giá" panel: the unit's latest assessments with their headline
 * ("17 (16, 19)") and a link to all of them.
 */
@Component
class AssessmentsPanel implements UnitPagePanel {

	private static final int SHOWN = 6;

	private final AssessmentManagement assessments;

	private final vn.ntm.orgunit.UnitManagement units;

	AssessmentsPanel(AssessmentManagement assessments, vn.ntm.orgunit.UnitManagement units) {
		this.assessments = assessments;
		this.units = units;
	}

	/** An assessment of a unit this one was formed from. */
	record Earlier(vn.ntm.orgunit.UnitRef unit, EvaluationPageController.Row row) {
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Optional<Panel> panel(UnitDetails unit, LocalDate at) {
		List<AssessmentView> all = assessments.ofUnit(unit.id());
		List<EvaluationPageController.Row> rows = all.stream()
			.limit(SHOWN)
			.map(view -> EvaluationPageController.Row.of(view, assessments.evaluate(view.id()).evaluation()))
			.toList();
		// the results of the units it was formed from stay readable from here
		List<Earlier> earlier = new java.util.ArrayList<>();
		java.util.Set<Long> seen = new java.util.HashSet<>();
		for (vn.ntm.orgunit.UnitHistory.EventEntry event : units.history(unit.id()).events()) {
			if (!"STARTED".equals(event.role()) && !"CONTINUED".equals(event.role())) {
				continue;
			}
			for (vn.ntm.orgunit.UnitRef before : event.predecessors()) {
				if (before.id() == unit.id() || before.level() != unit.version().level() || !seen.add(before.id())) {
					continue;
				}
				assessments.ofUnit(before.id())
					.stream()
					.limit(SHOWN)
					.forEach(view -> earlier.add(new Earlier(before,
							EvaluationPageController.Row.of(view, assessments.evaluate(view.id()).evaluation()))));
			}
		}
		return Optional.of(new Panel("assessment/panel", "panel", Map.of("unitId", unit.id(), "rows", rows, "total",
				all.size(), "canEnter", assessments.canEnter(unit.id()), "earlier", earlier)));
	}

}
