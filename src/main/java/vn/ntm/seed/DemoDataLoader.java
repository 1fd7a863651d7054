package vn.ntm.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.ntm.orgunit.UnitImports;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.StartupTask;
import vn.ntm.security.UserForm;
import vn.ntm.security.UserManagement;

/**
 * Loads the seed villages (through the ordinary import, so they are validated and audited
 * like any user's file) and the demo accounts, once: when the {@code admin} account does
 * not exist yet.
 */
@Component
class DemoDataLoader extends StartupTask {

	/**
	 * After the national lists (loaded in an earlier phase by the unit module) and before
	 * the web server opens its port.
	 */
	static final int PHASE = StartupTask.WEB_SERVER - 10;

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final UserManagement users;

	private final UnitManagement units;

	private final UnitImports imports;

	private final boolean enabled;

	DemoDataLoader(UserManagement users, UnitManagement units, UnitImports imports,
			@Value("${ntm.seed.demo:true}") boolean enabled) {
		super(PHASE);
		this.users = users;
		this.units = units;
		this.imports = imports;
		this.enabled = enabled;
	}

	@Override
	protected void run() {
		if (!enabled) {
			return;
		}
		SystemTask.run(() -> {
			if (users.findByUsername("admin").isPresent()) {
				return;
			}
			try (InputStream villages = new ClassPathResource("seed/villages.csv").getInputStream()) {
				var job = imports.importNow("seed/villages.csv", villages.readAllBytes());
				log.info("Seed villages: {}", job.summary());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			for (DemoAccounts.Account account : DemoAccounts.all()) {
				UnitRef unit = units.findByCode(account.unitCode(), account.at())
					.orElseThrow(() -> new IllegalStateException("Seed unit " + account.unitCode() + " missing"));
				users.create(new UserForm(account.username(), account.fullName(), null, null, account.organization(),
						account.role(), Set.of(unit.id()), account.criteria()), DemoAccounts.PASSWORD);
			}
			log.info("Created {} demo accounts (password in README)", DemoAccounts.all().size());
		});
	}

}
