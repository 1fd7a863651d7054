package vn.ntm.security.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DatabaseUserDetailsService implements UserDetailsService {

	private final AppUsers users;

	private final Clock clock;

	DatabaseUserDetailsService(AppUsers users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		AppUser user = users.findByUsername(username.trim())
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		boolean locked = user.lockedUntil != null && user.lockedUntil.isAfter(clock.instant());
		return User.withUsername(user.username)
			.password(user.passwordHash)
			.disabled(!user.enabled)
			.accountLocked(locked)
			.authorities(List.of(new SimpleGrantedAuthority("ROLE_" + user.role.name())))
			.build();
	}

}
