package vn.ntm.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The current user's personal API tokens: the way for scripts to call the API
 * ({@code Authorization: Bearer <token>}) without a password, a bcrypt hash per call or a
 * server session. A token acts as its owner with the owner's role and units at the time
 * of each call. It is shown once, when created; only its SHA-256 is stored. Creating and
 * revoking are audited.
 */
public interface ApiTokenManagement {

	/** The user's tokens, newest first (revoked ones included, marked). */
	List<ApiTokenView> mine();

	/**
	 * Creates a token for the current user.
	 * @param name what the token is for (1–100 characters)
	 * @param expiresOn the last day the token works, or {@code null} for no end
	 * @return the token, to be shown once
	 */
	CreatedToken create(String name, @Nullable LocalDate expiresOn);

	/** Revokes one of the current user's tokens (at once). */
	void revoke(long tokenId);

	/** A token as its owner sees it in the list (never the token itself). */
	record ApiTokenView(long id, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
			@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

		public boolean active(Instant now) {
			return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
		}

	}

	/** A new token: {@code token} is shown once and never again. */
	record CreatedToken(ApiTokenView view, String token) {
	}

}
