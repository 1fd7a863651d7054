package vn.ntm.security.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.security.UserManagement;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedMessages;

/**
 * The user's own account: change password.
 */
@Controller
class AccountController {

	private final UserManagement users;

	private final MessageSource messages;

	AccountController(UserManagement users, MessageSource messages) {
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/account/password")
	String form() {
		return "users/password";
	}

	@PostMapping("/account/password")
	String change(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Model model, Locale locale) {
		if (!newPassword.equals(confirmPassword)) {
			model.addAttribute("formError", messages.getMessage("password.mismatch", null, locale));
			return "users/password";
		}
		try {
			users.changeOwnPassword(currentPassword, newPassword);
			model.addAttribute("message", messages.getMessage("password.changed", null, locale));
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("formError", LocalizedMessages.of(messages, ex, locale));
		}
		return "users/password";
	}

}
