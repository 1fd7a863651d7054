package vn.ntm.shared;

/**
 * A request that breaks a rule of the domain (a period that overlaps, a parent of the
 * wrong level…). Rendered as 422 on the API and as an error message on the page that made
 * the request.
 */
public class BusinessRuleException extends LocalizedException {

	public BusinessRuleException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
