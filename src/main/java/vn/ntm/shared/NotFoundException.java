package vn.ntm.shared;

/**
 * A record asked for does not exist (or is not visible to the caller). Rendered as 404
 * with the Vietnamese message of {@link #messageKey()}.
 */
public class NotFoundException extends LocalizedException {

	public NotFoundException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
