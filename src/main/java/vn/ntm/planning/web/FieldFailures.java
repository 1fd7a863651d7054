package vn.ntm.planning.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.web.FormFlow;

/**
 * How the plan forms answer a refusal: a rule the facade refuses is put on the field it
 * is about (the deadline's words on "Thời hạn", a missing title on "Nội dung nhiệm vụ"…);
 * every field error is listed above the form as "field: message" and marked on its field;
 * a concurrent change is told above the form (409) and nothing is saved.
 */
@Component
class FieldFailures {

	/** The facade's message keys (or their prefixes) and the form field each is about. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("planning.task.titleRequired", "title"),
			Map.entry("planning.task.sectionUnknown", "sectionId"),
			Map.entry("planning.task.quantityNegative", "quantity"), Map.entry("planning.task.moneyNegative", "money"),
			Map.entry("planning.task.quantityUnitRequired", "quantityUnit"),
			Map.entry("planning.status.reasonRequired", "reason"), Map.entry("planning.plan.titleRequired", "title"),
			Map.entry("planning.plan.issuerRequired", "issuer"), Map.entry("planning.plan.years", "yearFrom"),
			Map.entry("planning.section.titleRequired", "title"), Map.entry("planning.duty.required", "title"),
			Map.entry("planning.duty.period", "endsOn"));

	private final MessageSource messages;

	private final FormFlow flow;

	FieldFailures(MessageSource messages, FormFlow flow) {
		this.messages = messages;
		this.flow = flow;
	}

	/**
	 * Puts the refusal on its field (the deadline's on {@code deadlineField}) or above
	 * the form, and sets the answer's status: 409 for a concurrent change, else 422.
	 */
	void refused(LocalizedFailure failure, BindingResult binding, String deadlineField, Model model,
			HttpServletResponse response, Locale locale) {
		if (failure instanceof ConcurrentChangeException) {
			response.setStatus(HttpStatus.CONFLICT.value());
			flow.error(model, failure, locale);
			return;
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		String field = failure.messageKey().startsWith("planning.deadline.") ? deadlineField
				: FIELDS.get(failure.messageKey());
		if (field != null && failure instanceof BusinessRuleException && binding.getFieldError(field) == null) {
			binding.rejectValue(field, failure.messageKey(), failure.arguments(), null);
		}
		else {
			flow.error(model, failure, locale);
		}
	}

	/**
	 * The field errors as "Thời hạn: Không đọc được…", in the form's order, for the list.
	 */
	void list(String form, BindingResult binding, Model model, HttpServletResponse response, Locale locale) {
		if (!binding.hasFieldErrors()) {
			return;
		}
		if (response.getStatus() < 400) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		List<FormFlow.ProblemText> problems = new ArrayList<>();
		Map<String, String> byField = new java.util.LinkedHashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			String label = messages.getMessage(
					new DefaultMessageSourceResolvable(new String[] { "planning.field." + form + "." + error.getField(),
							"planning.field." + error.getField() }, error.getField()),
					locale);
			String message = error.isBindingFailure()
					? messages.getMessage("planning.form.unreadable", new Object[] { error.getRejectedValue() }, locale)
					: messages.getMessage(error, locale);
			problems.add(new FormFlow.ProblemText(label, message));
			byField.putIfAbsent(error.getField(), message);
		}
		model.addAttribute("fieldProblems", problems);
		model.addAttribute("fieldErrors", byField);
	}

}
