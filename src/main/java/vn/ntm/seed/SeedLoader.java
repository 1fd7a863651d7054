package vn.ntm.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.orgunit.UnitImports;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserForm;
import vn.ntm.security.UserManagement;
import vn.ntm.shared.StartupTask;
import vn.ntm.shared.VnFormat;

/**
 * Loads the start-up data once, each step recorded in {@code seed_step}:
 * <ul>
 * <li>the seed villages, through the ordinary import (validated and audited like any
 * user's file);</li>
 * <li>the results and titles the seed documents state, then those results recorded as
 * decided by their documents (approved as of the document's date);</li>
 * <li>the goals of seed 001 (Quảng Nam 2024–2025) and the national goals reported for
 * 2030, through the goals facade ({@link SeedGoals});</li>
 * <li>the first accounts: the demo accounts when {@code ntm.seed.demo} is on (by default
 * only for the README's {@code ./mvnw spring-boot:run} on the embedded database, see
 * {@code vn.ntm.platform.db.ServerExposure}), otherwise one administrator {@code admin}
 * with the password given in {@code ntm.admin.initial-password}
 * ({@code NTM_ADMIN_PASSWORD}), to be changed at first use.</li>
 * </ul>
 */
@Component
class SeedLoader extends StartupTask {

	/**
	 * After the national lists (loaded in an earlier phase by the unit module) and before
	 * the web server opens its port.
	 */
	static final int PHASE = StartupTask.WEB_SERVER - 10;

	static final String VILLAGES = "villages";

	static final String ACCOUNTS = "accounts";

	static final String RESULTS = "results";

	/**
	 * The demo's 2026 drafts against QĐ 51/2025 (demo only; never approved: apart from
	 * {@link #RESULTS_DECIDED}).
	 */
	static final String DRAFTS_2026 = "demo-drafts-2026";

	/** The goals of seed 001 and the national goals reported for 2030. */
	static final String GOALS = "goals-001";

	/** The seed results recorded as decided by their documents (approved, dated). */
	static final String RESULTS_DECIDED = "results-decided";

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	private final UserManagement users;

	private final UnitManagement units;

	private final UnitImports imports;

	private final JdbcClient jdbc;

	private final SeedResults results;

	private final boolean demo;

	private final DemoDrafts drafts;

	private final String adminPassword;

	private final SeedGoals goals;

	SeedLoader(UserManagement users, UnitManagement units, UnitImports imports, JdbcClient jdbc, SeedResults results,
			DemoDrafts drafts, SeedGoals goals, @Value("${ntm.seed.demo:false}") boolean demo,
			@Value("${ntm.admin.initial-password:}") String adminPassword) {
		super(PHASE);
		this.users = users;
		this.units = units;
		this.imports = imports;
		this.jdbc = jdbc;
		this.results = results;
		this.drafts = drafts;
		this.demo = demo;
		this.adminPassword = adminPassword;
		this.goals = goals;
	}

	@Override
	protected void run() {
		SystemTask.run(() -> {
			step(VILLAGES, this::loadVillages);
			step(RESULTS, this::loadResults);
			step(RESULTS_DECIDED, () -> log.info("Seed results decided by their documents: {}", results.decide()));
			step(GOALS, () -> log.info("Seed goals: {}", goals.load()));
			step(ACCOUNTS, this::createAccounts);
			if (demo) {
				step(DRAFTS_2026, () -> log.info("Demo drafts for 2026: {}", drafts.open()));
			}
		});
	}

	/**
	 * Runs the step unless recorded, then records it; a step that fails stops the
	 * start-up and is tried again at the next one (each step saves all or nothing).
	 */
	private void step(String name, Runnable work) {
		boolean done = jdbc.sql("select exists(select 1 from seed_step where name = :name)")
			.param("name", name)
			.query(Boolean.class)
			.single();
		if (!done) {
			work.run();
			jdbc.sql("insert into seed_step (name) values (:name)").param("name", name).update();
		}
	}

	private void loadVillages() {
		try (InputStream villages = new ClassPathResource("seed/villages.csv").getInputStream()) {
			var job = imports.importNow("seed/villages.csv", villages.readAllBytes());
			log.info("Seed villages: {}", job.summary());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void loadResults() {
		int[] loaded = results.load();
		log.info("Seed results: {} titles, {} assessments", loaded[0], loaded[1]);
	}

	private void createAccounts() {
		if (users.findByUsername("admin").isPresent()) {
			return;
		}
		if (demo) {
			for (DemoAccounts.Account account : DemoAccounts.all()) {
				UnitRef unit = units.findByCode(account.unitCode(), account.at())
					.orElseThrow(() -> new IllegalStateException("Seed unit " + account.unitCode() + " missing"));
				users.create(new UserForm(account.username(), account.fullName(), null, null, account.organization(),
						account.role(), Set.of(unit.id()), account.criteria()), DemoAccounts.PASSWORD);
			}
			log.info("Created {} demo accounts (password in README)", DemoAccounts.all().size());
			return;
		}
		if (adminPassword.isBlank()) {
			throw new IllegalStateException(
					"No user account exists yet: set NTM_ADMIN_PASSWORD (ntm.admin.initial-password)"
							+ " for the first administrator 'admin' (or run ./mvnw spring-boot:run on this machine for the"
							+ " demo accounts)");
		}
		UnitRef country = units.findByCode("VN", VnFormat.today())
			.orElseThrow(() -> new IllegalStateException("The country unit is missing"));
		users.create(new UserForm("admin", "Quản trị hệ thống", null, null, null, Role.ADMIN, Set.of(country.id()),
				Set.of()), adminPassword);
		log.info("Created the first administrator 'admin'; change its password at first use");
	}

}
