package vn.ntm.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The authenticated user of the current request, read fresh from the database on each
 * request so that a change of role, units or status takes effect at once.
 *
 * @param unitIds the units the user is responsible for; the user sees these and
 * everything below them
 * @param criteria for a criterion officer, the criteria (by number) the user checks
 */
public record CurrentUser(long id, String username, String fullName, Role role, Set<Long> unitIds, Set<String> criteria,
		@Nullable String organization) {

	public boolean has(Permission permission) {
		return role.has(permission);
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

}
