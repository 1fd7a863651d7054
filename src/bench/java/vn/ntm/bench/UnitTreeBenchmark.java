package vn.ntm.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
import vn.ntm.orgunit.TreeNode;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UnitDirectory;

/**
 * How fast the unit hierarchy answers with the whole country loaded (14,600 units, 37 villages): the tree
 * page of a province with all its descendants, the same tree as a query, the country as JSON, a search
 * without diacritics, a scope check and a unit page with its history.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx2g" })
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
public class UnitTreeBenchmark {

	static final LocalDate MID_2024 = LocalDate.of(2024, 6, 30);

	AppUnderTest app;

	UnitManagement units;

	UnitDirectory directory;

	long quangNam;

	long country;

	long tamThanh;

	long village;

	@Setup(Level.Trial)
	public void start() throws Exception {
		app = AppUnderTest.start();
		units = app.bean(UnitManagement.class);
		directory = app.bean(UnitDirectory.class);
		quangNam = SystemTask.call(() -> units.findByCode("49", MID_2024)).orElseThrow().id();
		country = SystemTask.call(units::countryId);
		tamThanh = SystemTask.call(() -> units.findByCode("20359", MID_2024)).orElseThrow().id();
		village = SystemTask.call(() -> units.children(tamThanh, MID_2024)).get(0).id();
		int size = SystemTask.call(() -> units.tree(quangNam, MID_2024, 3)).size();
		System.out.println("Tỉnh Quảng Nam on 30/06/2024: " + size + " units in the tree");
	}

	@TearDown(Level.Trial)
	public void stop() {
		app.close();
	}

	/** GET /units?root=Quảng Nam&at=30/06/2024: 18 districts, 241 communes, 24 villages, rendered. */
	@Benchmark
	public int provinceTreePage() throws Exception {
		return app.get("/units?root=" + quangNam + "&at=2024-06-30").length();
	}

	/** The same tree through the facade (the recursive query and the tree building). */
	@Benchmark
	public TreeNode provinceTreeQuery() {
		return SystemTask.call(() -> units.tree(quangNam, MID_2024, 3));
	}

	/** GET /api/v1/units/{country}/descendants?at=2024-06-30: 11,404 units as JSON. */
	@Benchmark
	public int countryDescendantsApi() throws Exception {
		return app.get("/api/v1/units/" + country + "/descendants?at=2024-06-30").length();
	}

	/** Search "hung my" over every version of every unit. */
	@Benchmark
	public List<UnitRef> searchWithoutDiacritics() {
		return SystemTask.call(() -> units.search("hung my", null, 20));
	}

	/** Is a village of Tam Thanh within Quảng Nam (walk up parents and lineage)? */
	@Benchmark
	public boolean scopeCheck() {
		return directory.isWithin(village, Set.of(quangNam));
	}

	/** GET /units/{Tam Thanh}?at=01/07/2025: unit page with versions, lineage and audit. */
	@Benchmark
	public int unitPage() throws Exception {
		return app.get("/units/" + tamThanh + "?at=2025-07-01").length();
	}

}
