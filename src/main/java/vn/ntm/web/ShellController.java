package vn.ntm.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.shared.VnFormat;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;

/**
 * The home page and the unit picker of the layout.
 */
@Controller
class ShellController {

	private final UnitManagement units;

	private final CurrentUnit currentUnit;

	ShellController(UnitManagement units, CurrentUnit currentUnit) {
		this.units = units;
		this.currentUnit = currentUnit;
	}

	@GetMapping("/")
	String home(HttpSession session, Model model) {
		LocalDate today = VnFormat.today();
		List<UnitRef> roots = units.scopeRoots(today);
		model.addAttribute("roots", roots);
		currentUnit.id(session).flatMap(id -> units.find(id, today)).ifPresent(unit -> {
			model.addAttribute("unit", unit);
			model.addAttribute("children", units.children(unit.id(), today));
		});
		model.addAttribute("today", today);
		return "home";
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
