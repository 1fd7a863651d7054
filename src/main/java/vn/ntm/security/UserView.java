package vn.ntm.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An account as shown to those who manage it; never carries the password hash.
 */
public record UserView(long id, String username, String fullName, @Nullable String email, @Nullable String phone,
		@Nullable String organization, Role role, boolean enabled, @Nullable Instant lockedUntil,
		@Nullable Instant lastLoginAt, Set<Long> unitIds, List<String> unitLabels, Set<String> criteria, int version,
		@Nullable Instant updatedAt, @Nullable String updatedBy) {

	public boolean locked() {
		return lockedUntil != null && lockedUntil.isAfter(Instant.now());
	}

}
