package vn.ntm.shared;

/**
 * A request that breaks a rule of the domain (a period that overlaps, a parent of the
 * wrong level…). Rendered as 422 on the API and as an error message on the page that made
 * the request.
 */
public class BusinessRuleException extends RuntimeException implements LocalizedFailure {

	private final String messageKey;

	private final Object[] arguments;

	public BusinessRuleException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	@Override
	public String messageKey() {
		return messageKey;
	}

	@Override
	public Object[] arguments() {
		return arguments;
	}

}
