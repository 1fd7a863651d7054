package vn.ntm.security.internal;

import java.security.Principal;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends the sessions of an account whose password, role, units or status changed, so that
 * nobody goes on working with the rights (or the password) the account had before. The
 * sessions are those of {@link SessionRegistry}, registered at login by both filter
 * chains; an ended session's next request goes to the login form (pages) or gets 401
 * (API). The session of whoever makes the change is kept.
 */
@Component
class UserSessions {

	private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

	private final SessionRegistry registry;

	UserSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Ends the account's sessions once the current transaction commits (at once without
	 * one): a change that rolls back ends nothing. The current request's session is kept.
	 */
	void endOthersAfterCommit(String username) {
		String keep = currentSessionId();
		afterCommit(() -> end(username, keep));
	}

	/** As {@link #endOthersAfterCommit}, including the current request's session. */
	void endAllAfterCommit(String username) {
		afterCommit(() -> end(username, null));
	}

	/** Ends the account's sessions but {@code keep}; returns how many were ended. */
	int end(String username, @Nullable String keep) {
		int ended = 0;
		for (Object principal : registry.getAllPrincipals()) {
			if (!username.equalsIgnoreCase(nameOf(principal))) {
				continue;
			}
			for (SessionInformation session : registry.getAllSessions(principal, false)) {
				if (!session.getSessionId().equals(keep)) {
					session.expireNow();
					ended++;
				}
			}
		}
		if (ended > 0) {
			log.info("Ended {} session(s) of account {}", ended, username);
		}
		return ended;
	}

	private static void afterCommit(Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					work.run();
				}
			});
		}
		else {
			work.run();
		}
	}

	private static @Nullable String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			return session == null ? null : session.getId();
		}
		return null;
	}

	private static String nameOf(Object principal) {
		if (principal instanceof UserDetails user) {
			return user.getUsername();
		}
		if (principal instanceof Principal named) {
			return named.getName();
		}
		return String.valueOf(principal);
	}

}
