package vn.ntm.seed;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.recognition.Dossiers;
import vn.ntm.recognition.NewDossier;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.StartupTask;

/**
 * A demo recognition dossier, opened once through the dossiers facade (seed step
 * {@code dossiers}): Xã Đại Chánh (Huyện Đại Lộc, Quảng Nam), which seed 001 names among
 * the communes to reach NTM in 2024, with its dossier due at the district before
 * 30/10/2024. The document gives no day of opening: the dossier is opened as of the last
 * day of the plan's month (01/2024) and left as a draft — nothing is known of its
 * documents or steps, so none is entered.
 */
@Component
class SeedDossiers extends StartupTask {

	static final String STEP = "dossiers";

	private static final Logger log = LoggerFactory.getLogger(SeedDossiers.class);

	private static final LocalDate PLAN_MONTH_END = LocalDate.of(2024, 1, 31);

	private final Dossiers dossiers;

	private final UnitManagement units;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	SeedDossiers(Dossiers dossiers, UnitManagement units, JdbcClient jdbc, TransactionTemplate transaction) {
		super(SeedLoader.PHASE + 2);
		this.dossiers = dossiers;
		this.units = units;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	protected void run() {
		boolean done = jdbc.sql("select exists(select 1 from seed_step where name = :name)")
			.param("name", STEP)
			.query(Boolean.class)
			.single();
		if (done) {
			return;
		}
		SystemTask.run(() -> transaction.executeWithoutResult(status -> {
			units.findByCode("20530", PLAN_MONTH_END)
				.ifPresent(daiChanh -> dossiers.open(new NewDossier(daiChanh.id(), "XA_NTM", 2024, PLAN_MONTH_END)));
			jdbc.sql("insert into seed_step (name) values (:name)").param("name", STEP).update();
			log.info("Seed dossiers: Xã Đại Chánh, NTM 2024");
		}));
	}

}
