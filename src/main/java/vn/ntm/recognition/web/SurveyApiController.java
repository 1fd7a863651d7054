package vn.ntm.recognition.web;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.recognition.BarComparison;
import vn.ntm.recognition.Ratio;
import vn.ntm.recognition.SatisfactionBar;
import vn.ntm.recognition.SatisfactionSurveys;
import vn.ntm.recognition.SurveyForm;
import vn.ntm.recognition.SurveyView;
import vn.ntm.shared.NotFoundException;

/**
 * A unit's satisfaction survey of a year: read it with its computed shares and their
 * comparison with the known bar; record it with the {@code expectedVersion} read (none
 * for a new survey), a stale one refused with 409.
 */
@RestController
@RequestMapping("/api/v1/units/{id}/surveys")
class SurveyApiController {

	private final SatisfactionSurveys surveys;

	SurveyApiController(SatisfactionSurveys surveys) {
		this.surveys = surveys;
	}

	@GetMapping("/{year}")
	SurveyJson get(@PathVariable long id, @PathVariable int year) {
		SurveyView survey = surveys.find(id, year)
			.orElseThrow(() -> new NotFoundException("recognition.survey.none", String.valueOf(year)));
		return SurveyJson.of(survey, surveys.knownBar(id, year).orElse(null));
	}

	@PutMapping("/{year}")
	SurveyJson put(@PathVariable long id, @PathVariable int year, @RequestBody SurveyForm form) {
		SurveyView survey = surveys.record(id, year, form);
		return SurveyJson.of(survey, surveys.knownBar(id, year).orElse(null));
	}

	/** The survey, its shares exact ({@code percent}) and as shown ({@code text}). */
	record SurveyJson(SurveyView survey, Share coverage, Share satisfaction, @Nullable SatisfactionBar bar,
			BarComparison.Outcome satisfactionAgainstBar, List<Share> questions) {

		static SurveyJson of(SurveyView survey, @Nullable SatisfactionBar bar) {
			return new SurveyJson(survey, Share.of(survey.coverage()), Share.of(survey.satisfaction()), bar,
					survey.satisfactionAgainst(bar).outcome(),
					survey.questions().stream().map(q -> Share.of(q.satisfaction())).toList());
		}

	}

	record Share(long part, long whole, @Nullable BigDecimal percent, String text) {

		static Share of(Ratio ratio) {
			return new Share(ratio.part(), ratio.whole(), ratio.percent().orElse(null), ratio.format(1));
		}

	}

}
