package vn.ntm.assessment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ntm.audit.AuditLog;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The appraisal is the result (issue 10, section 2): when the health officer agrees
 * criterion 15 as met that the commune stated not met, and the levels above appraise 16
 * and 19 otherwise than the commune, the approved result, the summary, the notation, the
 * matrix and the exports follow the appraisals, each marked where it differs from the
 * self-assessment, which stays beside it. Xã Cẩm Hà (Hội An, Quảng Nam), 2023.
 */
@IntegrationTest
class AppraisalTests {

	private static final String STATED = "\"met\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"16\",\"17\",\"18\",\"19\"],"
			+ " \"notMet\": [\"15\"], \"statedMetCount\": 18";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	AuditLog audit;

	static RequestPostProcessor as(UserView user) {
		return httpBasic(user.username(), TestData.PASSWORD);
	}

	@Test
	void shouldMakeTheAppraisedVerdictTheResultEverywhereAndKeepTheSelfAssessment() throws Exception {
		long unit = data.unit("20422", TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		long hoiAn = data.unit("503", TestData.BEFORE_REFORM).id();
		UserView communeOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20422");
		RequestPostProcessor commune = as(communeOfficer);
		UserView healthOfficer = data.user(Role.CRITERION_OFFICER, TestData.BEFORE_REFORM, "49");
		RequestPostProcessor health = as(healthOfficer);
		RequestPostProcessor district = as(data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "503"));
		RequestPostProcessor province = as(data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49"));
		long id = SystemTask.call(() -> assessments.open(new NewAssessment(unit, set, 2023, null, null, null))).id();

		mvc.perform(put("/api/v1/assessments/{id}/entries", id).with(commune)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{" + STATED + ", \"expectedVersion\": 0}")).andExpect(status().isOk());
		step(commune, id, "submit", 1).andExpect(status().isOk());
		// the commune does not appraise; the officer appraises 15 by checking it
		appraise(commune, id, "15", null, true, "tự thẩm định", 2).andExpect(status().isForbidden());
		appraise(health, id, "15", null, true, "Đã có số liệu BHXH", 2).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("khi kiểm tra tiêu chí")));
		mvc.perform(
				put("/api/v1/assessments/{id}/checks/15", id).with(health)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"expectedVersion\": 2, \"verdict\": \"AGREED\", \"appraisedMet\": true,"
							+ " \"reason\": \"Đã có số liệu BHXH huyện: 95,6% tham gia BHYT\"}"))
			.andExpect(status().isOk());

		// the summary no longer says "Chưa đạt: 15"
		mvc.perform(get("/api/v1/units/{id}/summary", unit).param("set", String.valueOf(set))
			.param("year", "2023")
			.with(district))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.met").value(19))
			.andExpect(jsonPath("$.notation").value("19"))
			.andExpect(jsonPath("$.unmet[*].number", not(hasItem("15"))))
			.andExpect(jsonPath("$.titleReasons[*]", not(hasItem(containsString("Chưa đạt: 15")))))
			.andExpect(jsonPath("$.appraised[0].number").value("15"))
			.andExpect(jsonPath("$.appraised[0].selfText").value("Không đạt"))
			.andExpect(jsonPath("$.appraised[0].appraisedText").value("Đạt"));

		// the district reviews and finds 16 not met; the province finds 19 not met
		appraise(district, id, "16", null, false, "Thôn Cẩm Hà 2 chưa đạt chuẩn văn hóa", 3).andExpect(status().isOk())
			.andExpect(jsonPath("$.appraisals[0].stage").value("REVIEW"));
		step(district, id, "review", 4).andExpect(status().isOk());
		appraise(province, id, "19", null, false, "Chưa đủ hồ sơ quốc phòng", 5).andExpect(status().isOk());
		step(province, id, "approve", 6).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

		// the approved result, everywhere
		mvc.perform(get("/api/v1/assessments/{id}/evaluation", id).with(commune))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.evaluation.summary.notation").value("17 (16, 19)"))
			.andExpect(jsonPath("$.evaluation.summary.appraised", contains("15", "16", "19")))
			.andExpect(jsonPath("$.evaluation.criteria[?(@.number == '15')].status", contains("MET")))
			.andExpect(jsonPath("$.evaluation.criteria[?(@.number == '15')].selfStatus", contains("NOT_MET")))
			.andExpect(jsonPath("$.evaluation.criteria[?(@.number == '15')].basis", contains("APPRAISED")))
			.andExpect(jsonPath("$.evaluation.criteria[?(@.number == '19')].appraisal.stage", contains("APPROVE")));
		mvc.perform(get("/units/{id}/summary", unit).param("set", String.valueOf(set))
			.param("year", "2023")
			.with(user(communeOfficer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">17 (16, 19)<")))
			.andExpect(content().string(containsString("id=\"appraised-15\"")))
			.andExpect(content().string(containsString("17/19 tiêu chí đạt; chưa đạt: 16, 19")))
			.andExpect(content().string(not(containsString("id=\"unmet-15\""))));
		mvc.perform(get("/api/v1/units/{id}/evaluations/matrix", hoiAn).param("set", String.valueOf(set))
			.param("year", "2023")
			.with(province))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[?(@.unitId == " + unit + ")].notation", contains("17 (16, 19)")))
			.andExpect(jsonPath("$.rows[?(@.unitId == " + unit + ")].cells.15", contains("MET")))
			.andExpect(jsonPath("$.rows[?(@.unitId == " + unit + ")].selfAssessed.15", contains("NOT_MET")))
			.andExpect(jsonPath("$.rows[?(@.unitId == " + unit + ")].selfAssessed.19", contains("MET")));
		mvc.perform(get("/units/{id}/evaluations/matrix", hoiAn).param("set", String.valueOf(set))
			.param("year", "2023")
			.with(user(healthOfficer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"appraised-mark\"")))
			.andExpect(content().string(containsString("id=\"appraised-legend\"")));

		// the exports
		List<List<String>> matrix = rows(mvc
			.perform(get("/units/{id}/evaluations/matrix.xlsx", hoiAn).param("set", String.valueOf(set))
				.param("year", "2023")
				.with(user(healthOfficer.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), 0);
		List<String> header = matrix.get(2);
		List<String> line = matrix.stream()
			.filter(r -> !r.isEmpty() && r.get(0).contains("Cẩm Hà"))
			.findFirst()
			.orElseThrow();
		assertThat(line.get(header.indexOf("15"))).isEqualTo("Đạt *");
		assertThat(line.get(header.indexOf("16"))).isEqualTo("Không đạt *");
		assertThat(line).contains("17 (16, 19)");
		assertThat(matrix).anySatisfy(r -> assertThat(r).anySatisfy(c -> assertThat(c).startsWith("* kết quả theo")));
		List<List<String>> summary = rows(mvc
			.perform(get("/units/{id}/summary.xlsx", unit).param("set", String.valueOf(set))
				.param("year", "2023")
				.with(user(communeOfficer.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), 0);
		assertThat(summary).anySatisfy(r -> assertThat(r).startsWith("Kết quả (ghi theo văn bản)", "17 (16, 19)"));
		assertThat(summary).anySatisfy(r -> assertThat(r).startsWith("15")
			.anySatisfy(c -> assertThat(c).isEqualTo("đơn vị tự đánh giá Không đạt → theo kiểm tra, thẩm định Đạt")));

		// the unit's own entry is untouched, and every appraisal is a step and audited
		mvc.perform(get("/api/v1/assessments/{id}", id).with(commune)).andExpect(jsonPath("$.notMet", contains("15")));
		mvc.perform(get("/api/v1/assessments/{id}/workflow", id).with(commune))
			.andExpect(jsonPath("$.steps[*].action", hasItem("APPRAISE_REVIEW")))
			.andExpect(jsonPath("$.steps[*].action", hasItem("APPRAISE_APPROVE")));
		assertThat(SystemTask.call(() -> audit.historyOf("assessment", String.valueOf(id), 50)))
			.anySatisfy(e -> assertThat(e.summary()).startsWith("Kết luận tiêu chí 19 (thẩm định): Không đạt"));
	}

	/**
	 * Every criterion but 15 stated met: a submitted assessment has data for every
	 * criterion (criterion 15 has its figure).
	 */
	private static final String OTHER_CRITERIA_MET = "\"met\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"16\",\"17\",\"18\",\"19\"]";

	@Test
	void shouldLetTheCriterionOfficerAppraiseItsIndicators() throws Exception {
		long unit = data.unit("20425", TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		RequestPostProcessor commune = as(data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20425"));
		RequestPostProcessor health = as(data.user(Role.CRITERION_OFFICER, TestData.BEFORE_REFORM, "49"));
		long id = SystemTask.call(() -> assessments.open(new NewAssessment(unit, set, 2022, null, null, null))).id();
		mvc.perform(put("/api/v1/assessments/{id}/entries", id).with(commune)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"values\": {\"15.1\": {\"number\": 96}}, " + OTHER_CRITERIA_MET + ", \"expectedVersion\": 0}"))
			.andExpect(status().isOk());
		step(commune, id, "submit", 1).andExpect(status().isOk());
		// a reason is required; an indicator of another criterion is not the officer's
		appraise(health, id, "15", "15.3", false, null, 2).andExpect(status().isUnprocessableContent());
		appraise(health, id, "14", "14.2", false, "không phải việc của y tế", 2).andExpect(status().isForbidden());
		appraise(health, id, "15", "15.3", false, "Tỷ lệ thấp còi 24% theo TTYT huyện", 2).andExpect(status().isOk())
			.andExpect(jsonPath("$.appraisals[0].indicator").value("15.3"))
			.andExpect(jsonPath("$.appraisals[0].stage").value("CHECK"));
		mvc.perform(get("/api/v1/assessments/{id}/evaluation", id).with(commune))
			.andExpect(jsonPath("$.evaluation.criteria[?(@.number == '15')].status", contains("NOT_MET")))
			.andExpect(jsonPath("$.evaluation.criteria[?(@.number == '15')].reasons[*].text",
					hasItem(containsString("chỉ tiêu chưa đạt: 15.3"))));
		// withdrawn: the commune's own figures decide again
		appraise(health, id, "15", "15.3", null, null, 3).andExpect(status().isOk())
			.andExpect(jsonPath("$.appraisals").isEmpty());
	}

	@Test
	void shouldTakeTheUpperLevelsAppraisalFromTheWorkflowPage() throws Exception {
		long unit = data.unit("20425", TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		RequestPostProcessor commune = as(data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20425"));
		UserView districtOffice = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "503");
		long id = SystemTask.call(() -> assessments.open(new NewAssessment(unit, set, 2021, null, null, null))).id();
		mvc.perform(put("/api/v1/assessments/{id}/entries", id).with(commune)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{" + STATED + ", \"expectedVersion\": 0}")).andExpect(status().isOk());
		step(commune, id, "submit", 1).andExpect(status().isOk());
		mvc.perform(get("/assessments/{id}/workflow", id).with(user(districtOffice.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"mt-1 appraise-form\"")));
		// a reason is required, beside the form
		mvc.perform(post("/assessments/{id}/appraisals", id).with(user(districtOffice.username()))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("expectedVersion", "2")
			.param("criterion", "16")
			.param("target", "16")
			.param("met", "false")).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/assessments/{id}/appraisals", id).with(user(districtOffice.username()))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("expectedVersion", "2")
			.param("criterion", "16")
			.param("target", "16")
			.param("met", "false")
			.param("reason", "Thôn Tân Thành chưa đạt chuẩn văn hóa")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/assessments/{id}/workflow", id).with(user(districtOffice.username())))
			.andExpect(content().string(containsString("16: Không đạt — Thôn Tân Thành chưa đạt chuẩn văn hóa")));
		mvc.perform(get("/api/v1/assessments/{id}/evaluation", id).with(commune))
			.andExpect(jsonPath("$.evaluation.summary.notation").value("17 (15, 16)"));
	}

	ResultActions step(RequestPostProcessor who, long id, String action, int version) throws Exception {
		return mvc.perform(post("/api/v1/assessments/{id}/" + action, id).with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"expectedVersion\": " + version + "}"));
	}

	ResultActions appraise(RequestPostProcessor who, long id, String criterion, String indicator, Boolean met,
			String reason, int version) throws Exception {
		return mvc.perform(post("/api/v1/assessments/{id}/appraisals", id).with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"expectedVersion\": " + version + ", \"criterion\": \"" + criterion + "\""
					+ (indicator == null ? "" : ", \"indicator\": \"" + indicator + "\"")
					+ (met == null ? "" : ", \"met\": " + met)
					+ (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}"));
	}

	static List<List<String>> rows(byte[] xlsx, int sheetIndex) throws Exception {
		DataFormatter formatter = new DataFormatter();
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(sheetIndex);
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < row.getLastCellNum(); c++) {
						cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
					}
				}
				rows.add(cells);
			}
		}
		return rows;
	}

}
