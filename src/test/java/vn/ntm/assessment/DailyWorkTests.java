package vn.ntm.assessment;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The work people do every day on the assessment pages: submitting asks first and names
 * what is incomplete (refused on the server unless the set allows it, a setting its
 * keepers change, audited); the commune sees why a criterion came back where it fixes it;
 * the criterion's officer sees its figures and evidence where it checks it.
 */
@IntegrationTest
class DailyWorkTests {

	/** Communes of Đại Lộc (Quảng Nam) that no other test opens. */
	static final String DAI_LANH = "20506";

	static final String DAI_HUNG = "20509";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	AssessmentWorkflow workflow;

	@Autowired
	EvidenceFiles evidence;

	@Autowired
	AuditLog audit;

	@Test
	void shouldRefuseAnIncompleteSubmissionNamingTheCountUnlessTheSetAllowsIt() throws Exception {
		long unit = data.unit(DAI_LANH, TestData.BEFORE_REFORM).id();
		long set = data.setId("QD319_XA_NTM_KM");
		AssessmentView opened = SystemTask.call(() -> {
			AssessmentView a = assessments.open(new NewAssessment(unit, set, 2022, null, null, null));
			return assessments.record(a.id(),
					new AssessmentEntry(Map.of(), List.of("KM.1"), List.of(), null, null, a.rowVersion()));
		});
		long id = opened.id();
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, DAI_LANH);
		RequestPostProcessor api = httpBasic(commune.username(), TestData.PASSWORD);

		// the page says what is missing before anyone clicks, and asks before submitting
		mvc.perform(get("/assessments/{id}/workflow", id).with(user(commune.username())))
			.andExpect(content().string(allOf(containsString("3/4 tiêu chí chưa có số liệu"),
					containsString("tiêu chí KM.2, KM.3, KM.4"), containsString("id=\"submit-refused\""),
					containsString("data-confirm=\"Nộp kết quả đánh giá? 3/4 tiêu chí chưa có số liệu."))))
			.andExpect(content().string(matchesPattern("(?s).*id=\"submit-assessment\"[^>]*disabled.*")));
		// the server refuses too, naming the count
		mvc.perform(post("/api/v1/assessments/{id}/submit", id).with(api)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"expectedVersion\": " + opened.rowVersion() + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					jsonPath("$.detail", containsString("3/4 tiêu chí chưa có số liệu (tiêu chí KM.2, KM.3, KM.4)")));

		// the setting: a national set is kept by administrators only
		UserView province = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		mvc.perform(get("/criteria/sets/{id}", set).with(user(province.username())))
			.andExpect(content().string(allOf(containsString("Không được nộp khi còn tiêu chí chưa có số liệu"),
					not(containsString("/incomplete-submission\"")))));
		mvc.perform(post("/criteria/sets/{id}/incomplete-submission", set).param("allowed", "true")
			.with(user(province.username()))
			.with(csrf())).andExpect(status().isForbidden());
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		try {
			mvc.perform(post("/criteria/sets/{id}/incomplete-submission", set).param("allowed", "true")
				.with(user(admin.username()))
				.with(csrf())).andExpect(status().is3xxRedirection());
			mvc.perform(get("/criteria/sets/{id}", set).with(user(admin.username())))
				.andExpect(content().string(containsString("Được nộp khi còn tiêu chí chưa có số liệu.")));
			List<AuditEntry> trail = SystemTask.call(() -> audit.historyOf("criteria_set", String.valueOf(set), 10));
			assertThat(trail).anyMatch(e -> e.summary().startsWith("Cho phép nộp kết quả khi chưa đủ số liệu"));

			// now allowed: asked, and submitted
			mvc.perform(get("/assessments/{id}/workflow", id).with(user(commune.username())))
				.andExpect(content().string(allOf(containsString("3/4 tiêu chí chưa có số liệu"),
						containsString("cho phép nộp khi chưa đủ số liệu"),
						not(containsString("id=\"submit-refused\"")))));
			mvc.perform(post("/api/v1/assessments/{id}/submit", id).with(api)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"expectedVersion\": " + opened.rowVersion() + "}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SUBMITTED"));
		}
		finally {
			mvc.perform(
					post("/criteria/sets/{id}/incomplete-submission", set).with(user(admin.username())).with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		mvc.perform(get("/criteria/sets/{id}", set).with(user(admin.username())))
			.andExpect(content().string(containsString("Không được nộp khi còn tiêu chí chưa có số liệu")));
	}

	@Test
	void shouldShowTheReturnedReasonBesideTheCriterionAndTheFiguresWhereItIsChecked() throws Exception {
		long unit = data.unit(DAI_HUNG, TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		long id = SystemTask.call(() -> {
			AssessmentView a = assessments.open(new NewAssessment(unit, set, 2022, null, null, null));
			AssessmentView saved = assessments.record(a.id(),
					new AssessmentEntry(
							Map.of("15.3", ValueInput.number(new BigDecimal("12.5"))), List.of("1", "2", "3", "4", "5",
									"6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19"),
							List.of(), 19, null, a.rowVersion()));
			evidence.upload(saved.id(), "15", null, "xac-nhan-bhxh.pdf",
					new ByteArrayInputStream(EvidenceTests.pdf("BHXH")), null);
			AssessmentView now = assessments.get(saved.id());
			workflow.submit(now.id(), now.rowVersion());
			return now.id();
		});
		UserView health = data.user(Role.CRITERION_OFFICER, TestData.BEFORE_REFORM, "49");
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, DAI_HUNG);

		// the officer checking 15 sees its figures and evidence on the check page
		mvc.perform(get("/assessments/{id}/workflow", id).with(user(health.username())))
			.andExpect(content().string(allOf(containsString("id=\"data-15\" open"), containsString("15.3"),
					containsString("12,5"), containsString("xac-nhan-bhxh.pdf"),
					containsString("Số liệu (4 chỉ tiêu) và minh chứng (1 tệp)"))));
		int version = SystemTask.call(() -> assessments.get(id)).rowVersion();
		mvc.perform(post("/assessments/{id}/checks/15", id).param("verdict", "RETURNED")
			.param("expectedVersion", String.valueOf(version))
			.param("reason", "Thiếu xác nhận của BHXH huyện về tỷ lệ tham gia BHYT")
			.with(user(health.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());

		// the commune sees why, beside criterion 15, where it corrects it
		mvc.perform(get("/assessments/{id}/entry", id).with(user(commune.username())))
			.andExpect(content()
				.string(allOf(containsString("id=\"returned-criteria\""), containsString("id=\"returned-15\""),
						containsString("Thiếu xác nhận của BHXH huyện về tỷ lệ tham gia BHYT"))));
	}

	@Test
	void shouldReachTheEntryFromTheTopOfTheEvaluationPageWithASummaryAndAnchors() throws Exception {
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		long id = SystemTask.call(() -> assessments.find(tamThanh, set, 2023)).orElseThrow().id();
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		String page = mvc
			.perform(get("/units/{id}/evaluation?set={set}&year=2023", tamThanh, set).with(user(commune.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int top = page.indexOf("id=\"entry-top\"");
		assertThat(top).isPositive().isLessThan(page.indexOf("id=\"criteria\""));
		assertThat(page.substring(top, page.indexOf('>', top))).contains("/assessments/" + id + "/entry");
		int toc = page.indexOf("id=\"toc\"");
		assertThat(toc).isPositive().isLessThan(page.indexOf("id=\"criteria\""));
		assertThat(page).contains("id=\"toc-summary\"", "href=\"#criterion-15\"", "id=\"criterion-15\"",
				"href=\"#criteria\"", "href=\"#evidence\"");
		// a reader who may not enter gets the summary, not the link
		UserView viewer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "49");
		mvc.perform(get("/units/{id}/evaluation?set={set}&year=2023", tamThanh, set).with(user(viewer.username())))
			.andExpect(content().string(allOf(containsString("id=\"toc\""), not(containsString("id=\"entry-top\"")))));
	}

	@Test
	void shouldKeepResearchNotesForAdministratorsAndCatalogKeepers() throws Exception {
		long set = data.setId("QD318_XA_NTM");
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		String official = mvc.perform(get("/criteria/sets/{id}", set).with(user(commune.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(official).doesNotContain("DBKK_BAI_NGANG", "KHU_VUC_DTTS", "thuvienphapluat", "nameStatus",
				"Chưa xác minh", "Cần đối chiếu văn bản gốc", "hethongphapluat", "118.69.201.250",
				"id=\"set-sources\"");
		// the rules read in the classification's own words
		assertThat(official).contains("dùng ngưỡng của");
		// the thresholds table uses the page's width
		assertThat(official).containsPattern("<div class=\"col-12\">\\s*<div class=\"card mb-3\" id=\"structure\">");
		mvc.perform(get("/criteria/sets/{id}", set).with(user(admin.username())))
			.andExpect(content().string(allOf(containsString("id=\"set-sources\""), containsString("DBKK_BAI_NGANG"),
					containsString("thuvienphapluat"), containsString("nameStatus: unverified"),
					containsString("<summary>Nguồn</summary>"))));
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		mvc.perform(get("/units/{id}/evaluation?set={set}&year=2023", tamThanh, set).with(user(commune.username())))
			.andExpect(content().string(allOf(not(containsString("DBKK")), not(containsString("Cần đối chiếu")),
					not(containsString("class=\"text-muted research\"")))));
	}

}
