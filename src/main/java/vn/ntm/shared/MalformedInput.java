package vn.ntm.shared;

import java.util.List;

/**
 * Input refused because it cannot be taken as text at all (NUL and other control
 * characters): a bad request (400), not a rule of the programme; nothing was saved. Each
 * problem names its field.
 */
public class MalformedInput extends RejectedInput {

	public MalformedInput(String messageKey, List<Problem> problems) {
		super(messageKey, problems);
	}

}
