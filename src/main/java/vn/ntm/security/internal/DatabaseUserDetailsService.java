package vn.ntm.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The accounts Spring Security authenticates against.
 * <p>
 * An outsider must not learn from the login whether an account exists, is locked or is
 * disabled: every refusal says the same ("wrong name or password") after the same bcrypt
 * work. Unknown names are checked against a dummy hash by Spring's
 * {@code DaoAuthenticationProvider}; an account that may not log in now (locked after
 * repeated wrong passwords, or disabled) is given {@link #refusedHash}, the hash of a
 * random password nobody knows, instead of being reported locked or disabled — which
 * Spring would do before checking the password, faster and with its own message. The
 * owner is told on the login page what to do when a right password is refused (wait for
 * the lock to end or ask their account manager), for every refusal alike.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

	private final AccountLookup accounts;

	private final Clock clock;

	private final String refusedHash;

	DatabaseUserDetailsService(AccountLookup accounts, Clock clock, PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.refusedHash = passwordEncoder.encode(HexFormat.of().formatHex(secret));
	}

	/** One statement, outside any transaction (a Basic call's read follows it). */
	@Override
	public UserDetails loadUserByUsername(String username) {
		AccountLookup.Account user = accounts.forLogin(username.trim())
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		boolean mayLogIn = user.enabled() && !user.lockedAt(clock.instant());
		return User.withUsername(user.username())
			.password(mayLogIn ? user.passwordHash() : refusedHash)
			.authorities(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())))
			.build();
	}

}
