package vn.ntm.assessment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10, section 2: indicators stated met or not met without their figure, through the
 * entry page and the API; and one owner for a valid value — the entry page and the API
 * refuse what the Excel upload refuses (150 %, −20, 15/10, fractional counts, English
 * grouping), NUL and control characters with 400, unbounded texts and dates out of range,
 * each naming its field. Xã Cẩm Thanh (Hội An), 2023.
 */
@IntegrationTest
class ValueEntryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	long ntm;

	long unit;

	UserView officer;

	RequestPostProcessor api;

	@BeforeEach
	void setUp() {
		ntm = data.setId("QD318_XA_NTM");
		unit = data.unit("20431", TestData.BEFORE_REFORM).id();
		officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20431");
		api = httpBasic(officer.username(), TestData.PASSWORD);
	}

	private AssessmentView assessment(int year) {
		return SystemTask.call(() -> assessments.find(unit, ntm, year)
			.orElseGet(() -> assessments.open(new NewAssessment(unit, ntm, year, null, null, null))));
	}

	private ResultActions entries(long id, String body, int version) throws Exception {
		return mvc.perform(put("/api/v1/assessments/{id}/entries", id).with(api)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{" + body + ", \"expectedVersion\": " + version + "}"));
	}

	@Test
	void shouldTakeIndicatorsStatedMetOrNotMetWithAReasonThroughTheApiAndThePage() throws Exception {
		AssessmentView opened = assessment(2023);
		entries(opened.id(), "\"values\": {\"15.3\": {\"verdict\": false}}", opened.rowVersion())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].where").value("Chỉ tiêu 15.3 › Ghi chú (lý do)"))
			.andExpect(jsonPath("$.problems[0].message", containsString("phải nêu lý do")));
		entries(opened.id(),
				"\"values\": {\"15.3\": {\"verdict\": false, \"note\": \"Báo cáo tiến độ: 15.3 chưa đạt\"},"
						+ " \"15.1\": {\"verdict\": true, \"note\": \"BHXH xác nhận\"}}",
				opened.rowVersion())
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/assessments/{id}/evaluation", opened.id()).with(api))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.evaluation.criteria[?(@.number == '15')].status", contains("NOT_MET")))
			.andExpect(jsonPath("$.evaluation.criteria[?(@.number == '15')].reasons[*].text",
					hasItem(containsString("chỉ tiêu chưa đạt: 15.3"))))
			.andExpect(
					jsonPath("$.evaluation.criteria[?(@.number == '15')].indicators[?(@.code == '15.3')].value.verdict",
							contains(false)))
			.andExpect(jsonPath("$.evaluation.summary.indicatorsTotal", greaterThan(40)))
			.andExpect(jsonPath("$.evaluation.summary.indicatorsMet").value(1));
		mvc.perform(get("/api/v1/assessments/{id}", opened.id()).with(api))
			.andExpect(jsonPath("$.values['15.3'].verdict").value(false))
			.andExpect(jsonPath("$.values['15.3'].reason").value("Báo cáo tiến độ: 15.3 chưa đạt"));

		// the entry page shows and saves them
		mvc.perform(get("/assessments/{id}/entry", opened.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"j.15.3\""),
					containsString("<option value=\"false\" selected=\"selected\">Không đạt</option>"),
					containsString("value=\"Báo cáo tiến độ: 15.3 chưa đạt\""))));
		int version = SystemTask.call(() -> assessments.get(opened.id())).rowVersion();
		mvc.perform(post("/assessments/{id}/entries", opened.id()).param("expectedVersion", String.valueOf(version))
			.param("j.15.3", "true")
			.param("note.15.3", "Đã đạt theo báo cáo quý IV")
			.param("j.14.2", "false")
			.with(user(officer.username()))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"err-14-2\""), containsString("phải nêu lý do"))));
		mvc.perform(post("/assessments/{id}/entries", opened.id()).param("expectedVersion", String.valueOf(version))
			.param("j.15.3", "true")
			.param("note.15.3", "Đã đạt theo báo cáo quý IV")
			.with(user(officer.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(SystemTask.call(() -> assessments.values(opened.id())).get("15.3"))
			.isEqualTo(ValueInput.verdict(true, "Đã đạt theo báo cáo quý IV"));
		mvc.perform(get("/units/{id}/summary", unit).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"indicator-ratio\"")));
	}

	@Test
	void shouldRefuseOnTheApiAndThePageWhatTheUploadRefusesNamingTheField() throws Exception {
		AssessmentView opened = assessment(2022);
		int v = opened.rowVersion();
		entries(opened.id(), "\"values\": {\"3.1\": {\"number\": 150}}", v).andExpect(status().isUnprocessableContent())
			.andExpect(
					jsonPath("$.problems[0].message").value("Chỉ tiêu 3.1 — Giá trị: tỷ lệ 150% phải từ 0 đến 100%."));
		entries(opened.id(), "\"values\": {\"10\": {\"number\": -20}}", v).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].message").value("Chỉ tiêu 10 — Giá trị: không được âm (-20)."));
		entries(opened.id(), "\"values\": {\"3.1\": {\"numerator\": 15, \"denominator\": 10}}", v)
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					jsonPath("$.problems[0].message").value("Chỉ tiêu 3.1 — Tử số: tử số (15) lớn hơn mẫu số (10)."));
		entries(opened.id(), "\"values\": {\"3.1\": {\"number\": 80, \"note\": \"có\\u0000NUL\"}}", v)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].where").value("Chỉ tiêu 3.1 › Ghi chú (lý do)"));
		entries(opened.id(), "\"values\": {\"3.1\": {\"number\": 80, \"source\": \"" + "x".repeat(100_000) + "\"}}", v)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].message").value("Chỉ tiêu 3.1 — Nguồn: dài 100.000 ký tự, tối đa 500."));
		entries(opened.id(), "\"met\": [\"1\"], \"source\": \"" + "x".repeat(100_000) + "\"", v)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].where").value("Nguồn"));
		assertThat(SystemTask.call(() -> assessments.get(opened.id())).rowVersion()).isEqualTo(v);

		// the page: the same rules, beside the field
		mvc.perform(post("/assessments/{id}/entries", opened.id()).param("expectedVersion", String.valueOf(v))
			.param("v.3.1", "150")
			.with(user(officer.username()))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(allOf(containsString("id=\"err-3-1\""), containsString("tỷ lệ 150% phải từ 0 đến 100%"))));
		mvc.perform(post("/assessments/{id}/entries", opened.id()).param("expectedVersion", String.valueOf(v))
			.param("v.10", "1,234,567")
			.with(user(officer.username()))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"err-10\""),
					containsString("không phải là số viết theo kiểu Việt Nam"))));
		mvc.perform(post("/assessments/{id}/entries", opened.id()).param("expectedVersion", String.valueOf(v))
			.param("n.3.1", "15")
			.param("d.3.1", "10")
			.with(user(officer.username()))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("tử số (15) lớn hơn mẫu số (10)")));
		assertThat(SystemTask.call(() -> assessments.values(opened.id()))).isEmpty();

		// a count is whole wherever it comes from (the city's population, ad hoc)
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long city = data.setId("QD320_TX_TP_HTNV");
		mvc.perform(post("/api/v1/evaluations").with(httpBasic("tamky", "NtmDemo@2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + tamKy + ", \"setId\": " + city
					+ ", \"asOf\": \"2024-12-31\", \"values\": {\"5.2\": {\"number\": 2.5}}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].message")
				.value("Chỉ tiêu 5.2 — Giá trị: phải là số nguyên, không phải 2,5."));
	}

	@Test
	void shouldRefuseADateNobodyMeans() throws Exception {
		long other = data.unit("20437", TestData.BEFORE_REFORM).id();
		mvc.perform(post("/api/v1/assessments").with(httpBasic("quangnam", "NtmDemo@2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + other + ", \"setId\": " + ntm + ", \"year\": 2023, \"asOf\": \"0001-01-01\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].where", containsString("Ngày số liệu")))
			.andExpect(jsonPath("$.problems[0].message").value("Ngày phải từ 01/01/1900 đến 31/12/2100."));
		mvc.perform(post("/api/v1/assessments").with(httpBasic("quangnam", "NtmDemo@2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + other + ", \"setId\": " + ntm + ", \"year\": 2023, \"source\": \"a\\u0000b\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].message", containsString("ký tự điều khiển")));
	}

}
