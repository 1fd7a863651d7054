package vn.ntm.platform.jobs;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A tracked job for the tests of the job facility: "hold" reports 3 of 10 and waits until
 * released, "fail" throws, anything else counts its runs and answers with its payload's
 * size.
 */
@Component
class ProbeJob implements TrackedJob {

	static final String KIND = "test-probe";

	static final Map<UUID, CountDownLatch> held = new ConcurrentHashMap<>();

	static final Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();

	private final JobRuns jobRuns;

	ProbeJob(JobRuns jobRuns) {
		this.jobRuns = jobRuns;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public @Nullable String run(Run run) {
		runs.computeIfAbsent(run.id(), id -> new AtomicInteger()).incrementAndGet();
		switch (run.data()) {
			case "hold" -> {
				jobRuns.progress(run.id(), 3, 10);
				try {
					held.computeIfAbsent(run.id(), id -> new CountDownLatch(1)).await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			case "fail" -> throw new IllegalStateException("probe failed");
			default -> {
			}
		}
		return (run.payload() == null ? 0 : run.payload().length) + " byte(s), " + run.locale().toLanguageTag();
	}

	static void release(UUID id) {
		held.computeIfAbsent(id, k -> new CountDownLatch(1)).countDown();
	}

}
