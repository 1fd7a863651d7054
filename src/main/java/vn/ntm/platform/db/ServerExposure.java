package vn.ntm.platform.db;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who may reach the application, decided at start from how it was started — so that the
 * demo accounts with their published password, and the embedded database whose superuser
 * has no password, never sit behind a port other machines can reach.
 * <ul>
 * <li>The README's run command ({@code ./mvnw spring-boot:run}) sets
 * {@code ntm.local=true}: a developer's own machine.</li>
 * <li>Demo accounts: {@code ntm.seed.demo} when set, otherwise only on a local run with
 * the embedded database.</li>
 * <li>With the demo accounts or the embedded database and no {@code server.address}, the
 * application listens on 127.0.0.1 only.</li>
 * <li>It refuses to start on a reachable {@code server.address} with the demo accounts,
 * or with the embedded database outside a local run, naming the settings to give.</li>
 * </ul>
 *
 * @param demoAccounts whether the first start creates the demo accounts
 * @param serverAddress the address to listen on, when the decision sets one
 * @param notes what to say in the log
 */
public record ServerExposure(boolean demoAccounts, @Nullable String serverAddress, List<String> notes) {

	static final String LOOPBACK = "127.0.0.1";

	static final String DATABASE_SETTINGS = "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
			+ "SPRING_DATASOURCE_PASSWORD (spring.datasource.*), and NTM_ADMIN_PASSWORD for the first administrator";

	/**
	 * @param local started by the README's run command ({@code ntm.local})
	 * @param embedded no database settings: the embedded PostgreSQL
	 * @param demoSetting {@code ntm.seed.demo} when set
	 * @param addressSetting {@code server.address} when set
	 * @throws IllegalStateException when the combination would expose a published
	 * password or a database superuser without password on a reachable port
	 */
	public static ServerExposure decide(boolean local, boolean embedded, @Nullable Boolean demoSetting,
			@Nullable String addressSetting) {
		boolean demo = demoSetting != null ? demoSetting : local && embedded;
		List<String> notes = new ArrayList<>();
		if (addressSetting == null || addressSetting.isBlank()) {
			if (demo || embedded) {
				notes.add("Listening on " + LOOPBACK + " only (" + (demo ? "demo accounts" : "embedded database")
						+ "); for a server other machines reach, set " + DATABASE_SETTINGS
						+ (demo ? ", without ntm.seed.demo" : ""));
				return new ServerExposure(demo, LOOPBACK, notes);
			}
			return new ServerExposure(demo, null, notes);
		}
		if (isLoopback(addressSetting)) {
			return new ServerExposure(demo, null, notes);
		}
		if (demo) {
			throw new IllegalStateException("Refusing to start: the demo accounts (their password is published in the"
					+ " README) are on (ntm.seed.demo"
					+ (demoSetting == null
							? ", on by default for ./mvnw spring-boot:run" + " with the embedded database" : "=true")
					+ ") and server.address=" + addressSetting + " can be reached from other machines. Remove"
					+ " server.address (the application then listens on 127.0.0.1), or set " + DATABASE_SETTINGS
					+ " and ntm.seed.demo=false.");
		}
		if (embedded && !local) {
			throw new IllegalStateException("Refusing to start: no database is configured, so the embedded"
					+ " PostgreSQL (superuser without password) would be used, and server.address=" + addressSetting
					+ " can be reached from other machines. Set " + DATABASE_SETTINGS
					+ ", or remove server.address to run on this machine only (127.0.0.1).");
		}
		return new ServerExposure(demo, null, notes);
	}

	static boolean isLoopback(String address) {
		try {
			return InetAddress.getByName(address.trim()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
