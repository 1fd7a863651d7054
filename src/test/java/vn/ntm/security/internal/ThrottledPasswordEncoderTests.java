package vn.ntm.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Password hashes run a few at a time, and the answers are the delegate's (issue 10). */
class ThrottledPasswordEncoderTests {

	@Test
	void neverMoreHashesAtOnceThanAllowed() throws Exception {
		Counting counting = new Counting();
		ThrottledPasswordEncoder encoder = new ThrottledPasswordEncoder(counting, 2);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				int n = i;
				answers.add(pool.submit(() -> encoder.matches("p" + n, "p" + n)));
			}
			for (Future<Boolean> answer : answers) {
				assertThat(answer.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(counting.most.get()).isBetween(1, 2);
		assertThat(counting.calls.get()).isEqualTo(200);
		assertThat(encoder.available()).isEqualTo(2);
	}

	@Test
	void answersAsTheDelegateDoes() {
		PasswordEncoder encoder = new ThrottledPasswordEncoder(
				PasswordEncoderFactories.createDelegatingPasswordEncoder(), 1);
		String hash = encoder.encode("NtmDemo@2026");
		assertThat(hash).startsWith("{bcrypt}");
		assertThat(encoder.matches("NtmDemo@2026", hash)).isTrue();
		assertThat(encoder.matches("sai", hash)).isFalse();
		assertThat(encoder.upgradeEncoding(hash)).isFalse();
	}

	@Test
	void atLeastOneAtOnce() {
		assertThat(ThrottledPasswordEncoder.defaultAtOnce()).isPositive();
		assertThatIllegalArgumentException().isThrownBy(() -> new ThrottledPasswordEncoder(new Counting(), 0));
	}

	/** Counts the checks running at the same moment; each spins briefly like a hash. */
	private static final class Counting implements PasswordEncoder {

		final AtomicInteger now = new AtomicInteger();

		final AtomicInteger most = new AtomicInteger();

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public String encode(@Nullable CharSequence rawPassword) {
			return String.valueOf(rawPassword);
		}

		@Override
		public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
			int running = now.incrementAndGet();
			most.accumulateAndGet(running, Math::max);
			calls.incrementAndGet();
			long until = System.nanoTime() + 200_000;
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
			now.decrementAndGet();
			return String.valueOf(rawPassword).equals(encodedPassword);
		}

	}

}
