package vn.ntm.security;

import vn.ntm.shared.BusinessRuleException;

/**
 * The password policy: at least 10 characters with letters and digits, not the username.
 */
public final class PasswordRules {

	public static final int MIN_LENGTH = 10;

	private PasswordRules() {
	}

	public static void check(String username, String password) {
		if (password.length() < MIN_LENGTH) {
			throw new BusinessRuleException("password.tooShort", MIN_LENGTH);
		}
		if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
			throw new BusinessRuleException("password.lettersAndDigits");
		}
		if (password.toLowerCase().contains(username.toLowerCase())) {
			throw new BusinessRuleException("password.containsUsername");
		}
	}

}
