package vn.ntm.security.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.Role;

/**
 * An account as logging in and every request need it — the row, its units and its
 * criteria — read in one statement on one connection.
 * <p>
 * Not through the {@link AppUsers} repository: Spring Data JDBC loads an aggregate's
 * collections with further queries while the first result is still open, so outside a
 * transaction a thread held one connection and waited for a second. Under load every
 * request thread did that at once and the pool deadlocked (issue 10). Use
 * {@link AppUsers} only inside a transaction (for changes to accounts).
 */
@Component
class AccountLookup {

	private static final String SELECT = """
			select u.id, u.username, u.full_name, u.role, u.organization, u.enabled, u.locked_until, u.password_hash,
			    u.failed_attempts, u.last_login_at,
			    array(select unit_id from app_user_unit where user_id = u.id) as units,
			    array(select criterion_code from app_user_criterion where user_id = u.id) as criteria
			from app_user u
			""";

	private final JdbcClient jdbc;

	AccountLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String READ_FOR_LOGIN = AccountLookup.class.getName() + ".login";

	/**
	 * The account as the login of this request read it (the password check), so that what
	 * follows a successful login in the same request reads it no more: the user of an
	 * HTTP Basic call, whether a failed-attempt count needs clearing.
	 */
	static Optional<Account> readForLogin(String username) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return request != null
				&& request.getAttribute(READ_FOR_LOGIN, RequestAttributes.SCOPE_REQUEST) instanceof Account account
				&& account.username().equalsIgnoreCase(username.trim()) ? Optional.of(account) : Optional.empty();
	}

	/** Reads the account for a login, and keeps it for the rest of the request. */
	Optional<Account> forLogin(String username) {
		Optional<Account> account = byUsername(username);
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			if (account.isPresent()) {
				request.setAttribute(READ_FOR_LOGIN, account.get(), RequestAttributes.SCOPE_REQUEST);
			}
			else {
				request.removeAttribute(READ_FOR_LOGIN, RequestAttributes.SCOPE_REQUEST);
			}
		}
		return account;
	}

	Optional<Account> byUsername(String username) {
		return jdbc.sql(SELECT + " where lower(u.username) = lower(:username)")
			.param("username", username)
			.query(AccountLookup::row)
			.optional();
	}

	Optional<Account> byId(long id) {
		return jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(AccountLookup::row).optional();
	}

	static Account row(ResultSet rs, int n) throws SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		Timestamp lastLogin = rs.getTimestamp("last_login_at");
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
				Role.valueOf(rs.getString("role")), rs.getString("organization"), rs.getBoolean("enabled"),
				locked == null ? null : locked.toInstant(), rs.getString("password_hash"), rs.getInt("failed_attempts"),
				lastLogin == null ? null : lastLogin.toInstant(),
				Arrays.stream((Object[]) array(rs.getArray("units")))
					.map(id -> ((Number) id).longValue())
					.collect(Collectors.toUnmodifiableSet()),
				Arrays.stream((Object[]) array(rs.getArray("criteria")))
					.map(String::valueOf)
					.collect(Collectors.toUnmodifiableSet()));
	}

	private static Object array(@Nullable Array array) throws SQLException {
		return array == null ? new Object[0] : array.getArray();
	}

	/** An account with its units and criteria. */
	record Account(long id, String username, String fullName, Role role, @Nullable String organization, boolean enabled,
			@Nullable Instant lockedUntil, String passwordHash, int failedAttempts, @Nullable Instant lastLoginAt,
			Set<Long> unitIds, Set<String> criteria) {

		boolean lockedAt(Instant now) {
			return lockedUntil != null && lockedUntil.isAfter(now);
		}

		CurrentUser toCurrentUser() {
			return new CurrentUser(id, username, fullName, role, unitIds, criteria, organization);
		}

	}

}
