package vn.ntm.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.shared.VnFormat;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.work.UnitWorkSource;
import vn.ntm.shared.work.WorkItem;
import vn.ntm.shared.work.WorkItemSource;

/**
 * The home page and the unit picker of the layout.
 */
@Controller
class ShellController {

	private final UnitManagement units;

	private final CurrentUnit currentUnit;

	private final List<WorkItemSource> workSources;

	private final List<UnitWorkSource> unitSources;

	private final Messages messages;

	ShellController(UnitManagement units, CurrentUnit currentUnit, List<WorkItemSource> workSources,
			List<UnitWorkSource> unitSources, Messages messages) {
		this.messages = messages;
		this.units = units;
		this.currentUnit = currentUnit;
		this.workSources = workSources;
		this.unitSources = unitSources;
	}

	/** A line of the user's units, in the reader's language. */
	record UnitLine(String status, @Nullable String action, @Nullable String link) {
	}

	/** The items shown on the home page; the rest behind "Xem tất cả". */
	static final int SHOWN = 30;

	/**
	 * The work page: what waits for the user (counted by kind, oldest first, with
	 * deadlines and age), and the user's units with this year's state and one action.
	 */
	@GetMapping("/")
	String home(HttpSession session, Model model, Locale locale) {
		LocalDate today = VnFormat.today();
		List<UnitRef> roots = units.scopeRoots(today);
		model.addAttribute("roots", roots);
		List<WorkItem> items = new ArrayList<>();
		workSources.forEach(source -> items.addAll(source.items()));
		List<WorkItem> ordered = WorkItem.oldestFirst(items);
		Map<String, Long> kinds = new LinkedHashMap<>();
		ordered.forEach(item -> kinds.merge(item.kind(), 1L, Long::sum));
		model.addAttribute("work", ordered.subList(0, Math.min(SHOWN, ordered.size())));
		model.addAttribute("workTotal", ordered.size());
		model.addAttribute("workKinds", kinds);
		List<UnitWorkSource.Unit> mine = roots.stream()
			.map(r -> new UnitWorkSource.Unit(r.id(), r.level(), r.validTo()))
			.toList();
		Map<Long, List<UnitWorkSource.UnitWork>> lines = new LinkedHashMap<>();
		unitSources.forEach(source -> source.lines(mine, today)
			.forEach((id, work) -> lines.computeIfAbsent(id, k -> new ArrayList<>()).addAll(work)));
		Map<Long, List<UnitLine>> shown = new LinkedHashMap<>();
		lines.forEach((id, work) -> shown.put(id, work.stream()
			.map(w -> new UnitLine(messages.get(w.statusKey(), w.statusArgs().toArray(), locale),
					w.actionKey() == null ? null : messages.get(w.actionKey(), new Object[0], locale), w.link()))
			.toList()));
		model.addAttribute("unitWork", shown);
		currentUnit.id(session).flatMap(id -> units.find(id, today)).ifPresent(unit -> {
			model.addAttribute("unit", unit);
			model.addAttribute("children", units.children(unit.id(), today));
		});
		model.addAttribute("today", today);
		return "home";
	}

	/** The menu's badge: how many items wait for the user (htmx, after the page). */
	@GetMapping("/work/count")
	String workCount(Model model) {
		model.addAttribute("workCount", workSources.stream().mapToInt(WorkItemSource::count).sum());
		return "fragments/work-count :: badge";
	}

	/** Search results for the unit picker (htmx). */
	@GetMapping("/current-unit/options")
	String pickerOptions(@RequestParam(name = "q", defaultValue = "") String q, Model model) {
		model.addAttribute("options", q.isBlank() ? List.of() : units.search(q, null, 15));
		model.addAttribute("q", q);
		return "fragments/unit-picker :: options";
	}

	@PostMapping("/current-unit")
	String select(@RequestParam long unitId, @RequestHeader(name = "Referer", required = false) String referer,
			HttpSession session) {
		currentUnit.select(session, unitId);
		return "redirect:/units/" + unitId;
	}

}
