package vn.ntm.targets.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;
import vn.ntm.targets.Goal;
import vn.ntm.targets.GoalForm;
import vn.ntm.targets.GoalProgress;
import vn.ntm.targets.GoalRegistryEntry;
import vn.ntm.targets.GoalRegistryForm;
import vn.ntm.targets.Goals;

/**
 * A parent unit's goals with their status at a date ({@code at}: dd/MM/yyyy or ISO; today
 * when absent), reasons and flags in the request's language; adding and changing goals
 * and registry entries (a stale {@code expectedVersion} refused with 409, an invalid
 * field with 422 naming it).
 */
@RestController
@RequestMapping("/api/v1")
class GoalApiController {

	private final Goals goals;

	private final GoalText text;

	GoalApiController(Goals goals, GoalText text) {
		this.goals = goals;
		this.text = text;
	}

	@GetMapping("/units/{id}/goals")
	List<ProgressJson> progress(@PathVariable long id, @RequestParam(required = false) @Nullable String at,
			Locale locale) {
		LocalDate date = date(at);
		return goals.progress(id, date).stream().map(p -> ProgressJson.of(p, text, locale)).toList();
	}

	@GetMapping("/goals/{goalId}")
	ProgressJson one(@PathVariable long goalId, @RequestParam(required = false) @Nullable String at, Locale locale) {
		return ProgressJson.of(goals.progressOf(goalId, date(at)), text, locale);
	}

	@PostMapping("/units/{id}/goals")
	@ResponseStatus(HttpStatus.CREATED)
	Goal add(@PathVariable long id, @RequestBody GoalForm form) {
		return goals.add(id, form);
	}

	@PutMapping("/goals/{goalId}")
	Goal change(@PathVariable long goalId, @RequestBody GoalForm form) {
		return goals.change(goalId, form);
	}

	@GetMapping("/units/{id}/goal-registry")
	List<GoalRegistryEntry> registry(@PathVariable long id) {
		return goals.registryBelow(id);
	}

	@PostMapping("/units/{id}/goal-registry")
	@ResponseStatus(HttpStatus.CREATED)
	GoalRegistryEntry addEntry(@PathVariable long id, @RequestBody GoalRegistryForm form) {
		return goals.addEntry(id, form);
	}

	@PutMapping("/goal-registry/{entryId}")
	GoalRegistryEntry changeEntry(@PathVariable long entryId, @RequestBody GoalRegistryForm form) {
		return goals.changeEntry(entryId, form);
	}

	static LocalDate date(@Nullable String at) {
		if (at == null || at.isBlank()) {
			return VnFormat.today();
		}
		return VnFormat.parseDate(at).orElseThrow(() -> new BusinessRuleException("targets.goal.at", at));
	}

	/** A goal at a date: the figures, the status and its reasons in words. */
	record ProgressJson(Goal goal, String kind, LocalDate at, LocalDate unitsAsOf, BigDecimal value, BigDecimal target,
			@Nullable BigDecimal projected, @Nullable Integer base, @Nullable BigDecimal valueShare, String status,
			String statusText, long daysLeft, List<String> reasons, List<String> flags, List<String> missing,
			List<String> planned) {

		static ProgressJson of(GoalProgress p, GoalText text, Locale locale) {
			return new ProgressJson(p.goal(), p.goal().measure().kind(), p.at(), p.asOf(), p.value(), p.target(),
					p.projected(), p.base(), p.valueShare(), p.status().name(), text.status(p, locale), p.daysLeft(),
					text.texts(p.reasons(), locale), text.texts(p.flags(), locale), p.missing(), p.planned());
		}

	}

}
