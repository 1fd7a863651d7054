package vn.ntm.security.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.security.ApiTokenManagement;
import vn.ntm.security.UserManagement;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedMessages;

/**
 * The user's own account: change password; personal API tokens (created, shown once,
 * revoked).
 */
@Controller
class AccountController {

	private final UserManagement users;

	private final ApiTokenManagement tokens;

	private final MessageSource messages;

	AccountController(UserManagement users, ApiTokenManagement tokens, MessageSource messages) {
		this.users = users;
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping("/account/tokens")
	String tokens(Model model) {
		model.addAttribute("tokens", tokens.mine());
		model.addAttribute("now", Instant.now());
		return "users/tokens";
	}

	/**
	 * Creates a token and shows it in this answer only (never stored, never cached, not
	 * behind a redirect).
	 */
	@PostMapping("/account/tokens")
	String createToken(@RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) @Nullable LocalDate expiresOn, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			ApiTokenManagement.CreatedToken created = tokens.create(name, expiresOn);
			model.addAttribute("created", created);
			response.setHeader("Cache-Control", "no-store");
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("formError", LocalizedMessages.of(messages, ex, locale));
			model.addAttribute("name", name);
		}
		return tokens(model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		tokens.revoke(id);
		redirect.addFlashAttribute("message", messages.getMessage("token.revoked", null, locale));
		return "redirect:/account/tokens";
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
