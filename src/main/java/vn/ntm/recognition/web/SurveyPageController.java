package vn.ntm.recognition.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.recognition.SatisfactionBar;
import vn.ntm.recognition.SatisfactionSurveys;
import vn.ntm.recognition.SurveyForm;
import vn.ntm.recognition.SurveyView;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;

/**
 * The page of a unit's satisfaction survey of a year: the counts with their shares and
 * the comparison with the bar; a form for those who record it. The questions are kept as
 * they are (entered through the API).
 */
@Controller
class SurveyPageController {

	private final SatisfactionSurveys surveys;

	private final AccessPolicy access;

	private final UnitDirectory directory;

	private final FormFlow flow;

	SurveyPageController(SatisfactionSurveys surveys, AccessPolicy access, UnitDirectory directory, FormFlow flow) {
		this.surveys = surveys;
		this.access = access;
		this.directory = directory;
		this.flow = flow;
	}

	@GetMapping("/units/{id}/surveys/{year}")
	String page(@PathVariable long id, @PathVariable int year, Model model) {
		Optional<SurveyView> survey = surveys.find(id, year);
		return show(id, year, survey, FormData.of(survey.orElse(null)), model);
	}

	@PostMapping("/units/{id}/surveys/{year}")
	String save(@PathVariable long id, @PathVariable int year, @ModelAttribute("form") FormData form, Model model,
			Locale locale, RedirectAttributes redirect) {
		Optional<SurveyView> survey = surveys.find(id, year);
		return flow.submit(model, locale, () -> {
			surveys.record(id, year, form.toForm(survey.map(SurveyView::questions).orElse(List.of())));
			return FormFlow.saved(redirect, "/units/" + id + "/surveys/" + year);
		}, () -> show(id, year, survey, form, model));
	}

	private String show(long id, int year, Optional<SurveyView> survey, FormData form, Model model) {
		@Nullable SatisfactionBar bar = surveys.knownBar(id, year).orElse(null);
		model.addAttribute("unitId", id);
		model.addAttribute("unitName", directory.label(id));
		model.addAttribute("year", year);
		model.addAttribute("survey", survey.orElse(null));
		model.addAttribute("bar", bar);
		model.addAttribute("comparison", survey.map(s -> s.satisfactionAgainst(bar)).orElse(null));
		model.addAttribute("editable", access.canActOn(id, Permission.ASSESSMENT_ENTER));
		model.addAttribute("form", form);
		return "recognition/survey";
	}

	/** The form as typed: counts as text ("1.500"), read as whole numbers. */
	static class FormData {

		private String households = "";

		private String surveyed = "";

		private String satisfied = "";

		private String ballotsIssued = "";

		private String ballotsReturned = "";

		private String conductedBy = "";

		private String startedOn = "";

		private String endedOn = "";

		private String note = "";

		private @Nullable Integer expectedVersion;

		static FormData of(@Nullable SurveyView survey) {
			FormData data = new FormData();
			if (survey != null) {
				data.households = VnFormat.number(survey.households());
				data.surveyed = VnFormat.number(survey.surveyed());
				data.satisfied = VnFormat.number(survey.satisfied());
				data.ballotsIssued = survey.ballotsIssued() == null ? "" : VnFormat.number(survey.ballotsIssued());
				data.ballotsReturned = survey.ballotsReturned() == null ? ""
						: VnFormat.number(survey.ballotsReturned());
				data.conductedBy = survey.conductedBy();
				data.startedOn = survey.startedOn() == null ? "" : VnFormat.date(survey.startedOn());
				data.endedOn = survey.endedOn() == null ? "" : VnFormat.date(survey.endedOn());
				data.note = survey.note() == null ? "" : survey.note();
				data.expectedVersion = survey.version();
			}
			return data;
		}

		SurveyForm toForm(List<SurveyView.QuestionView> questions) {
			return new SurveyForm(count(households, "recognition.survey.field.households"),
					count(surveyed, "recognition.survey.field.surveyed"),
					count(satisfied, "recognition.survey.field.satisfied"),
					count(ballotsIssued, "recognition.survey.field.ballotsIssued"),
					count(ballotsReturned, "recognition.survey.field.ballotsReturned"), conductedBy,
					date(startedOn, "recognition.survey.field.startedOn"),
					date(endedOn, "recognition.survey.field.endedOn"), note,
					questions.stream()
						.map(q -> new SurveyForm.Question(q.question(), q.satisfied(), q.asked()))
						.toList(),
					expectedVersion);
		}

		private static @Nullable Integer count(@Nullable String text, String field) {
			if (text == null || text.isBlank()) {
				return null;
			}
			String digits = text.strip().replace(".", "").replace(" ", "");
			if (!digits.matches("\\d{1,9}")) {
				throw new BusinessRuleException("recognition.survey.count", field);
			}
			return Integer.valueOf(digits);
		}

		private static java.time.@Nullable LocalDate date(@Nullable String text, String field) {
			if (text == null || text.isBlank()) {
				return null;
			}
			return VnFormat.parseDate(text.strip())
				.orElseThrow(() -> new BusinessRuleException("recognition.survey.date", field));
		}

		public String getHouseholds() {
			return households;
		}

		public void setHouseholds(String households) {
			this.households = households;
		}

		public String getSurveyed() {
			return surveyed;
		}

		public void setSurveyed(String surveyed) {
			this.surveyed = surveyed;
		}

		public String getSatisfied() {
			return satisfied;
		}

		public void setSatisfied(String satisfied) {
			this.satisfied = satisfied;
		}

		public String getBallotsIssued() {
			return ballotsIssued;
		}

		public void setBallotsIssued(String ballotsIssued) {
			this.ballotsIssued = ballotsIssued;
		}

		public String getBallotsReturned() {
			return ballotsReturned;
		}

		public void setBallotsReturned(String ballotsReturned) {
			this.ballotsReturned = ballotsReturned;
		}

		public String getConductedBy() {
			return conductedBy;
		}

		public void setConductedBy(String conductedBy) {
			this.conductedBy = conductedBy;
		}

		public String getStartedOn() {
			return startedOn;
		}

		public void setStartedOn(String startedOn) {
			this.startedOn = startedOn;
		}

		public String getEndedOn() {
			return endedOn;
		}

		public void setEndedOn(String endedOn) {
			this.endedOn = endedOn;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		public @Nullable Integer getExpectedVersion() {
			return expectedVersion;
		}

		public void setExpectedVersion(@Nullable Integer expectedVersion) {
			this.expectedVersion = expectedVersion;
		}

	}

}
