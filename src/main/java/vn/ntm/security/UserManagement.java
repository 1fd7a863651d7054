package vn.ntm.security;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.PageResult;

/**
 * Managing user accounts. Every method checks that the current user may manage the
 * account concerned (administrators all; a province office the accounts bound within its
 * province, never administrators).
 */
public interface UserManagement {

	UserView create(UserForm form, String initialPassword);

	/**
	 * Updates profile, role and units; {@code expectedVersion} guards against concurrent
	 * edits.
	 */
	UserView update(long userId, UserForm form, int expectedVersion);

	void resetPassword(long userId, String newPassword);

	void setEnabled(long userId, boolean enabled);

	void unlock(long userId);

	/** The current user changes their own password. */
	void changeOwnPassword(String currentPassword, String newPassword);

	UserView get(long userId);

	Optional<UserView> findByUsername(String username);

	/**
	 * Accounts the current user may manage, filtered by name, username or organisation.
	 */
	PageResult<UserView> list(@Nullable String text, int page, int size);

}
