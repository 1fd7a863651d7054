package vn.ntm.orgunit.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.web.FormFlow;

/**
 * What the unit forms share: the message of a refused command shown above the form, and
 * the unit types that may sit under a parent.
 */
@Component
class FormSupport {

	private final FormFlow flow;

	FormSupport(FormFlow flow) {
		this.flow = flow;
	}

	void error(Model model, LocalizedFailure failure, Locale locale) {
		flow.error(model, failure, locale);
	}

	String submit(Model model, Locale locale, Supplier<String> command, Supplier<String> showAgain) {
		return flow.submit(model, locale, command, showAgain);
	}

	static String saved(RedirectAttributes redirect, String path) {
		return FormFlow.saved(redirect, path);
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
