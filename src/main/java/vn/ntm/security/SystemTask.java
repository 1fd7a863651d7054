package vn.ntm.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up and background work as the system ("hệ thống"): unrestricted, and named
 * so in the audit trail. Never reachable from a request.
 */
public final class SystemTask {

	public static final String ACTOR = "hệ thống";

	private SystemTask() {
	}

	public static <T> T call(Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new SystemAuthentication());
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * Runs background work that a user started (a job) with that user's rights, looked up
	 * again as in a request (a disabled account has none); the system's own work runs as
	 * the system.
	 */
	public static <T> T callAs(String username, Supplier<T> work) {
		if (ACTOR.equals(username)) {
			return call(work);
		}
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	/** The authentication of system work. */
	public static final class SystemAuthentication extends AbstractAuthenticationToken {

		private static final long serialVersionUID = 1L;

		SystemAuthentication() {
			super(List.of(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN.name())));
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return ACTOR;
		}

		@Override
		public String getName() {
			return ACTOR;
		}

	}

}
