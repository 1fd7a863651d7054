package vn.ntm.recognition.web;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.recognition.BarComparison;
import vn.ntm.recognition.Ratio;
import vn.ntm.recognition.SatisfactionBar;
import vn.ntm.recognition.SatisfactionSurveys;
import vn.ntm.recognition.SurveyForm;
import vn.ntm.recognition.SurveyView;
import vn.ntm.shared.NotFoundException;

/**
 * A unit's satisfaction survey of a year: read it with its computed shares and their
 * comparison with the known bars; record it with the {@code expectedVersion} read (none
 * for a new survey), a stale one refused with 409; its result file uploaded (multipart
 * {@code file}, with {@code expectedVersion}) and downloaded by the unit's readers.
 */
@RestController
@RequestMapping("/api/v1/units/{id}/surveys")
class SurveyApiController {

	private final SatisfactionSurveys surveys;

	SurveyApiController(SatisfactionSurveys surveys) {
		this.surveys = surveys;
	}

	/**
	 * The surveys of the year of the units below the unit (and its own) the reader may
	 * read.
	 */
	@GetMapping
	List<SurveyJson> below(@PathVariable long id, @RequestParam int year) {
		return surveys.below(id, year).stream().map(this::json).toList();
	}

	@GetMapping("/{year}")
	SurveyJson get(@PathVariable long id, @PathVariable int year) {
		SurveyView survey = surveys.find(id, year)
			.orElseThrow(() -> new NotFoundException("recognition.survey.none", String.valueOf(year)));
		return json(survey);
	}

	@PutMapping("/{year}")
	SurveyJson put(@PathVariable long id, @PathVariable int year, @RequestBody SurveyForm form) {
		return json(surveys.record(id, year, form));
	}

	@PostMapping("/{year}/result")
	SurveyJson attach(@PathVariable long id, @PathVariable int year,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam int expectedVersion) {
		return json(surveys.attachResult(id, year, SurveyPageController.upload(file), expectedVersion));
	}

	@GetMapping("/{year}/result")
	ResponseEntity<Resource> result(@PathVariable long id, @PathVariable int year,
			@RequestParam(defaultValue = "false") boolean inline) {
		return SurveyPageController.download(surveys.resultFile(id, year), inline);
	}

	private SurveyJson json(SurveyView survey) {
		return SurveyJson.of(survey, surveys.knownBar(survey.unitId(), survey.year()).orElse(null),
				surveys.knownCoverageBar(survey.unitId(), survey.year()).orElse(null));
	}

	/**
	 * The survey, its shares exact ({@code percent}) and as shown ({@code text}), each
	 * compared with its bar ({@code NO_BAR}: none known, "chưa có ngưỡng").
	 */
	record SurveyJson(SurveyView survey, Share coverage, Share satisfaction, @Nullable SatisfactionBar bar,
			BarComparison.Outcome satisfactionAgainstBar, @Nullable SatisfactionBar coverageBar,
			BarComparison.Outcome coverageAgainstBar, List<Share> questions) {

		static SurveyJson of(SurveyView survey, @Nullable SatisfactionBar bar, @Nullable SatisfactionBar coverageBar) {
			return new SurveyJson(survey, Share.of(survey.coverage()), Share.of(survey.satisfaction()), bar,
					survey.satisfactionAgainst(bar).outcome(), coverageBar,
					survey.coverageAgainst(coverageBar).outcome(),
					survey.questions().stream().map(q -> Share.of(q.satisfaction())).toList());
		}

	}

	record Share(long part, long whole, @Nullable BigDecimal percent, String text) {

		static Share of(Ratio ratio) {
			return new Share(ratio.part(), ratio.whole(), ratio.percent().orElse(null), ratio.format(1));
		}

	}

}
