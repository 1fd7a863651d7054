package vn.ntm.security.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.audit.AuditLog;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.security.Role;
import vn.ntm.security.UnitDirectory;
import vn.ntm.security.UserForm;
import vn.ntm.security.UserManagement;
import vn.ntm.security.UserView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;

/**
 * Pages to manage accounts: list, create, edit, reset password, enable or disable,
 * unlock.
 */
@Controller
class UserAdminController {

	private final UserManagement users;

	private final UnitDirectory units;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Validator validator;

	private final MessageSource messages;

	UserAdminController(UserManagement users, UnitDirectory units, AccessPolicy access, AuditLog audit,
			Validator validator, MessageSource messages) {
		this.users = users;
		this.units = units;
		this.access = access;
		this.audit = audit;
		this.validator = validator;
		this.messages = messages;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return access.currentIfAny()
			.map(me -> Arrays.stream(Role.values()).filter(me.role()::mayManage).toArray(Role[]::new))
			.orElse(new Role[0]);
	}

	@GetMapping("/admin/users")
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("users", users.list(q, Math.max(page, 0), 50));
		model.addAttribute("q", q);
		return "users/list";
	}

	@GetMapping("/admin/users/new")
	String newForm(@RequestParam(required = false) @Nullable Long unit, Model model) {
		access.require(Permission.USER_MANAGE);
		UserFormData form = new UserFormData();
		if (unit != null) {
			form.unitCodes = units.code(unit).orElse("");
		}
		model.addAttribute("form", form);
		return "users/form";
	}

	@PostMapping("/admin/users/new")
	String create(@ModelAttribute("form") UserFormData form, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			UserForm user = validated(form.toForm(resolveUnits(form.unitCodes)));
			UserView created = users.create(user, form.password);
			redirect.addFlashAttribute("message",
					messages.getMessage("user.created", new Object[] { created.username() }, locale));
			return "redirect:/admin/users/" + created.id();
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("formError", text(ex, locale));
			return "users/form";
		}
	}

	@GetMapping("/admin/users/{id}")
	String edit(@PathVariable long id, Model model) {
		UserView user = users.get(id);
		model.addAttribute("user", user);
		model.addAttribute("form", UserFormData.of(user, codes(user)));
		model.addAttribute("audit", audit.historyOf("user", String.valueOf(id), 30));
		return "users/form";
	}

	@PostMapping("/admin/users/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UserFormData form, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			users.update(id, validated(form.toForm(resolveUnits(form.unitCodes))), form.version);
			redirect.addFlashAttribute("message", messages.getMessage("user.saved", null, locale));
			return "redirect:/admin/users/" + id;
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			model.addAttribute("formError", text((LocalizedFailure) ex, locale));
			model.addAttribute("user", users.get(id));
			model.addAttribute("audit", audit.historyOf("user", String.valueOf(id), 30));
			return "users/form";
		}
	}

	@PostMapping("/admin/users/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect,
			Locale locale) {
		try {
			users.resetPassword(id, password);
			redirect.addFlashAttribute("message", messages.getMessage("user.passwordReset", null, locale));
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("error", text(ex, locale));
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect,
			Locale locale) {
		try {
			users.setEnabled(id, enabled);
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("error", text(ex, locale));
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/unlock")
	String unlock(@PathVariable long id) {
		users.unlock(id);
		return "redirect:/admin/users/" + id;
	}

	private UserForm validated(UserForm form) {
		Set<ConstraintViolation<UserForm>> violations = validator.validate(form);
		if (!violations.isEmpty()) {
			ConstraintViolation<UserForm> first = violations.iterator().next();
			throw new BusinessRuleException("user.invalidField", "user.field." + first.getPropertyPath(),
					first.getMessage());
		}
		return form;
	}

	private Set<Long> resolveUnits(String codes) {
		Set<Long> ids = new LinkedHashSet<>();
		for (String code : UserFormData.split(codes)) {
			ids.add(units.resolveCode(code).orElseThrow(() -> new BusinessRuleException("user.units.code", code)));
		}
		return ids;
	}

	private String codes(UserView user) {
		return user.unitIds().stream().map(id -> units.code(id).orElse("#" + id)).collect(Collectors.joining(", "));
	}

	private String text(LocalizedFailure failure, Locale locale) {
		return LocalizedMessages.of(messages, failure, locale);
	}

}
