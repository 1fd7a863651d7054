package vn.ntm.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.shared.VnFormat;

/**
 * Locks an account for {@link SecuritySettings#lockDuration()} after
 * {@link SecuritySettings#maxFailedAttempts()} consecutive wrong passwords, and clears
 * the count on a successful login. Applies to the login form, to HTTP Basic on the API
 * and to the current password asked when a user changes their own. Tries made while the
 * account is locked or disabled are not counted (they are refused anyway, see
 * {@link DatabaseUserDetailsService}), so a lock is never prolonged by its owner trying
 * again. Every lock-out is audited: the account, when, after how many tries, until when,
 * where the tries came from (the client address of the audit row) and through what.
 */
@Component
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	/** Where wrong passwords were typed, as the audit row says it. */
	enum Via {

		LOGIN("đăng nhập"), PASSWORD_CHANGE("đổi mật khẩu");

		final String text;

		Via(String text) {
			this.text = text;
		}

	}

	/** The outcome of a wrong password: the count so far, and the lock if it locked. */
	record Failure(int attempts, @Nullable Instant lockedUntil) {

		boolean locked() {
			return lockedUntil != null;
		}

	}

	private final JdbcClient jdbc;

	private final SecuritySettings settings;

	private final AuditLog audit;

	private final Clock clock;

	LoginAttempts(JdbcClient jdbc, SecuritySettings settings, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		// the same normalised name DatabaseUserDetailsService looks up ("admin " is
		// "admin")
		recordFailure(event.getAuthentication().getName().trim(), Via.LOGIN);
	}

	/**
	 * Counts a wrong password for the account (none for an unknown name) and locks it
	 * when the count reaches the limit. Runs in the caller's transaction.
	 */
	@Transactional
	public Failure recordFailure(String username, Via via) {
		Instant now = clock.instant();
		Counted counted = jdbc.sql("""
				update app_user set failed_attempts = failed_attempts + 1
				where lower(username) = lower(:username) and enabled
				    and (locked_until is null or locked_until <= :now)
				returning id, username, full_name, failed_attempts
				""")
			.param("username", username)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Counted(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.optional()
			.orElse(null);
		if (counted == null) {
			return new Failure(0, null);
		}
		if (counted.attempts() < settings.maxFailedAttempts()) {
			return new Failure(counted.attempts(), null);
		}
		Instant until = now.plus(settings.lockDuration());
		jdbc.sql("update app_user set locked_until = :until, failed_attempts = 0 where id = :id")
			.param("until", Timestamp.from(until))
			.param("id", counted.id())
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("lockedUntil", until.toString());
		after.put("failedAttempts", counted.attempts());
		after.put("via", via.text);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("lockedUntil", null);
		audit
			.record(new AuditRecord("LOCK", "user", String.valueOf(counted.id()),
					counted.fullName() + " (" + counted.username() + ")",
					"Tạm khóa tài khoản " + counted.username() + " đến " + VnFormat.dateTime(until) + " sau "
							+ counted.attempts() + " lần nhập sai mật khẩu liên tiếp (" + via.text + ")",
					before, after));
		log.warn("Account {} locked until {} after {} wrong passwords ({})", counted.username(), until,
				counted.attempts(), via.text);
		return new Failure(counted.attempts(), until);
	}

	/**
	 * How often the last login of an account that signs in on every call (HTTP Basic) is
	 * written: at most once a minute, as API tokens note their use.
	 */
	static final Duration LOGIN_GRANULARITY = Duration.ofMinutes(1);

	/**
	 * A successful password check clears the count of wrong tries and a lock that has
	 * ended, and notes the login. HTTP Basic checks the password on every API call: the
	 * account as the check read it (in the same request) tells whether there is anything
	 * to clear, so a call writes nothing unless there is — or its last login is more than
	 * {@link #LOGIN_GRANULARITY} old (issue 10: every Basic call wrote {@code app_user}).
	 * The user of the call is remembered for the request, so that the access checks do
	 * not read the account again.
	 */
	@EventListener
	public void onSuccess(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName().trim();
		Instant now = clock.instant();
		Optional<AccountLookup.Account> read = AccountLookup.readForLogin(username);
		read.filter(AccountLookup.Account::enabled)
			.ifPresent(account -> UnitAccessPolicy.remember(account.toCurrentUser()));
		boolean nothingToWrite = read
			.map(account -> account.failedAttempts() == 0 && account.lockedUntil() == null
					&& account.lastLoginAt() != null && account.lastLoginAt().plus(LOGIN_GRANULARITY).isAfter(now))
			.orElse(false);
		if (nothingToWrite) {
			return;
		}
		// one statement, no transaction of its own (it would hold a connection for a
		// single update)
		jdbc.sql("""
				update app_user set failed_attempts = 0, locked_until = null, last_login_at = :now
				where lower(username) = lower(:username)
				""").param("now", Timestamp.from(now)).param("username", username).update();
	}

	/**
	 * A login through the form is noted every time (once per session), even within
	 * {@link #LOGIN_GRANULARITY} of the last one.
	 */
	@EventListener
	public void onInteractiveSuccess(InteractiveAuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName().trim();
		Instant now = clock.instant();
		boolean written = AccountLookup.readForLogin(username)
			.map(account -> account.failedAttempts() != 0 || account.lockedUntil() != null
					|| account.lastLoginAt() == null || !account.lastLoginAt().plus(LOGIN_GRANULARITY).isAfter(now))
			.orElse(true);
		if (!written) {
			jdbc.sql("update app_user set last_login_at = :now where lower(username) = lower(:username)")
				.param("now", Timestamp.from(now))
				.param("username", username)
				.update();
		}
	}

	int maxFailedAttempts() {
		return settings.maxFailedAttempts();
	}

	/**
	 * A successful check of the current password (changing one's own) clears the count.
	 */
	@Transactional
	public void clear(long userId) {
		jdbc.sql("update app_user set failed_attempts = 0 where id = :id").param("id", userId).update();
	}

	private record Counted(long id, String username, String fullName, int attempts) {
	}

}
