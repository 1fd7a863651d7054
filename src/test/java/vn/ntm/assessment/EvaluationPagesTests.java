package vn.ntm.assessment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The evaluation pages: the seed's results read as the documents write them, what is
 * missing shown rather than guessed, a commune officer entering results, refusals shown
 * on the page with what was typed, and nothing outside a user's units.
 */
@IntegrationTest
class EvaluationPagesTests {

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

	UnitRef tamThanh;

	UnitRef xuanLuong;

	UserView xuanLuongOfficer;

	@BeforeEach
	void setUp() {
		ntm = set("QD318_XA_NTM");
		nangCao = set("QD318_XA_NTM_NC");
		tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		xuanLuong = data.unit("07249", TestData.BEFORE_REFORM);
		xuanLuongOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07249");
	}

	long set(String code) {
		return SystemTask.call(() -> catalog.sets())
			.stream()
			.filter(s -> s.code().equals(code) && s.isPublished())
			.map(SetSummary::id)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void shouldShowTheSeedsResultForTamThanhAsTheDocumentWritesIt() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		mvc.perform(get("/units/{id}/evaluation", tamThanh.id()).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("17 (16, 19)"), containsString("17/19"),
					containsString("Có nguy cơ"), containsString("Tiêu chí 16: kết quả nhập trực tiếp là Không đạt."),
					containsString("QĐ 211/QĐ-TTg"), containsString("31/12/2023"), containsString("id=\"entry\""))));
		mvc.perform(get("/evaluations").param("unit", String.valueOf(tamThanh.id())).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("17 (16, 19)"), containsString("15 (6, 8, 18, 19)"),
					containsString("Mở kỳ đánh giá"))));
		// the unit page carries the assessments panel
		mvc.perform(get("/units/{id}", tamThanh.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("assessments-panel"), containsString("17 (16, 19)"))));
	}

	@Test
	void shouldOfferAProvincesOwnSetOnlyInThatProvince() throws Exception {
		long maiDinh = data.unit("07885", TestData.BEFORE_REFORM).id();
		mvc.perform(get("/evaluations").param("unit", String.valueOf(maiDinh)).with(user("maidinh")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("BG741_2022_XA_NTM_NC v1"),
					containsString("11 (2, 6, 7, 8, 13, 14, 17, 18)"))));
		mvc.perform(get("/evaluations").param("unit", String.valueOf(tamThanh.id())).with(user("tamky")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("BG741_2022_XA_NTM_NC"))));
	}

	@Test
	void shouldShowResultsButNoFormToReadOnlyUsers() throws Exception {
		UserView viewer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "49");
		mvc.perform(get("/units/{id}/evaluation", tamThanh.id()).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("17 (16, 19)")))
			.andExpect(content().string(not(containsString("id=\"entry\""))));
		mvc.perform(get("/evaluations").param("unit", String.valueOf(tamThanh.id())).with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"setId\""))));
	}

	@Test
	void shouldFlagWhatDoesNotAddUpInTamPhusNangCaoLine() throws Exception {
		UnitRef tamPhu = data.unit("20371", TestData.BEFORE_REFORM);
		mvc.perform(get("/units/{id}/evaluation", tamPhu.id()).param("set", String.valueOf(nangCao))
			.param("year", "2023")
			.with(user("tamky")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("15 (2, 5, 13, 19)"),
					containsString("Tài liệu ghi 15 tiêu chí đạt nhưng liệt kê 16 tiêu chí đạt."),
					containsString("Tiêu chí 5 được ghi vừa đạt vừa chưa đạt."), containsString("Mâu thuẫn"))));
	}

	@Test
	void shouldEvaluateACommuneAgainstTheNewSetAndListTheMissingThresholds() throws Exception {
		// Xã Tân Mỹ of Quảng Trị: the demo's 2026 drafts are opened for the Tân Mỹ of
		// Tuyên Quang
		UserView tanMyOfficer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "19291");
		long tanMy = data.unit("19291", TestData.AFTER_REFORM).id();
		mvc.perform(get("/units/{id}/evaluation", tanMy).param("set", String.valueOf(set("QD51_2025_XA_NTM")))
			.param("year", "2026")
			.with(user(tanMyOfficer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"missing-thresholds\""),
					containsString("Chưa có ngưỡng"), containsString("Tiêu chí chưa có chỉ tiêu trong danh mục (10)"),
					containsString("Khoa học công nghệ và chuyển đổi số"), containsString("0/10"),
					containsString("Chưa mở kỳ đánh giá"), containsString("Quyết định 51/2025/QĐ-TTg"))));
	}

	@Test
	void shouldLetACommuneOfficerOpenAnAssessmentAndRecordTheDocumentsResults() throws Exception {
		String user = xuanLuongOfficer.username();
		mvc.perform(post("/evaluations").with(user(user))
			.with(csrf())
			.param("unitId", String.valueOf(xuanLuong.id()))
			.param("setId", String.valueOf(ntm))
			.param("year", "2022")
			.param("source", "Báo cáo kết quả năm 2022"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/units/" + xuanLuong.id() + "/evaluation?set=" + ntm + "&year=2022"));
		AssessmentView opened = find(xuanLuong.id(), ntm, 2022);
		MockHttpServletRequestBuilder entry = results(opened, 0, "18").param("n.3.1", "1.276").param("d.3.1", "1.413");
		mvc.perform(entry.with(user(user)).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/units/{id}/evaluation", xuanLuong.id()).param("set", String.valueOf(ntm))
			.param("year", "2022")
			.with(user(user)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("18 (19)"), containsString("18/19"), containsString("90,3% (1.276/1.413)"),
						containsString("Chỉ tiêu 3.1: 90,3% (1.276/1.413) đạt yêu cầu ≥ 80%."))));
		// the entry page shows what was saved in its fields
		mvc.perform(get("/assessments/{id}/entry", opened.id()).with(user(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"1.276\""), containsString("value=\"1.413\""))));
		// a failing value names the indicator, the value and the bar
		mvc.perform(results(opened, 1, "18").param("v.3.1", "72,5").with(user(user)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/units/{id}/evaluation", xuanLuong.id()).param("set", String.valueOf(ntm))
			.param("year", "2022")
			.with(user(user)))
			.andExpect(content().string(containsString("Chỉ tiêu 3.1: 72,5% chưa đạt yêu cầu ≥ 80%.")));
	}

	@Test
	void shouldRefuseAStaleSaveAndKeepWhatWasTyped() throws Exception {
		String user = xuanLuongOfficer.username();
		AssessmentView opened = open(xuanLuong.id(), ntm, 2021);
		mvc.perform(results(opened, 0, "18").with(user(user)).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(results(opened, 0, "17").param("v.3.1", "85,5").with(user(user)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("đã được"), containsString("chưa được lưu"),
					containsString("value=\"17\""), containsString("value=\"85,5\""))));
		// the first save stands
		org.assertj.core.api.Assertions.assertThat(find(xuanLuong.id(), ntm, 2021).statedMetCount()).isEqualTo(18);
	}

	@Test
	void shouldRefuseValuesThatCannotBeReadNamingTheIndicator() throws Exception {
		String user = xuanLuongOfficer.username();
		AssessmentView opened = open(xuanLuong.id(), nangCao, 2022);
		mvc.perform(post("/assessments/{id}/entries", opened.id()).with(user(user))
			.with(csrf())
			.param("expectedVersion", "0")
			.param("c.1", "MET")
			.param("statedMetCount", "mười")
			.param("v.14.a", "abc"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Chỉ tiêu 14.a"), containsString("không phải là số"),
					containsString("value=\"abc\""), containsString("value=\"mười\""),
					containsString("id=\"c-1-MET\" checked=\"checked\""))));
		org.assertj.core.api.Assertions.assertThat(find(xuanLuong.id(), nangCao, 2022).rowVersion()).isZero();
	}

	@Test
	void shouldRefuseAnOfficerOfAnotherCommuneOnPagesAndPosts() throws Exception {
		UserView maiDinhOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07885");
		String user = maiDinhOfficer.username();
		AssessmentView seed = find(tamThanh.id(), ntm, 2023);
		mvc.perform(get("/units/{id}/evaluation", tamThanh.id()).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user(user))).andExpect(status().isForbidden());
		mvc.perform(get("/evaluations").param("unit", String.valueOf(tamThanh.id())).with(user(user)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/assessments/{id}", seed.id()).with(user(user))).andExpect(status().isForbidden());
		mvc.perform(results(seed, seed.rowVersion(), "19").with(user(user)).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("ngoài phạm vi được giao")));
		mvc.perform(post("/evaluations").with(user(user))
			.with(csrf())
			.param("unitId", String.valueOf(tamThanh.id()))
			.param("setId", String.valueOf(ntm))
			.param("year", "2024")).andExpect(status().isForbidden());
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		mvc.perform(get("/units/{id}/evaluations/within", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user(user))).andExpect(status().isForbidden());
		org.assertj.core.api.Assertions.assertThat(find(tamThanh.id(), ntm, 2023).rowVersion())
			.isEqualTo(seed.rowVersion());
	}

	@Test
	void shouldListEveryCommuneOfTamKyMostCriteriaMetFirst() throws Exception {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		mvc.perform(get("/units/{id}/evaluations/within", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user("tamky")))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern(
					"(?s).*Xã Tam Phú.*>19<.*Xã Tam Ngọc.*18 \\(19\\).*Xã Tam Thanh.*17 \\(16, 19\\).*Xã Tam Thăng.*17 \\(2, 19\\).*")));
		mvc.perform(get("/units/{id}/evaluations/within", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.param("atRiskOnly", "true")
			.with(user("tamky")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Xã Tam Thanh"), containsString("table-warning"),
					not(containsString(">Xã Tam Phú<")))));
	}

	@Test
	void shouldSpeakEnglishWhenAsked() throws Exception {
		mvc.perform(get("/units/{id}/evaluation", tamThanh.id()).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.param("lang", "en")
			.with(user("tamky")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Criteria met"), containsString("17 (16, 19)"))));
	}

	/** Criteria 1–18 met as the form posts them, 19 not met, with the stated count. */
	private static MockHttpServletRequestBuilder results(AssessmentView assessment, int version, String stated) {
		MockHttpServletRequestBuilder post = post("/assessments/{id}/entries", assessment.id())
			.param("expectedVersion", String.valueOf(version))
			.param("statedMetCount", stated)
			.param("source", "Báo cáo kết quả");
		for (int n = 1; n <= 18; n++) {
			post.param("c." + n, "MET");
		}
		return post.param("c.19", "NOT_MET");
	}

	private AssessmentView open(long unitId, long setId, int year) {
		return SystemTask.call(() -> assessments.open(new NewAssessment(unitId, setId, year, null, null, null)));
	}

	private AssessmentView find(long unitId, long setId, int year) {
		return SystemTask.call(() -> assessments.find(unitId, setId, year)).orElseThrow();
	}

}
