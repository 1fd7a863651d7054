package vn.ntm.shared;

/**
 * A record asked for does not exist (or is not visible to the caller). Rendered as 404
 * with the Vietnamese message of {@link #messageKey()}.
 */
public class NotFoundException extends RuntimeException implements LocalizedFailure {

	private final String messageKey;

	private final Object[] arguments;

	public NotFoundException(String messageKey, Object... arguments) {
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
