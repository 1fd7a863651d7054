package vn.ntm.security.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final SecuritySettings settings;

	LoginController(SecuritySettings settings) {
		this.settings = settings;
	}

	/**
	 * The form, with the lock-out rule that every refusal states (how many wrong tries,
	 * how long the lock lasts).
	 */
	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("maxFailedAttempts", settings.maxFailedAttempts());
		model.addAttribute("lockMinutes", Math.max(1, settings.lockDuration().toMinutes()));
		return "login";
	}

}
