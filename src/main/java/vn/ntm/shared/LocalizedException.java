package vn.ntm.shared;

/**
 * Base of the application's failures that carry a message key and its arguments.
 */
public abstract class LocalizedException extends RuntimeException implements LocalizedFailure {

	private final String messageKey;

	private final Object[] arguments;

	protected LocalizedException(String messageKey, Object... arguments) {
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
