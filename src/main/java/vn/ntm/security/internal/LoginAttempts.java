package vn.ntm.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for {@link SecuritySettings#lockDuration()} after
 * {@link SecuritySettings#maxFailedAttempts()} consecutive wrong passwords, and clears
 * the count on a successful login. Applies to the login form and to HTTP Basic on the API
 * alike.
 */
@Component
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private final JdbcClient jdbc;

	private final SecuritySettings settings;

	private final Clock clock;

	LoginAttempts(JdbcClient jdbc, SecuritySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		// the same normalised name DatabaseUserDetailsService looks up ("admin " is
		// "admin")
		String username = event.getAuthentication().getName().trim();
		Instant now = clock.instant();
		Integer attempts = jdbc.sql("""
				update app_user set failed_attempts = failed_attempts + 1
				where lower(username) = lower(:username) returning failed_attempts
				""").param("username", username).query(Integer.class).optional().orElse(null);
		if (attempts != null && attempts >= settings.maxFailedAttempts()) {
			Instant until = now.plus(settings.lockDuration());
			jdbc.sql(
					"update app_user set locked_until = :until, failed_attempts = 0 where lower(username) = lower(:username)")
				.param("until", Timestamp.from(until))
				.param("username", username)
				.update();
			log.warn("Account {} locked until {} after {} failed logins", username, until, attempts);
		}
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		jdbc.sql("""
				update app_user set failed_attempts = 0, locked_until = null, last_login_at = :now
				where lower(username) = lower(:username)
				""")
			.param("now", Timestamp.from(clock.instant()))
			.param("username", event.getAuthentication().getName().trim())
			.update();
	}

}
