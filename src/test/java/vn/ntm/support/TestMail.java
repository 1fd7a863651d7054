package vn.ntm.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The in-process SMTP server the tests' reminders are sent to (the port of
 * {@code spring.mail.port} in application-test.properties), started once per JVM.
 */
public final class TestMail {

	public static final int PORT = 39257;

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			ServerSetup setup = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
			// GreenMail's default of 2 s to start was exceeded once on the 2 loaded cores
			setup.setServerStartupTimeout(10_000);
			server = new GreenMail(setup);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

}
