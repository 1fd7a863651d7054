package vn.ntm.shared;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Work done once while the application starts, before the web server opens its port, so
 * that nobody sees half-loaded data. Tasks run in the order of their phase (lower first),
 * all below {@link #WEB_SERVER}.
 */
public abstract class StartupTask implements SmartLifecycle {

	/** The phase in which the web server starts. */
	public static final int WEB_SERVER = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE;

	private final int phase;

	private volatile boolean running;

	protected StartupTask(int phase) {
		if (phase >= WEB_SERVER) {
			throw new IllegalArgumentException("A start-up task must run before the web server starts");
		}
		this.phase = phase;
	}

	/** The work; runs on the main thread during start-up. */
	protected abstract void run();

	@Override
	public final void start() {
		running = true;
		run();
	}

	@Override
	public final void stop() {
		running = false;
	}

	@Override
	public final boolean isRunning() {
		return running;
	}

	@Override
	public final int getPhase() {
		return phase;
	}

}
