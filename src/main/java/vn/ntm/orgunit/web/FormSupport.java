package vn.ntm.orgunit.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;

/**
 * What the unit forms share: the message of a refused command shown above the form, and
 * the unit types that may sit under a parent.
 */
@Component
class FormSupport {

	private final MessageSource messages;

	FormSupport(MessageSource messages) {
		this.messages = messages;
	}

	void error(Model model, LocalizedFailure failure, Locale locale) {
		model.addAttribute("formError", LocalizedMessages.of(messages, failure, locale));
	}

	/**
	 * Runs a form's command; when the domain refuses it (a broken rule, a concurrent
	 * change) the form is shown again with the reason above it, and nothing has been
	 * saved.
	 */
	String submit(Model model, Locale locale, Supplier<String> command, Supplier<String> showAgain) {
		try {
			return command.get();
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			error(model, (LocalizedFailure) ex, locale);
			return showAgain.get();
		}
	}

	/** Goes to {@code path} and shows "saved" there. */
	static String saved(RedirectAttributes redirect, String path) {
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + path;
	}

	/** The parent of a unit as the unit page shows it. */
	static UnitRef parentOf(UnitDetails unit) {
		return unit.ancestors().get(unit.ancestors().size() - 1);
	}

	static List<UnitType> childTypes(UnitType parent) {
		return Arrays.stream(UnitType.values()).filter(t -> t.mayBeChildOf(parent)).toList();
	}

	static List<UnitType> sameLevel(UnitType type) {
		return Arrays.stream(UnitType.values()).filter(t -> t.level() == type.level()).toList();
	}

}
