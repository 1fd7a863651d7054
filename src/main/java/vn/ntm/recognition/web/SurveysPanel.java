package vn.ntm.recognition.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitPagePanel;
import vn.ntm.recognition.SatisfactionSurveys;
import vn.ntm.recognition.SurveyView;

/**
 * The unit page's "Lấy ý kiến sự hài lòng" panel: the unit's surveys by year with their
 * coverage and satisfaction, a link to enter the year's survey for those who may record
 * it, and for a province or district the .xlsx of its units' surveys and its
 * revocation-risk list.
 */
@Component
class SurveysPanel implements UnitPagePanel {

	private final SatisfactionSurveys surveys;

	SurveysPanel(SatisfactionSurveys surveys) {
		this.surveys = surveys;
	}

	@Override
	public int order() {
		return 25;
	}

	@Override
	public Optional<Panel> panel(UnitDetails unit, LocalDate at) {
		int level = unit.version().level();
		if (level < 1 || level > 3) {
			// the country, and villages: no survey is run for them
			return Optional.empty();
		}
		List<SurveyView> all = surveys.ofUnit(unit.id());
		int year = at.getYear();
		boolean hasYear = all.stream().anyMatch(s -> s.year() == year);
		Map<String, Object> model = new HashMap<>();
		model.put("unitId", unit.id());
		model.put("surveys", all);
		model.put("year", year);
		model.put("canEnter", unit.existsAt() && !hasYear && surveys.canRecord(unit.id()));
		model.put("parent", level < 3);
		model.put("at", at);
		return Optional.of(new Panel("recognition/panel", "surveys", model));
	}

}
