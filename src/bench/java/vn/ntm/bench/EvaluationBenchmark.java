package vn.ntm.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.IndicatorSource;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.ValueType;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.SystemTask;

/**
 * Evaluating every commune of the country for one set and year (QĐ 318 xã NTM, 10,599 communes on
 * 31/12/2024) against the cost of only reading what was entered for them.
 * <p>
 * The set-up writes a synthetic assessment for every commune twice: for 2023 with criterion-level results
 * only (19 per commune, as all five seeds report), for 2024 with a value for every entered indicator
 * (numbers 0–100, yes/no) and no criterion results, so that every criterion is computed from its
 * indicators. The rows are written straight with SQL (the facade would audit 10,599 saves).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx2g" })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 6)
public class EvaluationBenchmark {

	static final LocalDate END_2024 = LocalDate.of(2024, 12, 31);

	AppUnderTest app;

	AssessmentManagement assessments;

	UnitManagement units;

	JdbcClient jdbc;

	long country;

	long setId;

	long quangNam;

	@Setup(Level.Trial)
	public void start() throws Exception {
		app = AppUnderTest.start();
		assessments = app.bean(AssessmentManagement.class);
		units = app.bean(UnitManagement.class);
		jdbc = app.bean(JdbcClient.class);
		CriteriaCatalog catalog = app.bean(CriteriaCatalog.class);
		country = SystemTask.call(units::countryId);
		quangNam = SystemTask.call(() -> units.findByCode("49", END_2024)).orElseThrow().id();
		setId = SystemTask.call(() -> catalog.inForce("QD318_XA_NTM", END_2024)).orElseThrow().id();
		SetDefinition set = SystemTask.call(() -> catalog.definition(setId));
		List<Long> communes = SystemTask.call(() -> units.descendants(country, END_2024))
			.stream()
			.filter(u -> u.level() == 3 && "XA".equals(u.type().name()))
			.map(UnitRef::id)
			.toList();
		Long[] ids = communes.toArray(Long[]::new);
		for (int year : new int[] { 2023, 2024 }) {
			jdbc.sql("""
					insert into assessment (unit_id, set_id, year, as_of, created_at, created_by, source)
					select u, :set, :year, make_date(:year, 12, 31), now(), 'bench', 'synthetic'
					from unnest(:units) u
					on conflict do nothing""")
				.param("set", setId)
				.param("year", year)
				.param("units", ids)
				.update();
		}
		List<String> criteria = set.criteria().stream().map(CriterionDef::number).toList();
		jdbc.sql("""
				insert into assessment_claim (assessment_id, criterion_number, met, entered_by, entered_at)
				select a.id, c, random() < 0.85, 'bench', now()
				from assessment a cross join unnest(:criteria) c
				where a.set_id = :set and a.year = 2023 and a.created_by = 'bench'""")
			.param("criteria", criteria.toArray(String[]::new))
			.param("set", setId)
			.update();
		List<String> numbers = new ArrayList<>();
		List<String> flags = new ArrayList<>();
		for (CriterionDef criterion : set.criteria()) {
			for (IndicatorDef indicator : criterion.indicators()) {
				if (!(indicator.source() instanceof IndicatorSource.Entered)) {
					continue;
				}
				if (indicator.type().numeric()) {
					numbers.add(indicator.code());
				}
				else if (indicator.type() == ValueType.BOOLEAN) {
					flags.add(indicator.code());
				}
			}
		}
		jdbc.sql("""
				insert into assessment_value (assessment_id, indicator_code, value_num, entered_by, entered_at)
				select a.id, c, round((random() * 100)::numeric, 2)::text, 'bench', now()
				from assessment a cross join unnest(:codes) c
				where a.set_id = :set and a.year = 2024 and a.created_by = 'bench'""")
			.param("codes", numbers.toArray(String[]::new))
			.param("set", setId)
			.update();
		jdbc.sql("""
				insert into assessment_value (assessment_id, indicator_code, value_bool, entered_by, entered_at)
				select a.id, c, random() < 0.9, 'bench', now()
				from assessment a cross join unnest(:codes) c
				where a.set_id = :set and a.year = 2024 and a.created_by = 'bench'""")
			.param("codes", flags.toArray(String[]::new))
			.param("set", setId)
			.update();
		jdbc.sql("analyze").update();
		System.out.println("Communes on 31/12/2024: " + communes.size() + "; indicators entered: " + numbers.size()
				+ " numbers, " + flags.size() + " yes/no; evaluated from criteria (2023): "
				+ evaluateCountryFromCriteria() + ", from indicators (2024): " + evaluateCountryFromIndicators());
	}

	@TearDown(Level.Trial)
	public void stop() {
		app.close();
	}

	/** Every commune of the country, QĐ 318 xã NTM, 2023, from criterion-level results. */
	@Benchmark
	public int evaluateCountryFromCriteria() {
		return count(SystemTask.call(() -> assessments.evaluateWithin(country, setId, 2023)));
	}

	/** The same for 2024, every criterion computed from its indicators' values. */
	@Benchmark
	public int evaluateCountryFromIndicators() {
		return count(SystemTask.call(() -> assessments.evaluateWithin(country, setId, 2024)));
	}

	/**
	 * The floor: the units of the country as of the date and every value entered for 2024, read from the
	 * database into memory, without evaluating anything.
	 */
	@Benchmark
	public int readCountryValues() {
		int unitCount = SystemTask.call(() -> units.descendants(country, END_2024)).size();
		List<Object[]> rows = jdbc.sql("""
				select v.assessment_id, v.indicator_code, v.value_num, v.value_den, v.value_bool, v.value_text
				from assessment a join assessment_value v on v.assessment_id = a.id
				where a.set_id = :set and a.year = 2024""")
			.param("set", setId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5), rs.getString(6) })
			.list();
		return unitCount + rows.size();
	}

	/**
	 * The matrix page of a pre-reform province (Quảng Nam: 203 xã on 31/12/2024) × 19 criteria, 2023,
	 * rendered.
	 */
	@Benchmark
	public int provinceMatrixPage() throws Exception {
		return app.get("/units/" + quangNam + "/evaluations/matrix?set=" + setId + "&year=2023").length();
	}

	/** The matrix of every commune of the country (8,248 × 19), 2023, as a streamed .xlsx. */
	@Benchmark
	public int countryMatrixXlsx() throws Exception {
		return app.bytes("/units/" + country + "/evaluations/matrix.xlsx?set=" + setId + "&year=2023").length;
	}

	/**
	 * The same .xlsx with the heap held to 512 MB (the forked JVM runs the whole application): memory stays
	 * bounded because rows stream (SXSSF, 200 rows in memory) and only the evaluations are held.
	 */
	@Benchmark
	@Fork(value = 1, jvmArgs = { "-Xms256m", "-Xmx512m" })
	public int countryMatrixXlsxIn512MB() throws Exception {
		return countryMatrixXlsx();
	}

	/** The progress of submissions and appraisals of Quảng Nam's 203 xã, 2023, rendered. */
	@Benchmark
	public int provinceProgressPage() throws Exception {
		return app.get("/units/" + quangNam + "/assessments/progress?set=" + setId + "&year=2023").length();
	}

	private static int count(List<UnitEvaluation> evaluations) {
		int met = 0;
		for (UnitEvaluation evaluation : evaluations) {
			met += evaluation.evaluation().summary().met();
		}
		return evaluations.size() * 100 + met % 100;
	}

}
