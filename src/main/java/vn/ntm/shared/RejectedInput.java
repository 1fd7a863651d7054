package vn.ntm.shared;

import java.util.List;

/**
 * A document or file refused as a whole, with every problem found in it; nothing was
 * saved. Rendered as 422 with the list of problems.
 */
public class RejectedInput extends BusinessRuleException {

	private final List<Problem> problems;

	public RejectedInput(String messageKey, List<Problem> problems) {
		super(messageKey, problems.size());
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

}
