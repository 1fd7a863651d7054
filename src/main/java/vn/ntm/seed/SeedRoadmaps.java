package vn.ntm.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.planning.PlanSummary;
import vn.ntm.planning.Planning;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.StartupTask;
import vn.ntm.targets.RoadmapCriteriaForm;
import vn.ntm.targets.RoadmapTargetForm;
import vn.ntm.targets.Roadmaps;

/**
 * The roadmaps of the seed documents ({@code seed/roadmaps.yaml}): seed 001's communes
 * and districts per title and year, seed 000's titles and criteria counts per commune for
 * 2024, entered once through the roadmap facade (validated and audited like anyone's) in
 * the seed step {@code roadmaps}, after the seed plans. Names are looked up as written
 * among the units below the root at the plan's date; a name that resolves to no unit or
 * to several is reported ({@link Loaded#unresolved()}) and entered nowhere.
 */
@Component
class SeedRoadmaps extends StartupTask {

	static final String STEP = "roadmaps";

	static final String RESOURCE = "seed/roadmaps.yaml";

	private static final Logger log = LoggerFactory.getLogger(SeedRoadmaps.class);

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Roadmaps roadmaps;

	private final Planning planning;

	private final UnitManagement units;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	SeedRoadmaps(Roadmaps roadmaps, Planning planning, UnitManagement units, JdbcClient jdbc,
			TransactionTemplate transaction) {
		super(SeedLoader.PHASE + 2);
		this.roadmaps = roadmaps;
		this.planning = planning;
		this.units = units;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	record File(List<PlanRow> plans) {
	}

	/**
	 * A plan's targets: from a source text, or from the seed plan of {@code planUnit}
	 * with the title {@code planTitle}; names looked up below {@code root} at {@code at}.
	 */
	record PlanRow(@Nullable String source, @Nullable String planUnit, @Nullable String planTitle, String root,
			LocalDate at, List<TargetRow> targets, @Nullable List<CountRow> criteria) {
	}

	record TargetRow(String title, int year, int level, @Nullable LocalDate due, String names, @Nullable String note) {
	}

	record CountRow(String title, int year, int count, String names) {
	}

	/**
	 * What was entered, and the names that did not resolve ("Tà Bhing (không tìm thấy)").
	 */
	record Loaded(int targets, int criteria, List<String> unresolved) {
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
			Loaded loaded = load(read());
			jdbc.sql("insert into seed_step (name) values (:name)").param("name", STEP).update();
			log.info("Seed roadmaps: {} targets, {} criteria counts", loaded.targets(), loaded.criteria());
			if (!loaded.unresolved().isEmpty()) {
				log.warn("Seed roadmaps: names not entered (no single unit with the name as written): {}",
						loaded.unresolved());
			}
		}));
	}

	Loaded load(File file) {
		int targets = 0;
		int criteria = 0;
		List<String> unresolved = new ArrayList<>();
		for (PlanRow plan : file.plans()) {
			UnitRef root = units.findByCode(plan.root(), plan.at())
				.orElseThrow(() -> new IllegalStateException("Seed unit " + plan.root() + " missing at " + plan.at()));
			List<UnitRef> below = units.descendants(root.id(), plan.at());
			Long planId = plan.planUnit() == null ? null : planId(plan);
			for (TargetRow row : plan.targets()) {
				for (String name : names(row.names())) {
					UnitRef unit = resolve(below, name, row.level(), unresolved);
					if (unit != null) {
						roadmaps.addTarget(new RoadmapTargetForm(unit.id(), row.title(), row.year(), planId,
								plan.source(), row.due(), row.note(), null));
						targets++;
					}
				}
			}
			for (CountRow row : plan.criteria() == null ? List.<CountRow>of() : plan.criteria()) {
				for (String name : names(row.names())) {
					UnitRef unit = resolve(below, name, 3, unresolved);
					if (unit != null) {
						roadmaps.setCriteriaTarget(new RoadmapCriteriaForm(unit.id(), row.title(), row.year(),
								row.count(), planId, plan.source(), null, null));
						criteria++;
					}
				}
			}
		}
		return new Loaded(targets, criteria, unresolved);
	}

	private long planId(PlanRow plan) {
		UnitRef unit = units.findByCode(plan.planUnit(), plan.at())
			.orElseThrow(() -> new IllegalStateException("Seed unit " + plan.planUnit() + " missing"));
		return planning.plans(unit.id())
			.stream()
			.filter(p -> p.unitId() == unit.id() && p.title().equals(plan.planTitle()))
			.map(PlanSummary::id)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Seed plan missing: " + plan.planTitle()));
	}

	static List<String> names(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/**
	 * The one unit of the level with the name as written (a leading "xã " is the type);
	 * else none, with the name reported.
	 */
	static @Nullable UnitRef resolve(List<UnitRef> below, String written, int level, List<String> unresolved) {
		String name = nfc(written);
		if (level == 3 && name.toLowerCase(Locale.ROOT).startsWith("xã ")) {
			name = name.substring(3).strip();
		}
		String wanted = name;
		List<UnitRef> found = below.stream().filter(u -> u.level() == level && nfc(u.name()).equals(wanted)).toList();
		if (found.size() == 1) {
			return found.get(0);
		}
		unresolved.add(written + (found.isEmpty() ? " (không tìm thấy)" : " (" + found.size() + " đơn vị trùng tên)"));
		return null;
	}

	private static String nfc(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	static File read() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return YAML.readValue(in, File.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
