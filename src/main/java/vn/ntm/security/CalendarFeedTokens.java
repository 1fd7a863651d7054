package vn.ntm.security;

import java.time.Instant;
import java.util.Optional;

/**
 * The secret address of the current user's deadline calendar feed: one token per user
 * that a calendar program puts in the address ({@code /calendar.ics?token=…}) instead of
 * a password. It grants only reading the feed, as its owner (with the owner's role and
 * units at the time of each call). It is shown once, when (re)generated; only its SHA-256
 * is stored; a new one replaces the old at once. Generating is audited.
 */
public interface CalendarFeedTokens {

	/** When the current user's token was generated, if the user has one. */
	Optional<Instant> issuedAt();

	/**
	 * Generates a new token for the current user, replacing (and so invalidating) the old
	 * one.
	 * @return the token, to be shown once
	 */
	String regenerate();

	/**
	 * The user name of the account a token belongs to, if the token is the account's
	 * current one and the account is enabled.
	 */
	Optional<String> ownerOf(String token);

}
