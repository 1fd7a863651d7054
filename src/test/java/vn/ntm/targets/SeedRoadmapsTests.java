package vn.ntm.targets;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed roadmaps as the documents state them: seed 001's communes per title and year
 * and its districts (less the names written otherwise than the unit list spells them,
 * entered nowhere), seed 000's titles and criteria counts of Tam Kỳ's four communes, the
 * two conflicts between the city's and the province's plans.
 */
@IntegrationTest
class SeedRoadmapsTests {

	/**
	 * The source text the seed gives seed 001's targets (other tests enter their own).
	 */
	static final String SEED_001 = "KH .../KH-UBND tháng 01/2024 của UBND tỉnh Quảng Nam (thực hiện";

	@Autowired
	Roadmaps roadmaps;

	@Autowired
	TestData data;

	List<RoadmapTarget> province(String title, int year) {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		return SystemTask.call(() -> roadmaps.targetsBelow(quangNam, title, year))
			.stream()
			.filter(t -> t.source() != null && t.source().startsWith(SEED_001))
			.toList();
	}

	@Test
	void shouldHoldSeed001sTargetsAsWritten() {
		// II.1.a names 8 communes; "Tà Bhing" is spelt "Tà Bhinh" in the unit list: not
		// entered
		assertThat(province("XA_NTM", 2024)).hasSize(7)
			.extracting(RoadmapTarget::unitName)
			.anySatisfy(n -> assertThat(n).startsWith("Xã Đại Chánh"));
		assertThat(province("XA_NTM", 2024))
			.allSatisfy(t -> assertThat(t.dossierDue()).isEqualTo(LocalDate.of(2024, 10, 30)));
		// II.1.b names 14; "Bhalêê", "Axan", "Mà Cooih" are "Bha Lê", "A Xan", "Mà Cooi"
		// there
		assertThat(province("XA_NTM", 2025)).hasSize(11);
		assertThat(province("XA_NTM_NANG_CAO", 2024)).hasSize(17);
		assertThat(province("XA_NTM_NANG_CAO", 2025)).hasSize(44);
		assertThat(province("XA_NTM_KIEU_MAU", 2024)).hasSize(5);
		assertThat(province("XA_NTM_KIEU_MAU", 2025)).hasSize(19);
		assertThat(province("HUYEN_NTM", 2024)).singleElement()
			.satisfies(t -> assertThat(t.unitName()).startsWith("Huyện Tiên Phước"));
		assertThat(province("HUYEN_NTM", 2025)).hasSize(4);
		assertThat(province("THI_XA_TP_HTNV", 2025)).singleElement()
			.satisfies(t -> assertThat(t.unitName()).startsWith("Thành phố Hội An"));
		assertThat(province("HUYEN_NTM_NANG_CAO", 2025)).hasSize(2);
	}

	@Test
	void shouldHoldSeed000sCountsAndShowTheConflictsWithTheProvince() {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		List<RoadmapCriteriaTarget> counts = SystemTask.call(() -> roadmaps.criteriaTargetsBelow(tamKy, 2024))
			.stream()
			.filter(c -> c.planLabel() != null && c.planLabel().contains("thành phố Tam Kỳ"))
			.toList();
		assertThat(counts).hasSize(8);
		assertThat(counts).filteredOn(c -> c.titleCode().equals("XA_NTM_NANG_CAO") && c.criteriaCount() == 18)
			.extracting(RoadmapCriteriaTarget::unitName)
			.hasSize(2)
			.allSatisfy(n -> assertThat(n).containsAnyOf("Tam Phú", "Tam Thăng"));
		assertThat(counts).allSatisfy(c -> assertThat(c.planLabel()).contains("thành phố Tam Kỳ"));

		List<RoadmapConflict> conflicts = SystemTask.call(() -> roadmaps.conflictsBelow(tamKy, null))
			.stream()
			.filter(c -> c.unitName().startsWith("Xã Tam "))
			.toList();
		assertThat(conflicts).hasSize(2).allSatisfy(c -> {
			assertThat(c.titleCode()).isEqualTo("XA_NTM_KIEU_MAU");
			assertThat(c.targets()).extracting(RoadmapTarget::year).containsExactly(2024, 2025);
		});
		assertThat(conflicts.get(0).describe()).contains("NTM kiểu mẫu năm 2024 theo", "năm 2025 theo");
	}

}
