package vn.ntm.targets.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;
import vn.ntm.targets.Goal;
import vn.ntm.targets.GoalForm;
import vn.ntm.targets.GoalMeasure;
import vn.ntm.targets.GoalProgress;
import vn.ntm.targets.GoalRegistryEntry;
import vn.ntm.targets.GoalRegistryForm;
import vn.ntm.targets.GoalRegistryKind;
import vn.ntm.targets.GoalStatus;
import vn.ntm.targets.GoalStatusRule;
import vn.ntm.targets.Goals;

/**
 * A parent unit's goals page at a date ({@code ?at=dd/MM/yyyy}, today by default): a
 * progress bar, a chart with its table, the status coloured and its reasons per goal; the
 * registry below; forms to add and change goals and registry entries for those who keep
 * the unit's plans (a refused field answered 422 naming it, a stale form 409).
 */
@Controller
class GoalPageController {

	private final Goals goals;

	private final UnitDirectory directory;

	private final UnitManagement units;

	private final AccessPolicy access;

	private final CriteriaCatalog catalog;

	private final FormFlow flow;

	private final GoalText text;

	private final MessageSource messages;

	GoalPageController(Goals goals, UnitDirectory directory, UnitManagement units, AccessPolicy access,
			CriteriaCatalog catalog, FormFlow flow, GoalText text, MessageSource messages) {
		this.goals = goals;
		this.directory = directory;
		this.units = units;
		this.access = access;
		this.catalog = catalog;
		this.flow = flow;
		this.text = text;
		this.messages = messages;
	}

	@GetMapping("/goals")
	String index(@RequestParam(required = false) @Nullable Long unit) {
		if (unit == null) {
			List<UnitRef> roots = units.scopeRoots(VnFormat.today());
			if (roots.isEmpty()) {
				throw new NotFoundException("targets.unit.notFound", "");
			}
			unit = roots.get(0).id();
		}
		return "redirect:/units/" + unit + "/goals";
	}

	@GetMapping("/units/{id}/goals")
	String page(@PathVariable long id, @RequestParam(required = false) @Nullable String at, Model model) {
		LocalDate date = GoalApiController.date(at);
		List<GoalProgress> progress = goals.progress(id, date);
		model.addAttribute("unitId", id);
		model.addAttribute("unitName", directory.label(id));
		model.addAttribute("at", date);
		model.addAttribute("progress", progress);
		model.addAttribute("registry", goals.registryBelow(id));
		model.addAttribute("editable", goals.canEdit(id));
		model.addAttribute("statuses", GoalStatus.values());
		model.addAttribute("nearDays", GoalStatusRule.NEAR_DAYS);
		return "targets/goals";
	}

	@GetMapping("/units/{id}/goals.xlsx")
	void xlsx(@PathVariable long id, @RequestParam(required = false) @Nullable String at, Locale locale,
			HttpServletResponse response) throws IOException {
		LocalDate date = GoalApiController.date(at);
		List<GoalProgress> progress = goals.progress(id, date);
		List<GoalRegistryEntry> registry = goals.registryBelow(id);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"muc-tieu-" + id + "-" + date + ".xlsx\"");
		GoalWorkbook.write(directory.label(id), date, progress, registry, text, messages, locale,
				response.getOutputStream());
	}

	@GetMapping("/units/{id}/goals/new")
	String newGoal(@PathVariable long id, Model model) {
		requireEditable(id);
		return goalForm(id, null, new GoalData(), model);
	}

	@PostMapping("/units/{id}/goals")
	String add(@PathVariable long id, @ModelAttribute("form") GoalData form, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireEditable(id);
		return submit(model, locale, response, () -> {
			goals.add(id, form.toForm());
			return FormFlow.saved(redirect, "/units/" + id + "/goals");
		}, () -> goalForm(id, null, form, model));
	}

	@GetMapping("/goals/{goalId}/edit")
	String editGoal(@PathVariable long goalId, Model model) {
		Goal goal = goals.goal(goalId);
		requireEditable(goal.unitId());
		return goalForm(goal.unitId(), goal, GoalData.of(goal), model);
	}

	@PostMapping("/goals/{goalId}")
	String change(@PathVariable long goalId, @ModelAttribute("form") GoalData form, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Goal goal = goals.goal(goalId);
		requireEditable(goal.unitId());
		return submit(model, locale, response, () -> {
			goals.change(goalId, form.toForm());
			return FormFlow.saved(redirect, "/units/" + goal.unitId() + "/goals");
		}, () -> goalForm(goal.unitId(), goal, form, model));
	}

	@GetMapping("/units/{id}/goal-registry/new")
	String newEntry(@PathVariable long id, Model model) {
		requireEditable(id);
		return entryForm(id, null, new EntryData(), model);
	}

	@PostMapping("/units/{id}/goal-registry")
	String addEntry(@PathVariable long id, @ModelAttribute("form") EntryData form, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireEditable(id);
		return submit(model, locale, response, () -> {
			goals.addEntry(id, form.toForm());
			return FormFlow.saved(redirect, "/units/" + id + "/goals");
		}, () -> entryForm(id, null, form, model));
	}

	@GetMapping("/goal-registry/{entryId}/edit")
	String editEntry(@PathVariable long entryId, @RequestParam long unit, Model model) {
		requireEditable(unit);
		GoalRegistryEntry entry = entryBelow(unit, entryId);
		return entryForm(unit, entry, EntryData.of(entry), model);
	}

	@PostMapping("/goal-registry/{entryId}")
	String changeEntry(@PathVariable long entryId, @RequestParam long unit, @ModelAttribute("form") EntryData form,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		requireEditable(unit);
		GoalRegistryEntry entry = entryBelow(unit, entryId);
		return submit(model, locale, response, () -> {
			goals.changeEntry(entryId, form.toForm());
			return FormFlow.saved(redirect, "/units/" + unit + "/goals");
		}, () -> entryForm(unit, entry, form, model));
	}

	/** The registry entry, among those below the unit the reader may read. */
	private GoalRegistryEntry entryBelow(long unit, long entryId) {
		return goals.registryBelow(unit)
			.stream()
			.filter(e -> e.id() == entryId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("targets.registry.notFound", entryId));
	}

	private void requireEditable(long unitId) {
		access.requireRead(unitId);
		access.requireActOn(unitId, vn.ntm.security.Permission.PLAN_EDIT);
	}

	/**
	 * Runs the command; a refused value shows the form again with 422 and the field
	 * marked, a stale form with 409.
	 */
	private String submit(Model model, Locale locale, HttpServletResponse response,
			java.util.function.Supplier<String> command, java.util.function.Supplier<String> showAgain) {
		try {
			return command.get();
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			LocalizedFailure failure = (LocalizedFailure) ex;
			response.setStatus(ex instanceof ConcurrentChangeException ? HttpStatus.CONFLICT.value()
					: HttpStatus.UNPROCESSABLE_CONTENT.value());
			flow.error(model, failure, locale);
			Object[] args = failure.arguments();
			if (args.length > 0 && args[0] instanceof String key && key.contains(".field.")) {
				model.addAttribute("errorField", key.substring(key.lastIndexOf('.') + 1));
			}
			return showAgain.get();
		}
	}

	private String goalForm(long unitId, @Nullable Goal goal, GoalData form, Model model) {
		model.addAttribute("unitId", unitId);
		model.addAttribute("unitName", directory.label(unitId));
		model.addAttribute("goal", goal);
		model.addAttribute("form", form);
		model.addAttribute("titles", catalog.titles().stream().filter(t -> !t.retired()).toList());
		model.addAttribute("kinds",
				List.of("TITLE_HOLDERS", "UNIT_TITLE", "NO_CHILD_BELOW", "NO_DISTRICT_WITHOUT", "REGISTRY_TOTAL"));
		model.addAttribute("registryKinds", GoalRegistryKind.values());
		List<UnitRef> children = new ArrayList<>();
		units.find(unitId, VnFormat.today()).ifPresent(u -> children.addAll(units.children(unitId, VnFormat.today())));
		model.addAttribute("children", children);
		return "targets/goal-form";
	}

	private String entryForm(long unitId, @Nullable GoalRegistryEntry entry, EntryData form, Model model) {
		model.addAttribute("unitId", unitId);
		model.addAttribute("unitName", directory.label(unitId));
		model.addAttribute("entry", entry);
		model.addAttribute("form", form);
		model.addAttribute("registryKinds", GoalRegistryKind.values());
		return "targets/entry-form";
	}

	static @Nullable BigDecimal decimal(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String normalized = text.strip().replace(" ", "").replace(".", "").replace(',', '.');
		try {
			return new BigDecimal(normalized);
		}
		catch (NumberFormatException ex) {
			throw new BusinessRuleException("targets.goal.invalid", field);
		}
	}

	static @Nullable Integer whole(@Nullable String text, String field) {
		BigDecimal value = decimal(text, field);
		if (value == null) {
			return null;
		}
		try {
			return value.intValueExact();
		}
		catch (ArithmeticException ex) {
			throw new BusinessRuleException("targets.goal.invalid", field);
		}
	}

	static @Nullable LocalDate date(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return VnFormat.parseDate(text).orElseThrow(() -> new BusinessRuleException("targets.goal.invalid", field));
	}

	/** The goal form as typed. */
	public static class GoalData {

		private String kind = "TITLE_HOLDERS";

		private String label = "";

		private String titleCode = "";

		private String baseTitleCode = "";

		private String childLevel = "3";

		private String classification = "";

		private String targetCount = "";

		private String targetShare = "";

		private String statedBase = "";

		private String setCode = "";

		private String minCriteria = "";

		private String registryKind = "";

		private String measure = "";

		private String subjectUnitId = "";

		private String dueOn = "";

		private boolean reported;

		private String source = "";

		private String note = "";

		private @Nullable Integer expectedVersion;

		static GoalData of(Goal goal) {
			GoalData d = new GoalData();
			GoalMeasure m = goal.measure();
			d.kind = m.kind();
			d.label = goal.label();
			if (m instanceof GoalMeasure.TitleHolders t) {
				d.titleCode = t.titleCode();
				d.baseTitleCode = t.baseTitleCode() == null ? "" : t.baseTitleCode();
				d.childLevel = String.valueOf(t.childLevel());
				d.classification = t.classification() == null ? "" : t.classification();
				d.targetCount = t.count() == null ? "" : VnFormat.number(t.count());
				d.targetShare = t.share() == null ? "" : VnFormat.number(t.share());
				d.statedBase = t.statedBase() == null ? "" : String.valueOf(t.statedBase());
			}
			else if (m instanceof GoalMeasure.NoChildBelow b) {
				d.setCode = b.setCode();
				d.minCriteria = String.valueOf(b.minCriteria());
			}
			else if (m instanceof GoalMeasure.NoDistrictWithout n) {
				d.titleCode = n.titleCode();
			}
			else if (m instanceof GoalMeasure.UnitTitle u) {
				d.titleCode = u.titleCode();
				d.subjectUnitId = String.valueOf(u.subjectUnitId());
			}
			else if (m instanceof GoalMeasure.RegistryTotal r) {
				d.registryKind = r.registryKind().name();
				d.targetCount = VnFormat.number(r.total());
				d.measure = r.measure();
			}
			d.dueOn = VnFormat.date(goal.dueOn());
			d.reported = goal.reported();
			d.source = goal.source() == null ? "" : goal.source();
			d.note = goal.note() == null ? "" : goal.note();
			d.expectedVersion = goal.version();
			return d;
		}

		GoalForm toForm() {
			Integer level = whole(childLevel, "targets.goal.field.childLevel");
			Integer subject = whole(subjectUnitId, "targets.goal.field.subjectUnit");
			return new GoalForm(kind, label, titleCode, baseTitleCode, level, classification,
					decimal(targetCount, "targets.goal.field.targetCount"),
					decimal(targetShare, "targets.goal.field.targetShare"),
					whole(statedBase, "targets.goal.field.statedBase"), setCode,
					whole(minCriteria, "targets.goal.field.minCriteria"), registryKind, measure,
					date(dueOn, "targets.goal.field.dueOn"), reported, source, note,
					subject == null ? null : subject.longValue(), expectedVersion);
		}

		public String getKind() {
			return kind;
		}

		public void setKind(String kind) {
			this.kind = kind;
		}

		public String getLabel() {
			return label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

		public String getTitleCode() {
			return titleCode;
		}

		public void setTitleCode(String titleCode) {
			this.titleCode = titleCode;
		}

		public String getBaseTitleCode() {
			return baseTitleCode;
		}

		public void setBaseTitleCode(String baseTitleCode) {
			this.baseTitleCode = baseTitleCode;
		}

		public String getChildLevel() {
			return childLevel;
		}

		public void setChildLevel(String childLevel) {
			this.childLevel = childLevel;
		}

		public String getClassification() {
			return classification;
		}

		public void setClassification(String classification) {
			this.classification = classification;
		}

		public String getTargetCount() {
			return targetCount;
		}

		public void setTargetCount(String targetCount) {
			this.targetCount = targetCount;
		}

		public String getTargetShare() {
			return targetShare;
		}

		public void setTargetShare(String targetShare) {
			this.targetShare = targetShare;
		}

		public String getStatedBase() {
			return statedBase;
		}

		public void setStatedBase(String statedBase) {
			this.statedBase = statedBase;
		}

		public String getSetCode() {
			return setCode;
		}

		public void setSetCode(String setCode) {
			this.setCode = setCode;
		}

		public String getMinCriteria() {
			return minCriteria;
		}

		public void setMinCriteria(String minCriteria) {
			this.minCriteria = minCriteria;
		}

		public String getRegistryKind() {
			return registryKind;
		}

		public void setRegistryKind(String registryKind) {
			this.registryKind = registryKind;
		}

		public String getMeasure() {
			return measure;
		}

		public void setMeasure(String measure) {
			this.measure = measure;
		}

		public String getSubjectUnitId() {
			return subjectUnitId;
		}

		public void setSubjectUnitId(String subjectUnitId) {
			this.subjectUnitId = subjectUnitId;
		}

		public String getDueOn() {
			return dueOn;
		}

		public void setDueOn(String dueOn) {
			this.dueOn = dueOn;
		}

		public boolean isReported() {
			return reported;
		}

		public void setReported(boolean reported) {
			this.reported = reported;
		}

		public String getSource() {
			return source;
		}

		public void setSource(String source) {
			this.source = source;
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

	/** The registry entry form as typed. */
	public static class EntryData {

		private String kind = "OCOP";

		private String quantity = "";

		private String measure = "";

		private String entryDate = "";

		private String note = "";

		private String source = "";

		private @Nullable Integer expectedVersion;

		static EntryData of(GoalRegistryEntry entry) {
			EntryData d = new EntryData();
			d.kind = entry.kind().name();
			d.quantity = VnFormat.number(entry.quantity());
			d.measure = entry.measure();
			d.entryDate = VnFormat.date(entry.entryDate());
			d.note = entry.note() == null ? "" : entry.note();
			d.source = entry.source() == null ? "" : entry.source();
			d.expectedVersion = entry.version();
			return d;
		}

		GoalRegistryForm toForm() {
			return new GoalRegistryForm(kind, decimal(quantity, "targets.registry.field.quantity"), measure,
					date(entryDate, "targets.registry.field.entryDate"), note, source, expectedVersion);
		}

		public String getKind() {
			return kind;
		}

		public void setKind(String kind) {
			this.kind = kind;
		}

		public String getQuantity() {
			return quantity;
		}

		public void setQuantity(String quantity) {
			this.quantity = quantity;
		}

		public String getMeasure() {
			return measure;
		}

		public void setMeasure(String measure) {
			this.measure = measure;
		}

		public String getEntryDate() {
			return entryDate;
		}

		public void setEntryDate(String entryDate) {
			this.entryDate = entryDate;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
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

}
