package vn.ntm.security.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that lets only a few password hashes run at once (issue 10).
 * <p>
 * A bcrypt check costs about 0,1 s of one core by design. When two hundred people log in
 * within half a minute (the start of a deadline day), two hundred request threads hashing
 * at once take every core, and the pages of those already working wait behind them: on
 * the 2-core machines 60 % of the application's CPU during the load test's ramp went to
 * bcrypt. With this gate the logins queue among themselves, fairly, and the other cores
 * stay with the pages. Nothing else waits here: the account is read before the check and
 * no database connection is held while waiting (a request holds none outside its facade
 * calls).
 */
final class ThrottledPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore gate;

	ThrottledPasswordEncoder(PasswordEncoder delegate, int atOnce) {
		if (atOnce < 1) {
			throw new IllegalArgumentException("atOnce must be at least 1");
		}
		this.delegate = delegate;
		this.gate = new Semaphore(atOnce, true);
	}

	/** One hash at a time per two cores, at least one. */
	static int defaultAtOnce() {
		return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		return gated(() -> delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		return gated(() -> delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	/** The hash, once a permit is free. */
	private <T> T gated(Supplier<T> hash) {
		gate.acquireUninterruptibly();
		try {
			return hash.get();
		}
		finally {
			gate.release();
		}
	}

	/** Permits free now (tests). */
	int available() {
		return gate.availablePermits();
	}

}
