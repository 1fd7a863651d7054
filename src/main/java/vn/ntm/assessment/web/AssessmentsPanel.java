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

	AssessmentsPanel(AssessmentManagement assessments) {
		this.assessments = assessments;
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
		return Optional.of(new Panel("assessment/panel", "panel", Map.of("unitId", unit.id(), "rows", rows, "total",
				all.size(), "canEnter", assessments.canEnter(unit.id()))));
	}

}
