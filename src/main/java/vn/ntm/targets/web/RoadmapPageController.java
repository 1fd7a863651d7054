package vn.ntm.targets.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.planning.PlanSummary;
import vn.ntm.planning.Planning;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;
import vn.ntm.targets.RoadmapBoard;
import vn.ntm.targets.RoadmapCopy;
import vn.ntm.targets.RoadmapCriteriaForm;
import vn.ntm.targets.RoadmapStatus;
import vn.ntm.targets.RoadmapTarget;
import vn.ntm.targets.RoadmapTargetForm;
import vn.ntm.targets.Roadmaps;

/**
 * The roadmap pages of a parent unit: the board (units × years coloured by status at a
 * date, the conflicts between plans), its .xlsx, and the page where targets are entered,
 * changed, removed and copied between plans, with the criteria counts.
 */
@Controller
class RoadmapPageController {

	private final Roadmaps roadmaps;

	private final UnitManagement units;

	private final UnitDirectory directory;

	private final CriteriaCatalog catalog;

	private final Planning planning;

	private final MessageSource messages;

	private final FormFlow flow;

	RoadmapPageController(Roadmaps roadmaps, UnitManagement units, UnitDirectory directory, CriteriaCatalog catalog,
			Planning planning, MessageSource messages, FormFlow flow) {
		this.roadmaps = roadmaps;
		this.units = units;
		this.directory = directory;
		this.catalog = catalog;
		this.planning = planning;
		this.messages = messages;
		this.flow = flow;
	}

	/** The menu's entry: the board of the current unit, else of the user's first unit. */
	@GetMapping("/roadmap")
	String index(@RequestParam(required = false) @Nullable Long unit) {
		if (unit == null) {
			List<UnitRef> roots = units.scopeRoots(VnFormat.today());
			if (roots.isEmpty()) {
				throw new NotFoundException("targets.unit.notFound", "");
			}
			unit = roots.get(0).id();
		}
		return "redirect:/units/" + unit + "/roadmap";
	}

	@GetMapping("/units/{id}/roadmap")
	String board(@PathVariable long id, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String at, Model model, Locale locale) {
		LocalDate date = VnFormat.today();
		if (at != null && !at.isBlank()) {
			var parsed = VnFormat.parseDate(at.strip());
			if (parsed.isPresent()) {
				date = parsed.get();
			}
			else {
				flow.error(model, new BusinessRuleException("targets.board.badDate", at), locale);
			}
		}
		RoadmapBoard board = roadmaps.board(id, blank(title), date);
		model.addAttribute("board", board);
		model.addAttribute("unitId", id);
		model.addAttribute("titleFilter", blank(title));
		model.addAttribute("at", VnFormat.date(date));
		model.addAttribute("titles", catalog.titles().stream().filter(t -> !t.retired()).toList());
		model.addAttribute("statuses", RoadmapStatus.values());
		model.addAttribute("editable", roadmaps.canEdit(id));
		return "targets/roadmap-board";
	}

	@GetMapping("/units/{id}/roadmap.xlsx")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String at) {
		LocalDate date = at == null || at.isBlank() ? VnFormat.today() : VnFormat.parseDate(at.strip())
			.orElseThrow(() -> new BusinessRuleException("targets.board.badDate", at));
		byte[] body = RoadmapWorkbooks.board(roadmaps.board(id, blank(title), date), messages);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lo-trinh-" + id + ".xlsx\"")
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(body);
	}

	@GetMapping("/units/{id}/roadmap/targets")
	String targets(@PathVariable long id, Model model) {
		return show(id, new TargetData(), new CountData(), new CopyData(), model);
	}

	@PostMapping("/units/{id}/roadmap/targets")
	String add(@PathVariable long id, @ModelAttribute("target") TargetData form, Model model, Locale locale,
			RedirectAttributes redirect) {
		return flow.submit(model, locale, () -> {
			if (form.targetId != null) {
				roadmaps.updateTarget(form.targetId, form.toForm());
			}
			else {
				roadmaps.addTarget(form.toForm());
			}
			return FormFlow.saved(redirect, "/units/" + id + "/roadmap/targets");
		}, () -> show(id, form, new CountData(), new CopyData(), model));
	}

	@GetMapping("/units/{id}/roadmap/targets/{targetId}")
	String edit(@PathVariable long id, @PathVariable long targetId, Model model) {
		return show(id, TargetData.of(roadmaps.target(targetId)), new CountData(), new CopyData(), model);
	}

	@PostMapping("/units/{id}/roadmap/targets/{targetId}/remove")
	String remove(@PathVariable long id, @PathVariable long targetId, @RequestParam int expectedVersion, Model model,
			Locale locale, RedirectAttributes redirect) {
		return flow.submit(model, locale, () -> {
			roadmaps.removeTarget(targetId, expectedVersion);
			return FormFlow.saved(redirect, "/units/" + id + "/roadmap/targets");
		}, () -> show(id, new TargetData(), new CountData(), new CopyData(), model));
	}

	@PostMapping("/units/{id}/roadmap/criteria")
	String setCount(@PathVariable long id, @ModelAttribute("count") CountData form, Model model, Locale locale,
			RedirectAttributes redirect) {
		return flow.submit(model, locale, () -> {
			roadmaps.setCriteriaTarget(form.toForm());
			return FormFlow.saved(redirect, "/units/" + id + "/roadmap/targets");
		}, () -> show(id, new TargetData(), form, new CopyData(), model));
	}

	@PostMapping("/units/{id}/roadmap/copy")
	String copy(@PathVariable long id, @ModelAttribute("copy") CopyData form, Model model, Locale locale,
			RedirectAttributes redirect) {
		return flow.submit(model, locale, () -> {
			int copied = roadmaps.copyTargets(id, form.toCopy());
			redirect.addFlashAttribute("copied", copied);
			return FormFlow.saved(redirect, "/units/" + id + "/roadmap/targets");
		}, () -> show(id, new TargetData(), new CountData(), form, model));
	}

	private String show(long id, TargetData target, CountData count, CopyData copy, Model model) {
		List<RoadmapTarget> targets = roadmaps.targetsBelow(id, null, null);
		model.addAttribute("unitId", id);
		model.addAttribute("unitName", directory.label(id));
		model.addAttribute("targets", targets);
		model.addAttribute("counts", roadmaps.criteriaTargetsBelow(id, null));
		model.addAttribute("editable", roadmaps.canEdit(id));
		model.addAttribute("titles", catalog.titles().stream().filter(t -> !t.retired()).toList());
		model.addAttribute("units", unitsBelow(id));
		model.addAttribute("plans", planning.plans(id).stream().filter(p -> planning.canReadPlan(p.id())).toList());
		model.addAttribute("origins",
				targets.stream()
					.map(t -> new Origin(t.planKey(), t.planId(), t.planId() == null ? t.source() : null, t.origin()))
					.distinct()
					.toList());
		model.addAttribute("target", target);
		model.addAttribute("count", count);
		model.addAttribute("copy", copy);
		return "targets/roadmap-targets";
	}

	/** A plan targets come from, to copy from. */
	record Origin(String key, @Nullable Long planId, @Nullable String source, String label) {
	}

	/**
	 * The units one may name in a target: the parent and those below it, as of its latest
	 * year.
	 */
	private List<UnitRef> unitsBelow(long id) {
		for (int year = VnFormat.today().getYear(); year >= 2010; year--) {
			if (units.existedIn(id, year)) {
				return units.unitsOfYear(id, year).stream().filter(u -> u.level() <= 3).toList();
			}
		}
		return List.of();
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static @Nullable Integer number(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String digits = text.strip().replace(".", "");
		if (!digits.matches("\\d{1,4}")) {
			throw new BusinessRuleException("targets.roadmap.number", field);
		}
		return Integer.valueOf(digits);
	}

	static @Nullable Long plan(@Nullable String text) {
		return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
	}

	/** A target as typed. */
	public static class TargetData {

		private @Nullable Long targetId;

		private @Nullable Long unitId;

		private String titleCode = "";

		private String year = "";

		private String planId = "";

		private String source = "";

		private String dossierDue = "";

		private String note = "";

		private @Nullable Integer expectedVersion;

		static TargetData of(RoadmapTarget t) {
			TargetData data = new TargetData();
			data.targetId = t.id();
			data.unitId = t.unitId();
			data.titleCode = t.titleCode();
			data.year = String.valueOf(t.year());
			data.planId = t.planId() == null ? "" : String.valueOf(t.planId());
			data.source = t.source() == null ? "" : t.source();
			data.dossierDue = t.dossierDue() == null ? "" : VnFormat.date(t.dossierDue());
			data.note = t.note() == null ? "" : t.note();
			data.expectedVersion = t.rowVersion();
			return data;
		}

		RoadmapTargetForm toForm() {
			LocalDate due = dossierDue.isBlank() ? null : VnFormat.parseDate(dossierDue.strip())
				.orElseThrow(() -> new BusinessRuleException("targets.roadmap.date", "targets.col.dossierDue"));
			return new RoadmapTargetForm(unitId, titleCode, number(year, "targets.roadmap.field.year"), plan(planId),
					source, due, note, expectedVersion);
		}

		public @Nullable Long getTargetId() {
			return targetId;
		}

		public void setTargetId(@Nullable Long targetId) {
			this.targetId = targetId;
		}

		public @Nullable Long getUnitId() {
			return unitId;
		}

		public void setUnitId(@Nullable Long unitId) {
			this.unitId = unitId;
		}

		public String getTitleCode() {
			return titleCode;
		}

		public void setTitleCode(String titleCode) {
			this.titleCode = titleCode;
		}

		public String getYear() {
			return year;
		}

		public void setYear(String year) {
			this.year = year;
		}

		public String getPlanId() {
			return planId;
		}

		public void setPlanId(String planId) {
			this.planId = planId;
		}

		public String getSource() {
			return source;
		}

		public void setSource(String source) {
			this.source = source;
		}

		public String getDossierDue() {
			return dossierDue;
		}

		public void setDossierDue(String dossierDue) {
			this.dossierDue = dossierDue;
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

	/** A target number of criteria as typed. */
	public static class CountData {

		private @Nullable Long unitId;

		private String titleCode = "";

		private String year = "";

		private String criteriaCount = "";

		private String planId = "";

		private String source = "";

		private @Nullable Integer expectedVersion;

		RoadmapCriteriaForm toForm() {
			return new RoadmapCriteriaForm(unitId, titleCode, number(year, "targets.roadmap.field.year"),
					number(criteriaCount, "targets.roadmap.field.criteriaCount"), plan(planId), source, null,
					expectedVersion);
		}

		public @Nullable Long getUnitId() {
			return unitId;
		}

		public void setUnitId(@Nullable Long unitId) {
			this.unitId = unitId;
		}

		public String getTitleCode() {
			return titleCode;
		}

		public void setTitleCode(String titleCode) {
			this.titleCode = titleCode;
		}

		public String getYear() {
			return year;
		}

		public void setYear(String year) {
			this.year = year;
		}

		public String getCriteriaCount() {
			return criteriaCount;
		}

		public void setCriteriaCount(String criteriaCount) {
			this.criteriaCount = criteriaCount;
		}

		public String getPlanId() {
			return planId;
		}

		public void setPlanId(String planId) {
			this.planId = planId;
		}

		public String getSource() {
			return source;
		}

		public void setSource(String source) {
			this.source = source;
		}

		public @Nullable Integer getExpectedVersion() {
			return expectedVersion;
		}

		public void setExpectedVersion(@Nullable Integer expectedVersion) {
			this.expectedVersion = expectedVersion;
		}

	}

	/** A copy as chosen: the origin's key ("plan:12" or "source:…"), the destination. */
	public static class CopyData {

		private String from = "";

		private String titleCode = "";

		private String toPlanId = "";

		private String toSource = "";

		RoadmapCopy toCopy() {
			Long fromPlan = from.startsWith("plan:") ? Long.valueOf(from.substring(5)) : null;
			String fromSource = from.startsWith("source:") ? from.substring(7) : null;
			return new RoadmapCopy(fromPlan, fromSource, titleCode.isBlank() ? null : titleCode, plan(toPlanId),
					toSource);
		}

		public String getFrom() {
			return from;
		}

		public void setFrom(String from) {
			this.from = from;
		}

		public String getTitleCode() {
			return titleCode;
		}

		public void setTitleCode(String titleCode) {
			this.titleCode = titleCode;
		}

		public String getToPlanId() {
			return toPlanId;
		}

		public void setToPlanId(String toPlanId) {
			this.toPlanId = toPlanId;
		}

		public String getToSource() {
			return toSource;
		}

		public void setToSource(String toSource) {
			this.toSource = toSource;
		}

	}

}
