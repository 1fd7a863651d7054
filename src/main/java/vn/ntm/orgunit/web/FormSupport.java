package vn.ntm.orgunit.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.ntm.orgunit.UnitType;
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

	static List<UnitType> childTypes(UnitType parent) {
		return Arrays.stream(UnitType.values()).filter(t -> t.mayBeChildOf(parent)).toList();
	}

	static List<UnitType> sameLevel(UnitType type) {
		return Arrays.stream(UnitType.values()).filter(t -> t.level() == type.level()).toList();
	}

}
