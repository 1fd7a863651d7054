package vn.ntm.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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
import vn.ntm.planning.DutyForm;
import vn.ntm.planning.PlanForm;
import vn.ntm.planning.Planning;
import vn.ntm.planning.ReportingDuties;
import vn.ntm.planning.TaskForm;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.StartupTask;

/**
 * The plans of the seed documents ({@code seed/plans.yaml}: seeds 000, 002 and 004;
 * {@code seed/plans-003.yaml}: Xuân Lương): their sections, tasks as written and
 * criterion assignments, entered once through the planning facade (validated and audited
 * like anyone's), after the seed villages and accounts. Each file is a step of its own in
 * {@code seed_step} ({@code plans}, {@code plans-003}), so a database loaded before a
 * file existed gets it at its next start.
 */
@Component
class SeedPlans extends StartupTask {

	static final String STEP = "plans";

	/** The files and the step that records each, in the order they are loaded. */
	static final List<Source> SOURCES = List.of(new Source(STEP, "seed/plans.yaml"),
			new Source("plans-003", "seed/plans-003.yaml"));

	private static final Logger log = LoggerFactory.getLogger(SeedPlans.class);

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Planning planning;

	private final ReportingDuties duties;

	private final UnitManagement units;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	SeedPlans(Planning planning, ReportingDuties duties, UnitManagement units, JdbcClient jdbc,
			TransactionTemplate transaction) {
		super(SeedLoader.PHASE + 1);
		this.planning = planning;
		this.duties = duties;
		this.units = units;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	record File(List<PlanRow> plans) {
	}

	/** A file of plans and the seed step that records it loaded. */
	record Source(String step, String resource) {
	}

	record PlanRow(String unit, LocalDate at, @Nullable String number, @Nullable LocalDate issuedOn, String issuer,
			int yearFrom, int yearTo, String title, @Nullable String legalBases, @Nullable String implementsPlans,
			@Nullable String source, @Nullable String criteriaSet, @Nullable List<AssignmentRow> assignments,
			List<SectionRow> sections, @Nullable List<DutyRow> duties) {
	}

	/**
	 * A report owed: by the unit with the code (or a village of the plan's unit), to the
	 * recipient.
	 */
	record DutyRow(@Nullable String unit, @Nullable String village, String recipient, @Nullable String recipientUnit,
			String title, String schedule, LocalDate startsOn, @Nullable LocalDate endsOn) {
	}

	record AssignmentRow(String person, @Nullable String position, List<String> criteria) {
	}

	record SectionRow(@Nullable String number, String title, List<TaskRow> tasks) {
	}

	record TaskRow(@Nullable String number, String title, @Nullable String description, boolean milestone,
			@Nullable String village, @Nullable String criterion, @Nullable String indicator, @Nullable String agency,
			@Nullable String person, @Nullable String position, @Nullable String helpers, @Nullable String deadline,
			@Nullable String quantity, @Nullable String qtyUnit, @Nullable String money, @Nullable String moneySource,
			@Nullable String note) {
	}

	@Override
	protected void run() {
		for (Source source : SOURCES) {
			boolean done = jdbc.sql("select exists(select 1 from seed_step where name = :name)")
				.param("name", source.step())
				.query(Boolean.class)
				.single();
			if (done) {
				continue;
			}
			SystemTask.run(() -> transaction.executeWithoutResult(status -> {
				int tasks = load(read(source.resource()));
				jdbc.sql("insert into seed_step (name) values (:name)").param("name", source.step()).update();
				log.info("Seed plans ({}): {} tasks", source.resource(), tasks);
			}));
		}
	}

	/** Enters every plan of the file; returns how many tasks. */
	int load(File file) {
		int count = 0;
		for (PlanRow row : file.plans()) {
			UnitRef unit = units.findByCode(row.unit(), row.at())
				.orElseThrow(() -> new IllegalStateException("Seed unit " + row.unit() + " missing at " + row.at()));
			long planId = planning.createPlan(
					new PlanForm(unit.id(), row.number(), row.issuedOn(), row.issuer(), row.yearFrom(), row.yearTo(),
							row.title(), row.legalBases(), row.implementsPlans(), row.source(), row.criteriaSet()));
			if (row.assignments() != null) {
				for (AssignmentRow a : row.assignments()) {
					for (String criterion : a.criteria()) {
						planning.assign(planId, criterion, a.person(), a.position());
					}
				}
			}
			for (SectionRow section : row.sections()) {
				long sectionId = planning.addSection(planId, section.number(), section.title());
				for (TaskRow t : section.tasks()) {
					List<Long> concerned = t.village() == null ? List.of()
							: List.of(village(unit, t.village(), row.at()).id());
					planning.addTask(planId,
							new TaskForm(sectionId, t.number(), t.title(), t.description(), t.milestone(),
									t.criterion(), t.indicator(), concerned, t.agency(), t.person(), t.position(), null,
									t.helpers(), t.deadline(), decimal(t.quantity()), t.qtyUnit(), decimal(t.money()),
									t.moneySource(), t.note()));
					count++;
				}
			}
			if (row.duties() != null) {
				for (DutyRow d : row.duties()) {
					UnitRef owes = d.village() != null ? village(unit, d.village(), row.at())
							: d.unit() != null ? code(d.unit(), row.at()) : unit;
					Long to = d.recipientUnit() == null ? null : code(d.recipientUnit(), row.at()).id();
					duties.create(new DutyForm(owes.id(), to, d.recipient(), d.title(), d.schedule(), d.startsOn(),
							d.endsOn(), planId));
				}
			}
		}
		return count;
	}

	private UnitRef code(String code, LocalDate at) {
		return units.findByCode(code, at)
			.orElseThrow(() -> new IllegalStateException("Seed unit " + code + " missing at " + at));
	}

	private UnitRef village(UnitRef commune, String name, LocalDate at) {
		return units.children(commune.id(), at)
			.stream()
			.filter(c -> c.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Seed village " + name + " missing in " + commune.code()));
	}

	private static @Nullable BigDecimal decimal(@Nullable String value) {
		return value == null ? null : new BigDecimal(value);
	}

	static File read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return YAML.readValue(in, File.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
