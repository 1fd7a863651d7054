package vn.ntm.recognition;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.criteria.engine.RevocationVerdict;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The revocation-risk list: a commune holding NTM whose latest result fails 10 of 19
 * criteria, income among them, crosses the QĐ 18/2022 shares (the engine's verdict) and
 * is listed with its failing criteria and the rule crossed; one failing 5 is not; an
 * earlier failing result is not the latest. Page, .xlsx read back, API, access.
 */
@IntegrationTest
class RevocationRiskTests {

	private static final LocalDate AT = LocalDate.of(2025, 1, 15);

	@Autowired
	RevocationRisks risks;

	@Autowired
	Titles titles;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Autowired
	UnitManagement units;

	/**
	 * A new commune under Tam Kỳ holding Xã NTM from 2022, its results of the years
	 * given.
	 */
	private UnitRef communeFailing(String name, Map<Integer, List<String>> notMetByYear) {
		UnitRef commune = data.commune("502", name);
		long set = data.setId("QD318_XA_NTM");
		SystemTask.call(() -> titles.award(commune.id(), new NewTitleAward("XA_NTM", 2022, LocalDate.of(2022, 12, 20),
				"1234/QĐ-UBND", "UBND tỉnh Quảng Nam", null, null)));
		notMetByYear.forEach((year, notMet) -> SystemTask.call(() -> {
			AssessmentView opened = assessments.open(new NewAssessment(commune.id(), set, year, null, null, null));
			List<String> met = IntStream.rangeClosed(1, 19)
				.mapToObj(String::valueOf)
				.filter(n -> !notMet.contains(n))
				.toList();
			return assessments.record(opened.id(),
					new AssessmentEntry(Map.of(), met, notMet, null, null, opened.rowVersion()));
		}));
		return commune;
	}

	@Test
	void shouldListTheCommuneWhoseLatestResultCrossesTheShares() throws Exception {
		UnitRef failing = communeFailing("Xã Nguy Cơ",
				Map.of(2024, List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")));
		UnitRef five = communeFailing("Xã Năm Tiêu Chí", Map.of(2024, List.of("2", "3", "4", "5", "6")));
		UnitRef recovered = communeFailing("Xã Phục Hồi",
				Map.of(2023, List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), 2024, List.of("17")));
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		UserView city = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");

		RiskList list = SatisfactionSurveysTests.as(city, () -> risks.below(tamKy, AT));

		assertThat(list.crossing()).filteredOn(r -> r.unitId() == failing.id()).singleElement().satisfies(r -> {
			assertThat(r.outcome()).isEqualTo(RevocationVerdict.Outcome.REVOKE);
			assertThat(r.titleCode()).isEqualTo("XA_NTM");
			assertThat(r.year()).isEqualTo(2024);
			assertThat(r.failing()).isEqualTo(10);
			assertThat(r.total()).isEqualTo(19);
			assertThat(r.failingShare()).isEqualTo("52,63");
			assertThat(r.failingCriteria()).extracting(RevocationRisk.FailingCriterion::number)
				.containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
			assertThat(r.failingCriteria()).filteredOn(c -> c.number().equals("10"))
				.singleElement()
				.satisfies(c -> assertThat(c.critical()).isTrue());
			assertThat(r.rule()).isNotNull();
			assertThat(r.rule().key()).isEqualTo("engine.revocation.byShare");
			assertThat(r.readable()).isTrue();
		});
		assertThat(list.crossing()).extracting(RevocationRisk::unitId).doesNotContain(five.id(), recovered.id());
		assertThat(list.undecided()).extracting(RevocationRisk::unitId).doesNotContain(five.id(), recovered.id());
		assertThat(list.holders()).isGreaterThanOrEqualTo(3);
		// before the title was awarded nobody below held it: not listed
		assertThat(SatisfactionSurveysTests.as(city, () -> risks.below(tamKy, LocalDate.of(2022, 6, 30))).crossing())
			.extracting(RevocationRisk::unitId)
			.doesNotContain(failing.id());

		// the page, the .xlsx and the API say the same
		mvc.perform(get("/units/{id}/revocation-risk", tamKy).param("at", "15/01/2025").with(user(city.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/units/" + failing.id() + "\"")))
			.andExpect(content().string(containsString("10/19 (52,63%)")))
			.andExpect(content().string(containsString("trọng yếu")))
			.andExpect(content().string(containsString("Từ 50% tiêu chí trở lên không đạt")))
			.andExpect(content().string(not(containsString("data-unit=\"" + five.id() + "\""))));
		byte[] xlsx = mvc
			.perform(get("/units/{id}/revocation-risk.xlsx", tamKy).param("at", "15/01/2025")
				.with(user(city.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = new ArrayList<>();
			workbook.getSheetAt(0).forEach(rows::add);
			assertThat(rows.get(0).getCell(0).getStringCellValue()).contains("15/01/2025");
			Row row = rows.stream()
				.filter(x -> x.getCell(0).getStringCellValue().equals(failing.fullName()))
				.findFirst()
				.orElseThrow();
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("10/19");
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("52,63%");
			assertThat(row.getCell(5).getStringCellValue()).contains("10 — ").contains("(trọng yếu)");
			assertThat(row.getCell(7).getStringCellValue()).isEqualTo("Thuộc diện thu hồi");
			assertThat(rows).noneMatch(x -> x.getCell(0).getStringCellValue().equals(five.fullName()));
		}
		mvc.perform(
				get("/api/v1/units/{id}/revocation-risk", tamKy).param("at", "2025-01-15").with(user(city.username())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.crossing[?(@.unitId == " + failing.id() + ")].failingShare").value("52,63"))
			.andExpect(
					jsonPath("$.crossing[?(@.unitId == " + failing.id() + ")].failingCriteria[9].number").value("10"))
			.andExpect(jsonPath("$.crossing[*].unitId", not(hasItem((int) five.id()))));
		mvc.perform(get("/api/v1/units/{id}/revocation-risk", tamKy).param("at", "hôm qua").with(user(city.username())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("hôm qua")));
	}

	@Test
	void shouldListADistrictThirtyPercentOfWhoseCommunesWereRevoked() {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		String code = TestData.unique("T");
		UnitRef district = SystemTask.call(() -> units.create(new NewUnit(code, "Huyện Kiểm Thử " + TestData.unique(""),
				UnitType.HUYEN, quangNam, LocalDate.of(2020, 1, 1), null)));
		List<UnitRef> communes = List.of(data.commune(code, "Xã Một"), data.commune(code, "Xã Hai"),
				data.commune(code, "Xã Ba"));
		List<TitleAward> awards = communes.stream()
			.map(c -> SystemTask.call(() -> titles.award(c.id(),
					new NewTitleAward("XA_NTM", 2021, LocalDate.of(2021, 12, 1), "1/QĐ-UBND", "UBND tỉnh Quảng Nam",
							null, null))))
			.toList();
		SystemTask.call(() -> titles.award(district.id(), new NewTitleAward("HUYEN_NTM", 2023,
				LocalDate.of(2023, 12, 1), "2/QĐ-TTg", "Thủ tướng Chính phủ", null, null)));
		UserView province = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");

		// none revoked yet: the district has no result, it is only without one
		RiskList before = SatisfactionSurveysTests.as(province, () -> risks.below(district.id(), AT));
		assertThat(before.crossing()).isEmpty();
		SystemTask.call(() -> titles.revoke(awards.get(0).id(),
				new Revocation(LocalDate.of(2024, 6, 1), "3/QĐ-UBND", "UBND tỉnh Quảng Nam", "Không duy trì tiêu chí"),
				awards.get(0).rowVersion()));

		RiskList list = SatisfactionSurveysTests.as(province, () -> risks.below(quangNam, AT));
		assertThat(list.crossing()).filteredOn(r -> r.unitId() == district.id()).singleElement().satisfies(r -> {
			assertThat(r.outcome()).isEqualTo(RevocationVerdict.Outcome.REVOKE);
			assertThat(r.assessmentId()).isNull();
			assertThat(r.communes().revoked()).isEqualTo(1);
			assertThat(r.communes().communes()).isEqualTo(3);
			assertThat(r.communes().describe()).isEqualTo("1/3 (33,3%)");
			assertThat(r.rule().key()).isEqualTo("recognition.risk.byCommunes");
		});
		assertThat(list.withoutResult()).noneMatch(name -> name.startsWith(district.fullName()));
		// before the revocation, not listed
		assertThat(SatisfactionSurveysTests.as(province, () -> risks.below(quangNam, LocalDate.of(2024, 5, 31)))
			.crossing()).extracting(RevocationRisk::unitId).doesNotContain(district.id());
	}

	@Test
	void shouldRefuseAReaderOutsideTheParent() throws Exception {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		UserView other = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "509");
		mvc.perform(get("/api/v1/units/{id}/revocation-risk", tamKy).with(user(other.username())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/units/{id}/revocation-risk", tamKy).with(user(other.username())))
			.andExpect(status().isForbidden());
	}

}
