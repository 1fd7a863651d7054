package vn.ntm.planning.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.planning.Reminders;
import vn.ntm.shared.web.FormFlow;

/**
 * The user's reminders (inbox), the daily digest choice and the iCalendar feed of the
 * tasks the user leads — on the page (session) and the API (session or HTTP Basic, which
 * calendar programs support).
 */
@Controller
class ReminderController {

	private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final Reminders reminders;

	ReminderController(Reminders reminders) {
		this.reminders = reminders;
	}

	@GetMapping("/plans/reminders")
	String inbox(Model model) {
		model.addAttribute("reminders", reminders.inbox());
		model.addAttribute("digest", reminders.dailyDigest());
		return "planning/reminders";
	}

	@PostMapping("/plans/reminders/{id}/read")
	String read(@PathVariable long id) {
		reminders.markRead(id);
		return "redirect:/plans/reminders";
	}

	@PostMapping("/plans/reminders/digest")
	String digest(@RequestParam(defaultValue = "false") boolean digest, RedirectAttributes redirect) {
		reminders.setDailyDigest(digest);
		return FormFlow.saved(redirect, "/plans/reminders");
	}

	@GetMapping({ "/plans/calendar.ics", "/api/v1/calendar.ics" })
	@ResponseBody
	ResponseEntity<String> calendar() {
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header("Content-Disposition", "inline; filename=\"ntm-nhiem-vu.ics\"")
			.body(reminders.calendar());
	}

	@GetMapping("/api/v1/reminders")
	@ResponseBody
	java.util.List<vn.ntm.planning.Reminder> api() {
		return reminders.inbox();
	}

}
