package vn.ntm.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.Problem;
import vn.ntm.shared.RejectedInput;

/**
 * What every module's forms share: a command refused by the domain shows the form again
 * with the reason above it (and, for a refused document or file, every problem with where
 * it is), nothing saved; a command that succeeds redirects and shows "Đã lưu".
 */
@Component
public class FormFlow {

	private final MessageSource messages;

	FormFlow(MessageSource messages) {
		this.messages = messages;
	}

	public void error(Model model, LocalizedFailure failure, Locale locale) {
		model.addAttribute("formError", LocalizedMessages.of(messages, failure, locale));
		if (failure instanceof RejectedInput rejected) {
			model.addAttribute("formProblems", problems(rejected.problems(), locale));
		}
	}

	/**
	 * Runs a form's command; when the domain refuses it (a broken rule, a concurrent
	 * change) the form is shown again with the reason above it.
	 */
	public String submit(Model model, Locale locale, Supplier<String> command, Supplier<String> showAgain) {
		try {
			return command.get();
		}
		catch (BusinessRuleException | ConcurrentChangeException ex) {
			error(model, (LocalizedFailure) ex, locale);
			return showAgain.get();
		}
	}

	/** Problems as people read them: where ("Tiêu chí 17 › Chỉ tiêu 17.1") and what. */
	public List<ProblemText> problems(List<Problem> problems, Locale locale) {
		return problems.stream()
			.map(p -> new ProblemText(LocalizedMessages.where(messages, p, locale),
					LocalizedMessages.get(messages, p.key(), p.args().toArray(), locale)))
			.toList();
	}

	/** Goes to {@code path} and shows "saved" there. */
	public static String saved(RedirectAttributes redirect, String path) {
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + path;
	}

	public record ProblemText(String where, String message) {
	}

}
