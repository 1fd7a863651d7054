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
		plan = NationalUnitLoader.buildPlan(JsonMapper.builder().build());
	}

	static long countAt(int level, LocalDate at) {
		return plan.units.stream()
			.flatMap(u -> u.versions.stream())
			.filter(v -> v.type().level() == level)
			.filter(v -> (v.from() == null || !v.from().isAfter(at)) && (v.to() == null || !v.to().isBefore(at)))
			.count();
	}

	@Test
	void shouldHoldTheListOf2021On1January2022() {
		LocalDate at = LocalDate.of(2022, 1, 1);
		assertThat(countAt(1, at)).isEqualTo(63);
		assertThat(countAt(2, at)).isEqualTo(705);
		assertThat(countAt(3, at)).isEqualTo(10_599);
	}

	@Test
	void shouldHoldTheListInForceUntilTheReformOn30June2025() {
		LocalDate at = ReformPlan.LAST_OLD_DAY;
		assertThat(countAt(1, at)).isEqualTo(63);
		assertThat(countAt(2, at)).isEqualTo(696);
		assertThat(countAt(3, at)).isEqualTo(10_035);
	}

	@Test
	void shouldGiveEveryChangeBetweenReleasesAsARange() {
		List<PlannedEvent> history = plan.events.stream()
			.filter(e -> e.source().equals(NationalLists.HISTORY_SOURCE))
			.toList();
		assertThat(history).isNotEmpty()
			.allSatisfy(e -> assertThat(e.after()).isNotNull().isBefore(e.date()))
			.allSatisfy(e -> assertThat(e.date()).isBefore(ReformPlan.REFORM_DATE));
		assertThat(plan.events.stream().filter(e -> e.source().equals(NationalLists.REFORM_SOURCE)))
			.allSatisfy(e -> assertThat(e.after()).isNull());
		// every version boundary of a unit is an event of that unit
		for (PlannedUnit unit : plan.units) {
			for (int i = 1; i < unit.versions.size(); i++) {
				LocalDate from = unit.versions.get(i).from();
				assertThat(plan.events.stream()
					.anyMatch(e -> e.date().equals(from) && e.links().stream().anyMatch(l -> l.unitKey() == unit.key)))
					.as("event for %s on %s", unit.versions.get(i).fullName(), from)
					.isTrue();
			}
		}
	}

	@Test
	void shouldEndBachMaiAndRenameQuynhLoiBetweenTwoReleases() {
		PlannedUnit bachMai = unitWithCode("00286", null).orElseThrow();
		assertThat(bachMai.versions).hasSize(1);
		assertThat(bachMai.last().name()).isEqualTo("Bạch Mai");
		assertThat(bachMai.last().to()).isEqualTo(LocalDate.of(2025, 1, 10));
		PlannedEvent end = eventOf(bachMai, "ENDED");
		assertThat(end.kind()).isEqualTo(ChangeKind.MERGE);
		assertThat(end.after()).isEqualTo(LocalDate.of(2024, 11, 9));
		assertThat(end.date()).isEqualTo(LocalDate.of(2025, 1, 11));
		assertThat(end.note()).isEqualTo(ReformPlan.UNKNOWN_RECEIVER);
		assertThat(end.links()).hasSize(1);
		assertThat(plan.issues).anySatisfy(i -> {
			assertThat(i.unitKey()).isEqualTo(bachMai.key);
			assertThat(i.kind()).isEqualTo("UNKNOWN_SUCCESSOR");
			assertThat(i.eventIndex()).isEqualTo(plan.events.indexOf(end));
			assertThat(i.message()).contains("giữa 09/11/2024 và 11/01/2025", "chưa rõ đơn vị tiếp nhận");
		});

		PlannedUnit quynhLoi = unitWithCode("00292", null).orElseThrow();
		assertThat(quynhLoi.versions.get(0).name()).isEqualTo("Quỳnh Lôi");
		assertThat(quynhLoi.versions.get(0).to()).isEqualTo(LocalDate.of(2025, 1, 10));
		assertThat(quynhLoi.versions.get(1).name()).isEqualTo("Bạch Mai");
		assertThat(quynhLoi.versions.get(1).to()).isEqualTo(ReformPlan.LAST_OLD_DAY);
		PlannedEvent rename = eventOf(quynhLoi, "CONTINUED");
		assertThat(rename.kind()).isEqualTo(ChangeKind.RENAME);
		assertThat(rename.after()).isEqualTo(LocalDate.of(2024, 11, 9));
		assertThat(rename.date()).isEqualTo(LocalDate.of(2025, 1, 11));
		// the 2025 mapping names 00292 "Phường Bạch Mai": an exact match on the list it
		// was written for
		assertThat(plan.mappingRows).filteredOn(r -> "00292".equals(r.row().oldCode())).allSatisfy(r -> {
			assertThat(r.status()).isEqualTo("MATCHED");
			assertThat(r.oldKey()).isEqualTo(quynhLoi.key);
		});
		assertThat(plan.issues).noneSatisfy(i -> assertThat(i.unitKey()).isEqualTo(quynhLoi.key));
	}

	@Test
	void shouldEndGoVapsPhuong15AndRenamePhuong13() {
		PlannedUnit old15 = unitWithCode("26869", null).orElseThrow();
		assertThat(old15.last().name()).isEqualTo("15");
		assertThat(old15.last().to()).isEqualTo(LocalDate.of(2025, 1, 10));
		assertThat(eventOf(old15, "ENDED").note()).isEqualTo(ReformPlan.UNKNOWN_RECEIVER);
		PlannedUnit old13 = unitWithCode("26872", null).orElseThrow();
		assertThat(old13.versions.get(0).name()).isEqualTo("13");
		assertThat(old13.versions.get(1).name()).isEqualTo("15");
		assertThat(eventOf(old13, "CONTINUED").kind()).isEqualTo(ChangeKind.RENAME);
		// rows without a code that name "Phường 13, Quận Gò Vấp" are the former name of
		// 26872
		assertThat(plan.mappingRows)
			.filteredOn(r -> r.row().oldCode() == null && "Phường 13".equals(r.row().oldName())
					&& "Quận Gò Vấp".equals(r.row().oldDistrictName()))
			.isNotEmpty()
			.allSatisfy(r -> {
				assertThat(r.oldKey()).isEqualTo(old13.key);
				assertThat(r.cause()).isEqualTo("OLD_NO_CODE_BY_FORMER_NAME");
			});
		// 26869 is named by no row: it had ended before the mapping was written
		assertThat(plan.mappingRows).noneSatisfy(r -> assertThat(r.oldKey()).isEqualTo(old15.key));
	}

	@Test
	void shouldNeverAcceptARowAgainstItsOwnName() {
		Map<Integer, PlannedUnit> byKey = new java.util.HashMap<>();
		plan.units.forEach(u -> byKey.put(u.key, u));
		for (ReformPlan.PlannedMappingRow row : plan.mappingRows) {
			if (row.oldKey() == null || row.row().oldName() == null) {
				continue;
			}
			PlannedUnit old = byKey.get(row.oldKey());
			boolean anyName = old.versions.stream()
				.anyMatch(v -> ReformPlan.sameKey(v.fullName()).equals(ReformPlan.sameKey(row.row().oldName())));
			assertThat(anyName).as("row %d: %s", row.row().id(), row.row().oldName()).isTrue();
			assertThat(old.versions.stream().anyMatch(v -> LocalDate.of(2025, 6, 30).equals(v.to()))).isTrue();
		}
		for (ReformPlan.PlannedMappingRow row : plan.mappingRows) {
			if (row.newKey() == null) {
				continue;
			}
			PlannedVersion nw = byKey.get(row.newKey()).last();
			assertThat(ReformPlan.sameKey(nw.fullName())).as("row %d", row.row().id())
				.isEqualTo(ReformPlan.sameKey(row.row().newName()));
		}
	}

	@Test
	void shouldCountTheRowsNotMatchedExactlyByCause() {
		Map<String, Long> causes = new java.util.TreeMap<>();
		plan.mappingRows.forEach(r -> causes.merge(String.valueOf(r.cause()), 1L, Long::sum));
		Map<String, Long> statuses = new java.util.TreeMap<>();
		plan.mappingRows.forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
		assertThat(causes).isEqualTo(EXPECTED_CAUSES);
		assertThat(statuses).isEqualTo(EXPECTED_STATUSES);
		assertThat(plan.mappingRows).filteredOn(r -> r.cause() == null)
			.allSatisfy(r -> assertThat(r.status()).isEqualTo("MATCHED"));
	}

	/** The counts in docs/unit-data.md. */
	static final Map<String, Long> EXPECTED_CAUSES = Map.of("null", 10_006L, "OLD_DISTRICT_FORMER_NAME", 23L,
			"OLD_NAME_DIFFERS", 5L, "OLD_NOT_GIVEN", 5L, "OLD_NO_CODE_BY_FORMER_NAME", 392L, "OLD_NO_CODE_BY_NAME", 25L,
			"OLD_NO_CODE_ENDED", 486L, "OLD_NO_CODE_NOT_FOUND", 35L);

	static final Map<String, Long> EXPECTED_STATUSES = Map.of("MATCHED", 10_006L, "MATCHED_WITH_NOTE", 440L,
			"UNMATCHED", 531L);

	private static PlannedEvent eventOf(PlannedUnit unit, String role) {
		return plan.events.stream()
			.filter(e -> e.links().stream().anyMatch(l -> l.unitKey() == unit.key && l.role().equals(role)))
			.filter(e -> e.kind() != ChangeKind.ABOLISH_LEVEL)
			.findFirst()
			.orElseThrow();
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
		assertThat(abolitions.get(0).links()).hasSize(696).allSatisfy(l -> assertThat(l.role()).isEqualTo("ENDED"));
	}

	@Test
	void shouldNotSendAnyProvinceIntoSeveralProvinces() {
		assertThat(plan.issueCounts()).doesNotContainKey("PROVINCE_SPLIT");
	}

	@Test
	void shouldRecordCommunesTheMappingDoesNotMentionAsIssues() {
		Map<String, Integer> issues = plan.issueCounts();
		// Xã Ia Mơ (23938, not in the mapping) and the five "Thị trấn NT …" whose rows
		// name them otherwise
		assertThat(issues.get("NO_SUCCESSOR")).isEqualTo(6);
		// 568 communes, 12 codes shown only in v2.3.0 and 11 districts left the list
		// (Phường Cầu Đất's code
		// 11353 → 11344 is a change of code, not an end)
		assertThat(issues.get("UNKNOWN_SUCCESSOR")).isEqualTo(590);
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
