package vn.ntm.assessment;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A unit's assessment summary: Tam Thanh's 2023 result as seed 000 writes it, "17 (16,
 * 19)", compared with a 2022 assessment written here, "17 (2, 16)" with 50% for indicator
 * 16 — criterion 2 newly met, 19 no longer met, indicator 16 from 50% to nothing — on the
 * page, in the .xlsx, in the API, and nothing for other communes.
 */
@IntegrationTest
class SummaryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	long tamThanh;

	long ntm;

	@BeforeEach
	void setUp() {
		tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		ntm = data.setId("QD318_XA_NTM");
		if (SystemTask.call(() -> assessments.find(tamThanh, ntm, 2022)).isEmpty()) {
			AssessmentView opened = SystemTask
				.call(() -> assessments.open(new NewAssessment(tamThanh, ntm, 2022, null, "Báo cáo năm 2022", null)));
			List<String> met = new ArrayList<>();
			for (int i = 1; i <= 19; i++) {
				if (i != 2 && i != 16) {
					met.add(String.valueOf(i));
				}
			}
			Map<String, ValueInput> values = new HashMap<>();
			values.put("16", ValueInput.number(new BigDecimal("50")));
			SystemTask.run(() -> assessments.record(opened.id(),
					new AssessmentEntry(values, met, List.of("2", "16"), 17, "Báo cáo năm 2022", opened.rowVersion())));
		}
	}

	@Test
	void shouldSummariseTheYearAndTheChangeSinceTheYearBefore() throws Exception {
		mvc.perform(get("/units/{id}/summary", tamThanh).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user("tamthanh")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Tóm tắt đánh giá Xã Tam Thanh — QD318_XA_NTM v"),
					containsString(">17/19<"), containsString(">17 (16, 19)<"), containsString("Chưa đủ điều kiện"),
					containsString("id=\"unmet-16\""), containsString("id=\"unmet-19\""),
					containsString("So với năm 2022"), containsString(">17 (2, 16)<"), containsString(">17 → 17<"),
					containsString("Đã thẩm định, phê duyệt"))))
			.andExpect(content().string(matchesPattern("(?s).*id=\"newly-met\".*>2<.*id=\"no-longer-met\".*>19<.*")))
			.andExpect(content().string(matchesPattern("(?s).*id=\"value-changes\".*>16<.*>50%<.*>—<.*")))
			.andExpect(content().string(containsString("summary.xlsx?set=")));
		mvc.perform(get("/units/{id}/summary", tamThanh).param("set", String.valueOf(ntm))
			.param("year", "2022")
			.with(user("tamthanh")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">17 (2, 16)<")));
		// nothing in 2020 (before the set's period, so nobody can have opened one): said
		// so
		mvc.perform(get("/units/{id}/summary", tamThanh).param("set", String.valueOf(ntm))
			.param("year", "2021")
			.with(user("tamthanh")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chưa có kỳ đánh giá năm 2020 theo bộ tiêu chí QD318_XA_NTM")));
	}

	@Test
	void shouldBeLinkedFromTheEvaluationAndTheUnitsList() throws Exception {
		long id = SystemTask.call(() -> assessments.find(tamThanh, ntm, 2023)).orElseThrow().id();
		mvc.perform(get("/assessments/{id}/summary", id).with(user("tamthanh")))
			.andExpect(redirectedUrl("/units/" + tamThanh + "/summary?set=" + ntm + "&year=2023"));
		mvc.perform(get("/units/{id}/evaluation", tamThanh).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user("tamthanh"))).andExpect(content().string(containsString("id=\"to-summary\"")));
		mvc.perform(get("/evaluations").param("unit", String.valueOf(tamThanh)).with(user("tamthanh")))
			.andExpect(content().string(containsString("summary-link")));
	}

	@Test
	void shouldWriteTheSummaryAsAnXlsx() throws Exception {
		byte[] xlsx = mvc
			.perform(get("/units/{id}/summary.xlsx", tamThanh).param("set", String.valueOf(ntm))
				.param("year", "2023")
				.with(user("tamky")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					allOf(containsString("filename=\"tom-tat-danh-gia-xa-tam-thanh-QD318_XA_NTM-v"),
							containsString("filename*=UTF-8''T%C3%B3m%20t%E1%BA%AFt"))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("Tóm tắt đánh giá");
			assertThat(sheet).isNotNull();
			Map<String, String> pairs = new HashMap<>();
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < row.getLastCellNum(); c++) {
						cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
					}
				}
				rows.add(cells);
				if (cells.size() >= 2) {
					pairs.put(cells.get(0), cells.get(1));
				}
			}
			assertThat(rows.get(0).get(0)).startsWith("Tóm tắt đánh giá Xã Tam Thanh — QD318_XA_NTM v")
				.endsWith("năm 2023");
			assertThat(pairs).containsEntry("Số tiêu chí đạt / tổng số", "17/19")
				.containsEntry("Kết quả (ghi theo văn bản)", "17 (16, 19)")
				.containsEntry("Số tiêu chí đạt (năm trước → năm nay)", "17 → 17")
				.containsEntry("Tiêu chí mới đạt", "2")
				.containsEntry("Tiêu chí không còn đạt", "19")
				.containsEntry("Trạng thái hồ sơ", "Đã thẩm định, phê duyệt");
			assertThat(pairs.get("Danh hiệu")).contains("Chưa đủ điều kiện");
			assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("16").contains("Không đạt"));
			assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("19").contains("Không đạt"));
			assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("16").contains("50%", "—"));
		}
	}

	@Test
	void shouldAnswerInTheApiInTheRequestsLanguage() throws Exception {
		mvc.perform(get("/api/v1/units/{id}/summary", tamThanh).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(httpBasic("tamky", "NtmDemo@2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit").value("Xã Tam Thanh"))
			.andExpect(jsonPath("$.met").value(17))
			.andExpect(jsonPath("$.total").value(19))
			.andExpect(jsonPath("$.notation").value("17 (16, 19)"))
			.andExpect(jsonPath("$.titleOutcome").value("DOES_NOT_QUALIFY"))
			.andExpect(jsonPath("$.unmet[*].number", org.hamcrest.Matchers.contains("16", "19")))
			.andExpect(jsonPath("$.unmet[0].reasons[0]").isString())
			.andExpect(jsonPath("$.change.year").value(2022))
			.andExpect(jsonPath("$.change.metBefore").value(17))
			.andExpect(jsonPath("$.change.notationBefore").value("17 (2, 16)"))
			.andExpect(jsonPath("$.change.newlyMet[0].number").value("2"))
			.andExpect(jsonPath("$.change.noLongerMet[0].number").value("19"))
			.andExpect(jsonPath("$.change.values[0].indicator").value("16"))
			.andExpect(jsonPath("$.change.values[0].before").value("50%"))
			.andExpect(jsonPath("$.change.values[0].now").value("—"));
		mvc.perform(get("/api/v1/units/{id}/summary", tamThanh).param("set", String.valueOf(ntm))
			.param("year", "2021")
			.header("Accept-Language", "en")
			.with(httpBasic("tamky", "NtmDemo@2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.change").doesNotExist())
			.andExpect(jsonPath("$.previousYear").value(2020))
			.andExpect(jsonPath("$.titleOutcomeText")
				.value(org.hamcrest.Matchers.oneOf("Qualifies", "Does not qualify", "Not enough data")));
	}

	@Test
	void shouldRefuseOfficersOfOtherCommunes() throws Exception {
		UserView outsider = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20362");
		for (String path : List.of("/units/{id}/summary", "/units/{id}/summary.xlsx", "/api/v1/units/{id}/summary")) {
			mvc.perform(get(path, tamThanh).param("set", String.valueOf(ntm))
				.param("year", "2023")
				.with(user(outsider.username()))).andExpect(status().isForbidden());
		}
	}

}
