package vn.ntm.assessment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assessment API: open, record, evaluate (stored or ad hoc, one unit or every unit
 * below a parent), with reason texts in the response, problems that name the field, stale
 * saves refused and nothing outside the caller's units.
 */
@IntegrationTest
class AssessmentApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	AssessmentManagement assessments;

	long ntm;

	long nangCao;

	UnitRef hungMy;

	RequestPostProcessor hungMyOfficer;

	@BeforeEach
	void setUp() {
		ntm = set("QD318_XA_NTM");
		nangCao = set("QD318_XA_NTM_NC");
		hungMy = data.unit("02314", TestData.BEFORE_REFORM);
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314");
		hungMyOfficer = httpBasic(officer.username(), TestData.PASSWORD);
	}

	long set(String code) {
		return SystemTask.call(() -> catalog.sets())
			.stream()
			.filter(s -> s.code().equals(code) && s.isPublished())
			.map(SetSummary::id)
			.findFirst()
			.orElseThrow();
	}

	private static final String RESULTS = "\"met\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"15\",\"17\",\"18\"],"
			+ " \"notMet\": [\"16\", \"19\"], \"statedMetCount\": 17";

	@Test
	void shouldOpenRecordAndEvaluateAnAssessment() throws Exception {
		String created = mvc
			.perform(post("/api/v1/assessments").with(hungMyOfficer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"unitId\": " + hungMy.id() + ", \"setId\": " + ntm
						+ ", \"year\": 2022, \"source\": \"Báo cáo năm 2022\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/assessments/")))
			.andExpect(jsonPath("$.asOf").value("2022-12-31"))
			.andExpect(jsonPath("$.rowVersion").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
		mvc.perform(put("/api/v1/assessments/{id}/entries", id).with(hungMyOfficer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{" + RESULTS + ", \"values\": {\"3.1\": {\"numerator\": 1276, \"denominator\": 1413}},"
					+ " \"source\": \"Báo cáo năm 2022\", \"expectedVersion\": 0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rowVersion").value(1))
			.andExpect(jsonPath("$.claimCount").value(19))
			.andExpect(jsonPath("$.valueCount").value(1));
		mvc.perform(get("/api/v1/assessments/{id}", id).with(hungMyOfficer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.values['3.1'].numerator").value(1276))
			.andExpect(jsonPath("$.values['3.1'].display").value("90,3% (1.276/1.413)"))
			.andExpect(jsonPath("$.notMet", contains("16", "19")))
			.andExpect(jsonPath("$.statedMetCount").value(17));
		mvc.perform(get("/api/v1/assessments/{id}/evaluation", id).with(hungMyOfficer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit.code").value("02314"))
			.andExpect(jsonPath("$.set.code").value("QD318_XA_NTM"))
			.andExpect(jsonPath("$.evaluation.summary.notation").value("17 (16, 19)"))
			.andExpect(jsonPath("$.evaluation.summary.ratio").value("17/19"))
			.andExpect(jsonPath("$.evaluation.revocation.outcome").value("NOT_RECOGNISED"))
			.andExpect(jsonPath("$.evaluation.revocation.label").value("Chưa được công nhận"))
			.andExpect(jsonPath("$.evaluation.criteria[2].indicators[0].code").value("3.1"))
			.andExpect(jsonPath("$.evaluation.criteria[2].indicators[0].status").value("MET"))
			.andExpect(jsonPath("$.evaluation.criteria[2].indicators[0].reasons[0].key").value("engine.indicator.met"))
			.andExpect(jsonPath("$.evaluation.criteria[2].indicators[0].reasons[0].text")
				.value("Chỉ tiêu 3.1: 90,3% (1.276/1.413) đạt yêu cầu ≥ 80%."));
		mvc.perform(get("/api/v1/units/{id}/assessments", hungMy.id()).with(hungMyOfficer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].year", hasItem(2022)));
	}

	@Test
	void shouldRefuseAStaleSave() throws Exception {
		long id = open(hungMy.id(), ntm, 2021).id();
		String entry = "{" + RESULTS + ", \"expectedVersion\": 0}";
		mvc.perform(put("/api/v1/assessments/{id}/entries", id).with(hungMyOfficer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(entry)).andExpect(status().isOk());
		mvc.perform(put("/api/v1/assessments/{id}/entries", id).with(hungMyOfficer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(entry))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("Xã Hùng Mỹ — QD318_XA_NTM v1 (2021) đã được")))
			.andExpect(jsonPath("$.changedBy").exists())
			.andExpect(jsonPath("$.detail", containsString("kết quả tiêu chí 1, 10, 11")));
	}

	@Test
	void shouldRefuseAnEntryThatDoesNotSayWhichVersionItRead() throws Exception {
		long id = open(data.unit("20362", TestData.BEFORE_REFORM).id(), ntm, 2022).id();
		mvc.perform(put("/api/v1/assessments/{id}/entries", id).with(httpBasic("admin", "NtmDemo@2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{" + RESULTS + "}")).andExpect(status().isBadRequest());
	}

	@Test
	void shouldRefuseNumbersNoFigureNeeds() throws Exception {
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		for (String number : new String[] { "1e10000000", "1234567890123456", "0.0000000000001" }) {
			mvc.perform(post("/api/v1/evaluations").with(httpBasic("tamky", "NtmDemo@2026"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"unitId\": " + tamThanh.id() + ", \"setId\": " + ntm
						+ ", \"asOf\": \"2024-12-31\", \"values\": {\"3.1\": {\"number\": " + number + "}}}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.problems[0].message", containsString("số quá lớn")));
		}
	}

	@Test
	void shouldRefuseEntriesWithEveryProblemNamingTheIndicator() throws Exception {
		long id = open(hungMy.id(), ntm, 2024).id();
		mvc.perform(put("/api/v1/assessments/{id}/entries", id).with(hungMyOfficer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"values\": {\"99.9\": {\"number\": 5}, \"3.1\": {\"flag\": true}, \"3.2\": {\"number\": 1}},"
					+ " \"met\": [\"20\"], \"expectedVersion\": 0}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("4 vấn đề")))
			.andExpect(jsonPath("$.problems", hasSize(4)))
			.andExpect(jsonPath("$.problems[*].where", hasItem("Chỉ tiêu 99.9")))
			.andExpect(jsonPath("$.problems[*].message",
					hasItem("Chỉ tiêu 99.9 không có trong bộ tiêu chí QD318_XA_NTM.")))
			.andExpect(jsonPath("$.problems[*].message",
					hasItem("Chỉ tiêu 3.1 — Giá trị: giá trị nhập không đúng loại của chỉ tiêu (Tỷ lệ (%)).")))
			.andExpect(jsonPath("$.problems[*].where", hasItem("Tiêu chí 20")));
		assertThat(SystemTask.call(() -> assessments.get(id)).rowVersion()).isZero();
	}

	@Test
	void shouldRefuseToOpenWhatCannotBeOpenedNamingTheField() throws Exception {
		mvc.perform(post("/api/v1/assessments").with(hungMyOfficer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + hungMy.id() + ", \"year\": 1990}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[*].where", containsInAnyOrder("Bộ tiêu chí", "Năm đánh giá")))
			.andExpect(jsonPath("$.problems[*].message", hasItem("Năm đánh giá phải từ 2000 đến 2100.")));
		// the seed already holds Hùng Mỹ's 2023 result
		mvc.perform(post("/api/v1/assessments").with(hungMyOfficer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + hungMy.id() + ", \"setId\": " + ntm + ", \"year\": 2023}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("đã có kỳ đánh giá theo QD318_XA_NTM v1 năm 2023")));
		// a village set does not apply to a commune
		mvc.perform(post("/api/v1/assessments").with(hungMyOfficer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + hungMy.id() + ", \"setId\": " + set("BG16_2023_THON_NTM") + ", \"year\": 2024}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("không áp dụng cho Xã Hùng Mỹ")));
		// nor a province's own set to a commune of another province
		long bacGiangSet = set("BG741_2022_XA_NTM_NC");
		mvc.perform(post("/api/v1/assessments").with(hungMyOfficer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + hungMy.id() + ", \"setId\": " + bacGiangSet + ", \"year\": 2024}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("BG741_2022_XA_NTM_NC v1 không áp dụng cho Xã Hùng Mỹ")));
		mvc.perform(get("/api/v1/units/{id}/evaluation", hungMy.id()).param("set", String.valueOf(bacGiangSet))
			.param("year", "2024")
			.with(hungMyOfficer)).andExpect(status().isUnprocessableContent());
	}

	@Test
	void shouldEvaluateFiguresWithoutStoringThem() throws Exception {
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		int before = SystemTask.call(() -> assessments.ofUnit(tamThanh.id())).size();
		mvc.perform(post("/api/v1/evaluations").with(httpBasic("tamky", "NtmDemo@2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + tamThanh.id() + ", \"setId\": " + ntm + ", \"asOf\": \"2024-12-31\", "
					+ "\"met\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"17\",\"18\"],"
					+ " \"notMet\": [\"15\", \"16\", \"19\"], \"statedMetCount\": 17,"
					+ " \"values\": {\"3.1\": {\"number\": 62.5}}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.asOf").value("2024-12-31"))
			.andExpect(jsonPath("$.evaluation.summary.notation").value("16 (15, 16, 19)"))
			.andExpect(jsonPath("$.evaluation.sourceFlags[*].text",
					hasItem("Tài liệu ghi 17 tiêu chí đạt nhưng liệt kê 16 tiêu chí đạt.")))
			.andExpect(jsonPath("$.evaluation.criteria[2].indicators[0].reasons[0].text")
				.value("Chỉ tiêu 3.1: 62,5% chưa đạt yêu cầu ≥ 80%."));
		assertThat(SystemTask.call(() -> assessments.ofUnit(tamThanh.id()))).hasSize(before);
		mvc.perform(post("/api/v1/evaluations").with(httpBasic("tamky", "NtmDemo@2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + tamThanh.id() + ", \"setId\": " + ntm
					+ ", \"asOf\": \"2024-12-31\", \"values\": {\"3.1\": {\"numerator\": 5}}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].where").value("Chỉ tiêu 3.1 › Mẫu số"))
			.andExpect(jsonPath("$.problems[0].message", containsString("cần cả tử số và mẫu số")));
		mvc.perform(post("/api/v1/evaluations").with(httpBasic("tamky", "NtmDemo@2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"setId\": " + ntm + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].where").value("Đơn vị"));
	}

	@Test
	void shouldReproduceTamPhusResultsOf2023AsTheSeedWritesThem() throws Exception {
		UnitRef tamPhu = data.unit("20371", TestData.BEFORE_REFORM);
		RequestPostProcessor tamKy = httpBasic("tamky", "NtmDemo@2026");
		mvc.perform(get("/api/v1/units/{id}/evaluation", tamPhu.id()).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(tamKy))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.evaluation.summary.notation").value("19"))
			.andExpect(jsonPath("$.evaluation.sourceFlags", hasSize(0)));
		mvc.perform(get("/api/v1/units/{id}/evaluation", tamPhu.id()).param("set", String.valueOf(nangCao))
			.param("year", "2023")
			.with(tamKy))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assessment.statedMetCount").value(15))
			.andExpect(jsonPath("$.evaluation.summary.notation").value("15 (2, 5, 13, 19)"))
			.andExpect(jsonPath("$.evaluation.sourceFlags[*].key",
					containsInAnyOrder("engine.flag.both", "engine.flag.countVersusList")))
			.andExpect(jsonPath("$.evaluation.sourceFlags[*].text",
					containsInAnyOrder("Tiêu chí 5 được ghi vừa đạt vừa chưa đạt.",
							"Tài liệu ghi 15 tiêu chí đạt nhưng liệt kê 16 tiêu chí đạt.")))
			.andExpect(jsonPath("$.evaluation.criteria[4].status").value("CONFLICT"))
			.andExpect(jsonPath("$.evaluation.criteria[4].statusLabel").value("Mâu thuẫn"))
			.andExpect(jsonPath("$.evaluation.title.outcome").value("DOES_NOT_QUALIFY"));
	}

	@Test
	void shouldEvaluateEveryCommuneBelowAParent() throws Exception {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		RequestPostProcessor city = httpBasic("tamky", "NtmDemo@2026");
		mvc.perform(get("/api/v1/units/{id}/evaluations/within", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(city))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(4))
			.andExpect(
					jsonPath("$.units[*].label", contains("Xã Tam Phú", "Xã Tam Ngọc", "Xã Tam Thanh", "Xã Tam Thăng")))
			.andExpect(jsonPath("$.units[*].summary.notation", contains("19", "18 (19)", "17 (16, 19)", "17 (2, 19)")))
			.andExpect(jsonPath("$.units[0].revocation.outcome").value("SAFE"));
		mvc.perform(get("/api/v1/units/{id}/evaluations/within", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.param("atRiskOnly", "true")
			.with(city))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(3))
			.andExpect(jsonPath("$.units[*].label", not(hasItem("Xã Tam Phú"))))
			.andExpect(jsonPath("$.units[*].revocation.outcome", contains("AT_RISK", "AT_RISK", "AT_RISK")));
	}

	@Test
	void shouldRefuseEverythingOutsideTheCallersUnits() throws Exception {
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		AssessmentView seed = SystemTask.call(() -> assessments.find(tamThanh.id(), ntm, 2023)).orElseThrow();
		mvc.perform(get("/api/v1/units/{id}/assessments", tamThanh.id()).with(hungMyOfficer))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("ngoài phạm vi được giao")));
		mvc.perform(get("/api/v1/assessments/{id}", seed.id()).with(hungMyOfficer)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/assessments/{id}/evaluation", seed.id()).with(hungMyOfficer))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/units/{id}/evaluation", tamThanh.id()).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(hungMyOfficer)).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/assessments/{id}/entries", seed.id()).with(hungMyOfficer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{" + RESULTS + ", \"expectedVersion\": " + seed.rowVersion() + "}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/assessments").with(hungMyOfficer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + tamThanh.id() + ", \"setId\": " + ntm + ", \"year\": 2024}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/evaluations").with(hungMyOfficer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + tamThanh.id() + ", \"setId\": " + ntm + ", \"asOf\": \"2023-12-31\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/units/{id}/evaluations/within", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(hungMyOfficer)).andExpect(status().isForbidden());
		// read-only users read, but do not enter
		RequestPostProcessor viewer = httpBasic("xem", "NtmDemo@2026");
		mvc.perform(get("/api/v1/units/{id}/assessments", hungMy.id()).with(viewer)).andExpect(status().isOk());
		mvc.perform(post("/api/v1/assessments").with(viewer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\": " + hungMy.id() + ", \"setId\": " + nangCao + ", \"year\": 2023}"))
			.andExpect(status().isForbidden());
	}

	private AssessmentView open(long unitId, long setId, int year) {
		return SystemTask.call(() -> assessments.open(new NewAssessment(unitId, setId, year, null, null, null)));
	}

}
