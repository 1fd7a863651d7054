package vn.ntm.funding;

import vn.ntm.shared.BusinessRuleException;

/**
 * A funding rule broken by one field of the input (the amount beyond what is left, a
 * source not in the list, a settlement dated before the completion…): the API answers 422
 * like any broken rule, a form marks the field ({@link #field()}, the name of the form's
 * and the record's property) with the message.
 */
public class FundingFieldException extends BusinessRuleException {

	private final String field;

	public FundingFieldException(String field, String messageKey, Object... arguments) {
		super(messageKey, arguments);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
