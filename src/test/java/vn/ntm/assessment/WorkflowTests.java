package vn.ntm.assessment;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
 * The yearly path through the API and the pages: submit, a criterion returned with a
 * reason and fixed, reviewed by the district, approved by the province, locked, reopened
 * only with a reason; every step recorded and audited; nobody acts outside their role.
 */
@IntegrationTest
class WorkflowTests {

	private static final String RESULTS = "\"met\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"15\",\"16\",\"17\",\"18\"],"
			+ " \"notMet\": [\"19\"], \"statedMetCount\": 18";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor commune;

	RequestPostProcessor health;

	RequestPostProcessor district;

	RequestPostProcessor province;

	String healthUser;

	String communeUser;

	String districtUser;

	@BeforeEach
	void setUp() {
		UserView communeOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20362");
		communeUser = communeOfficer.username();
		commune = as(communeOfficer);
		UserView officer = data.user(Role.CRITERION_OFFICER, TestData.BEFORE_REFORM, "49");
		healthUser = officer.username();
		health = as(officer);
		UserView districtOffice = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		districtUser = districtOffice.username();
		district = as(districtOffice);
		province = as(data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49"));
	}

	static RequestPostProcessor as(UserView user) {
		return httpBasic(user.username(), TestData.PASSWORD);
	}

	@Test
	void shouldTakeAnAssessmentFromDraftToApprovedWithAReturnedCriterion() throws Exception {
		long unit = data.unit("20362", TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		long id = SystemTask.call(() -> assessments.open(new NewAssessment(unit, set, 2021, null, null, null))).id();

		// nothing entered: nothing to submit
		step(commune, id, "submit", 0, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("chưa có số liệu hay kết quả nào")));
		entries(commune, id, 0).andExpect(status().isOk());
		step(province, id, "submit", 1, null).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("không nộp thay")));
		step(commune, id, "submit", 1, null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"));

		// submitted: the commune cannot change it any more
		entries(commune, id, 2).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("không sửa được")));
		// the health officer has criterion 15 waiting, the district nothing to check but
		// a review
		mvc.perform(get("/api/v1/assessments/waiting").with(health))
			.andExpect(jsonPath("$[?(@.assessment.id == " + id + ")].criteria", hasItem("15")));
		// a reason is required to return; criterion 5 is not the health officer's
		check(health, id, "15", "RETURNED", null, 2).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].where").value("Lý do"));
		check(health, id, "5", "AGREED", null, 2).andExpect(status().isForbidden());
		check(health, id, "15", "RETURNED", "Tỷ lệ người dân tham gia BHYT chưa có số liệu của BHXH huyện", 2)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED"));

		// returned: the district cannot review; the commune sees the reason, fixes and
		// resubmits
		step(district, id, "review", 3, null).andExpect(status().isUnprocessableContent());
		mvc.perform(get("/assessments/{id}/workflow", id).with(user(communeUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("chưa có số liệu của BHXH huyện")))
			.andExpect(content().string(containsString("Bị trả lại")));
		entries(commune, id, 3).andExpect(status().isOk());
		step(commune, id, "submit", 4, null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.checks").isEmpty());

		// agreed, with the officer's own judgement kept beside the commune's (through the
		// page's form)
		mvc.perform(post("/assessments/{id}/checks/15", id).with(user(healthUser))
			.with(csrf())
			.param("verdict", "AGREED")
			.param("appraisedMet", "false")
			.param("reason", "Đạt theo xã, Sở đánh giá chưa đạt 15.2")
			.param("expectedVersion", "5")).andExpect(status().is3xxRedirection());
		// a second check from the same stale page is refused, naming what changed
		check(health, id, "15", "RETURNED", "Nhầm", 5).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("kiểm tra tiêu chí 15")));
		mvc.perform(get("/api/v1/assessments/{id}/workflow", id).with(district))
			.andExpect(jsonPath("$.checks[0].criterion").value("15"))
			.andExpect(jsonPath("$.checks[0].verdict").value("AGREED"))
			.andExpect(jsonPath("$.checks[0].appraisedMet").value(false))
			.andExpect(jsonPath("$.actions", hasItem("REVIEW")));

		// the commune does not review itself; the district reviews but does not approve
		step(commune, id, "review", 6, null).andExpect(status().isForbidden());
		step(district, id, "review", 6, "Đã thẩm tra hồ sơ").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVIEWED"));
		step(district, id, "approve", 7, null).andExpect(status().isForbidden());
		step(province, id, "approve", 7, "Đủ điều kiện").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));

		// approved: locked for everyone, by API and by page
		entries(commune, id, 8).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Đã thẩm định, phê duyệt")));
		entries(province, id, 8).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/assessments/{id}/entries", id).with(user(communeUser))
			.with(csrf())
			.param("expectedVersion", "8")
			.param("met", "19")).andExpect(status().isUnprocessableContent());
		mvc.perform(get("/assessments/{id}/workflow", id).with(user(communeUser)))
			.andExpect(content().string(containsString("chỉ xem")))
			.andExpect(content().string(not(containsString("id=\"submit-assessment\""))));

		// reopening needs the current version and a reason
		step(province, id, "reopen", 7, "Sửa tiêu chí 19").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("trạng thái \"Đã thẩm định, phê duyệt\"")));
		step(province, id, "reopen", 8, " ").andExpect(status().isUnprocessableContent());
		step(commune, id, "reopen", 8, "tự mở").andExpect(status().isForbidden());
		step(province, id, "reopen", 8, "Sửa tiêu chí 19 theo kết quả phúc tra").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRAFT"));
		entries(commune, id, 9).andExpect(status().isOk());
		// a reopened assessment is checked again from the start
		mvc.perform(get("/api/v1/assessments/{id}/workflow", id).with(district))
			.andExpect(jsonPath("$.checks").isEmpty());

		List<String> steps = jdbc.sql("select action from assessment_step where assessment_id = :id order by id")
			.param("id", id)
			.query(String.class)
			.list();
		assertThat(steps).containsExactly("SUBMIT", "RETURN_CRITERION", "SUBMIT", "AGREE_CRITERION", "REVIEW",
				"APPROVE", "REOPEN");
		List<String> trail = SystemTask
			.call(() -> audit.historyOf("assessment", String.valueOf(id), 50).stream().map(AuditEntry::summary))
			.toList();
		assertThat(trail).anyMatch(s -> s.startsWith("Nộp kết quả đánh giá"))
			.anyMatch(s -> s.startsWith("Trả lại tiêu chí 15"))
			.anyMatch(s -> s.startsWith("Đồng ý tiêu chí 15"))
			.anyMatch(s -> s.startsWith("Thẩm tra"))
			.anyMatch(s -> s.startsWith("Thẩm định, phê duyệt"))
			.anyMatch(s -> s.startsWith("Mở lại"));
	}

	@Test
	void shouldShowWhatIsWaitingForWhomAndKeepViewersOut() throws Exception {
		long unit = data.unit("20362", TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM_NC");
		long id = SystemTask.call(() -> assessments.open(new NewAssessment(unit, set, 2021, null, null, null))).id();
		entries(commune, id, 0).andExpect(status().isOk());
		step(commune, id, "submit", 1, null).andExpect(status().isOk());
		mvc.perform(get("/assessments/waiting").with(user(districtUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Xã Tam Thăng")))
			.andExpect(content().string(containsString("Thẩm tra")));
		RequestPostProcessor other = as(data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314"));
		mvc.perform(get("/api/v1/assessments/{id}/workflow", id).with(other)).andExpect(status().isForbidden());
		step(other, id, "review", 2, null).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/assessments/waiting").with(other))
			.andExpect(jsonPath("$[?(@.assessment.id == " + id + ")]").isEmpty());
	}

	ResultActions entries(RequestPostProcessor who, long id, int version) throws Exception {
		return mvc.perform(put("/api/v1/assessments/{id}/entries", id).with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{" + RESULTS + ", \"expectedVersion\": " + version + "}"));
	}

	ResultActions step(RequestPostProcessor who, long id, String action, int version, String reason) throws Exception {
		return mvc.perform(post("/api/v1/assessments/{id}/" + action, id).with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"expectedVersion\": " + version + (reason == null ? "" : ", \"reason\": \"" + reason + "\"")
					+ "}"));
	}

	ResultActions check(RequestPostProcessor who, long id, String criterion, String verdict, String reason, int version)
			throws Exception {
		return mvc.perform(put("/api/v1/assessments/{id}/checks/{c}", id, criterion).with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"expectedVersion\": " + version + ", \"verdict\": \"" + verdict + "\""
					+ (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}"));
	}

}
