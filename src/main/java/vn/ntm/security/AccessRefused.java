package vn.ntm.security;

import org.springframework.security.access.AccessDeniedException;
import vn.ntm.shared.LocalizedFailure;

/**
 * The current user may not do what was asked. The message says why, in the user's
 * language. Rendered as 403.
 */
public class AccessRefused extends AccessDeniedException implements LocalizedFailure {

	private final String messageKey;

	private final Object[] arguments;

	private AccessRefused(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public static AccessRefused outsideScope(String unitLabel) {
		return new AccessRefused("access.outsideScope", unitLabel);
	}

	public static AccessRefused missingPermission(Permission permission) {
		return new AccessRefused("access.missingPermission", "permission." + permission.name());
	}

	public static AccessRefused levelTooHigh(String unitLabel) {
		return new AccessRefused("access.levelTooHigh", unitLabel);
	}

	/** Refused for a reason a module states itself (its message key). */
	public static AccessRefused because(String messageKey, Object... arguments) {
		return new AccessRefused(messageKey, arguments);
	}

	public static AccessRefused roleNotManageable(Role role) {
		return new AccessRefused("access.roleNotManageable", role.messageKey());
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
