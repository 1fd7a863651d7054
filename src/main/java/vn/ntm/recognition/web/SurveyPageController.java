package vn.ntm.recognition.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.documents.DocumentResponses;
import vn.ntm.documents.Upload;
import vn.ntm.recognition.BarComparison;
import vn.ntm.recognition.SatisfactionBar;
import vn.ntm.recognition.SurveyFileContent;
import vn.ntm.recognition.SatisfactionSurveys;
import vn.ntm.recognition.SurveyForm;
import vn.ntm.recognition.SurveyView;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;
import vn.ntm.shared.web.FormFlow;

/**
 * The page of a unit's satisfaction survey of a year: the counts with their shares, the
 * coverage and the satisfaction each compared with its bar, the questions with theirs,
 * the result file; a form for those who record it, its question rows added, removed and
 * renamed on the page (a row left blank is no question), and the result file's upload.
 */
@Controller
class SurveyPageController {

	/** The most question rows the form takes. */
	static final int MAX_QUESTIONS = 40;

	private final SatisfactionSurveys surveys;

	private final UnitDirectory directory;

	private final FormFlow flow;

	private final MessageSource messages;

	SurveyPageController(SatisfactionSurveys surveys, UnitDirectory directory, FormFlow flow, MessageSource messages) {
		this.surveys = surveys;
		this.directory = directory;
		this.flow = flow;
		this.messages = messages;
	}

	/**
	 * The surveys of the year of the units below the parent (those the reader may read),
	 * one row per unit, each share against its bar.
	 */
	@GetMapping("/units/{id}/surveys")
	String below(@PathVariable long id, @RequestParam int year, Model model) {
		model.addAttribute("unitId", id);
		model.addAttribute("unitName", directory.label(id));
		model.addAttribute("year", year);
		model.addAttribute("lines", lines(id, year));
		return "recognition/surveys";
	}

	private List<SurveyWorkbook.Line> lines(long id, int year) {
		return surveys.below(id, year)
			.stream()
			.map(s -> new SurveyWorkbook.Line(s, surveys.knownBar(s.unitId(), year).orElse(null),
					surveys.knownCoverageBar(s.unitId(), year).orElse(null)))
			.toList();
	}

	/**
	 * The surveys of the year of the units below the parent (those the reader may read),
	 * one row per unit, as .xlsx in Vietnamese.
	 */
	@GetMapping("/units/{id}/surveys.xlsx")
	void export(@PathVariable long id, @RequestParam int year, HttpServletResponse response) throws IOException {
		List<SurveyWorkbook.Line> lines = lines(id, year);
		String parent = directory.label(id);
		String name = "Lấy ý kiến sự hài lòng - " + parent + " - " + year + ".xlsx";
		String ascii = ("lay-y-kien-hai-long-" + VnText.searchKey(parent) + "-" + year).replaceAll("[^A-Za-z0-9_.-]+",
				"-") + ".xlsx";
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
				+ URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
		SurveyWorkbook.write(parent, year, lines, messages, response.getOutputStream());
	}

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@GetMapping("/units/{id}/surveys/{year}")
	String page(@PathVariable long id, @PathVariable int year, Model model) {
		Optional<SurveyView> survey = surveys.find(id, year);
		return show(id, year, survey, FormData.of(survey.orElse(null)), model);
	}

	/**
	 * Saves the survey; {@code addQuestion} adds a blank question row and
	 * {@code removeQuestion} (the row's index) takes one away, both showing the form
	 * again with nothing saved.
	 */
	@PostMapping("/units/{id}/surveys/{year}")
	String save(@PathVariable long id, @PathVariable int year, @ModelAttribute("form") FormData form,
			@RequestParam(required = false) @Nullable String addQuestion,
			@RequestParam(required = false) @Nullable Integer removeQuestion, Model model, Locale locale,
			RedirectAttributes redirect) {
		Optional<SurveyView> survey = surveys.find(id, year);
		if (addQuestion != null) {
			if (form.getQuestions().size() < MAX_QUESTIONS) {
				form.getQuestions().add(new QuestionRow());
			}
			return show(id, year, survey, form, model);
		}
		if (removeQuestion != null) {
			if (removeQuestion >= 0 && removeQuestion < form.getQuestions().size()) {
				form.getQuestions().remove((int) removeQuestion);
			}
			return show(id, year, survey, form, model);
		}
		return flow.submit(model, locale, () -> {
			surveys.record(id, year, form.toForm());
			return FormFlow.saved(redirect, "/units/" + id + "/surveys/" + year);
		}, () -> show(id, year, survey, form, model));
	}

	/** The result file, for those who record the survey; the survey's version read. */
	@PostMapping("/units/{id}/surveys/{year}/result")
	String attach(@PathVariable long id, @PathVariable int year,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable Integer expectedVersion, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		Optional<SurveyView> survey = surveys.find(id, year);
		return flow.submit(model, locale, () -> {
			surveys.attachResult(id, year, upload(file), expectedVersion == null ? -1 : expectedVersion);
			return FormFlow.saved(redirect, "/units/" + id + "/surveys/" + year);
		}, () -> {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(id, year, survey, FormData.of(survey.orElse(null)), model);
		});
	}

	/**
	 * The result file, for readers of the unit; {@code inline=true} asks browsers to show
	 * PDF and images.
	 */
	@GetMapping("/units/{id}/surveys/{year}/result")
	ResponseEntity<Resource> result(@PathVariable long id, @PathVariable int year,
			@RequestParam(defaultValue = "false") boolean inline) {
		return download(surveys.resultFile(id, year), inline);
	}

	/** A file input left empty sends a part without a name and without content. */
	static Upload upload(@Nullable MultipartFile file) {
		if (file == null
				|| (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
			throw new BusinessRuleException("recognition.survey.fileMissing");
		}
		return new Upload(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file);
	}

	static ResponseEntity<Resource> download(SurveyFileContent content, boolean inline) {
		return DocumentResponses.of(content.content(), content.file().fileName(), content.file().contentType(),
				content.file().sha256(), inline);
	}

	private String show(long id, int year, Optional<SurveyView> survey, FormData form, Model model) {
		@Nullable SatisfactionBar bar = surveys.knownBar(id, year).orElse(null);
		@Nullable SatisfactionBar coverageBar = surveys.knownCoverageBar(id, year).orElse(null);
		model.addAttribute("unitId", id);
		model.addAttribute("unitName", directory.label(id));
		model.addAttribute("year", year);
		model.addAttribute("survey", survey.orElse(null));
		model.addAttribute("bar", bar);
		model.addAttribute("coverageBar", coverageBar);
		model.addAttribute("comparison", survey.map(s -> s.satisfactionAgainst(bar)).orElse(null));
		model.addAttribute("coverageComparison",
				survey.map(s -> s.coverageAgainst(coverageBar)).orElse((BarComparison) null));
		model.addAttribute("editable", surveys.canRecord(id));
		model.addAttribute("form", form);
		model.addAttribute("maxQuestions", MAX_QUESTIONS);
		return "recognition/survey";
	}

	/**
	 * A question row as typed: its text, how many households were asked (blank: all those
	 * surveyed) and how many were satisfied.
	 */
	public static class QuestionRow {

		private String question = "";

		private String asked = "";

		private String satisfied = "";

		boolean blank() {
			return question.isBlank() && asked.isBlank() && satisfied.isBlank();
		}

		public String getQuestion() {
			return question;
		}

		public void setQuestion(@Nullable String question) {
			this.question = question == null ? "" : question;
		}

		public String getAsked() {
			return asked;
		}

		public void setAsked(@Nullable String asked) {
			this.asked = asked == null ? "" : asked;
		}

		public String getSatisfied() {
			return satisfied;
		}

		public void setSatisfied(@Nullable String satisfied) {
			this.satisfied = satisfied == null ? "" : satisfied;
		}

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

		private List<QuestionRow> questions = new ArrayList<>();

		static FormData of(@Nullable SurveyView survey) {
			FormData data = new FormData();
			if (survey != null) {
				for (SurveyView.QuestionView q : survey.questions()) {
					QuestionRow row = new QuestionRow();
					row.question = q.question();
					row.asked = VnFormat.number(q.asked());
					row.satisfied = VnFormat.number(q.satisfied());
					data.questions.add(row);
				}
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

		/**
		 * The form as entered; a question row's counts that are not whole numbers are
		 * refused naming the row, a blank row left out.
		 */
		SurveyForm toForm() {
			@Nullable Integer surveyedCount = count(surveyed, "recognition.survey.field.surveyed");
			List<SurveyForm.Question> entered = new ArrayList<>();
			int row = 0;
			for (QuestionRow q : questions) {
				row++;
				if (q.blank()) {
					continue;
				}
				entered.add(new SurveyForm.Question(q.question, questionCount(q.satisfied, row),
						q.asked.isBlank() ? surveyedCount : questionCount(q.asked, row)));
			}
			return new SurveyForm(count(households, "recognition.survey.field.households"), surveyedCount,
					count(satisfied, "recognition.survey.field.satisfied"),
					count(ballotsIssued, "recognition.survey.field.ballotsIssued"),
					count(ballotsReturned, "recognition.survey.field.ballotsReturned"), conductedBy,
					date(startedOn, "recognition.survey.field.startedOn"),
					date(endedOn, "recognition.survey.field.endedOn"), note, entered, expectedVersion);
		}

		private static @Nullable Integer questionCount(String text, int row) {
			if (text.isBlank()) {
				return null;
			}
			String digits = text.strip().replace(".", "").replace(" ", "");
			if (!digits.matches("\\d{1,9}")) {
				throw new BusinessRuleException("recognition.survey.question.count", row);
			}
			return Integer.valueOf(digits);
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

		public List<QuestionRow> getQuestions() {
			return questions;
		}

		public void setQuestions(List<QuestionRow> questions) {
			this.questions = questions;
		}

		public @Nullable Integer getExpectedVersion() {
			return expectedVersion;
		}

		public void setExpectedVersion(@Nullable Integer expectedVersion) {
			this.expectedVersion = expectedVersion;
		}

	}

}
