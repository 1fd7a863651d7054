package vn.ntm.planning;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ntm.planning.PlanningTests.as;

/**
 * The plan pages and the API: Mai Đình's plan with its coverage flags, the list, board
 * and timeline views, filters, a progress report through the form, the API's tasks and
 * coverage, and access refused outside the reader's units.
 */
@IntegrationTest
class PlanPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	TestData data;

	static RequestPostProcessor as(UserView user) {
		return httpBasic(user.username(), TestData.PASSWORD);
	}

	long planOf(String code) {
		long unit = data.unit(code, TestData.BEFORE_REFORM).id();
		return SystemTask.call(() -> planning.plans(unit))
			.stream()
			.filter(p -> p.unitId() == unit)
			.reduce((a, b) -> b)
			.orElseThrow()
			.id();
	}

	@Test
	void shouldShowMaiDinhsPlanWithItsCoverageProblems() throws Exception {
		UserView maiDinh = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07885");
		long plan = planOf("07885");

		mvc.perform(get("/plans/{id}", plan).with(as(maiDinh)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-criterion=\"19\" data-problem=\"NOBODY\"")))
			.andExpect(content().string(containsString("data-criterion=\"18\" data-problem=\"SEVERAL\"")))
			.andExpect(content().string(containsString("Đinh Văn Tám, Ngô Văn Đồng")))
			.andExpect(content().string(containsString("thời gian xong trước tháng 04/ 2024")))
			.andExpect(content().string(containsString("hạn 31/03/2024")));
		mvc.perform(get("/plans/{id}", plan).param("view", "board").with(as(maiDinh)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"board\"")));
		mvc.perform(get("/plans/{id}", plan).param("view", "timeline").param("lead", "Hiền").with(as(maiDinh)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"timeline\"")))
			.andExpect(content().string(containsString("điểm tập kết rác")))
			.andExpect(content().string(not(containsString("CLB văn hóa"))));
		mvc.perform(get("/plans/{id}", plan).param("month", "2024-13").with(as(maiDinh)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/plans").with(as(maiDinh)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("thôn Thắng Lợi đạt NTM kiểu mẫu")));
	}

	@Test
	void shouldAnswerTheApiAndRefuseOtherUnits() throws Exception {
		UserView tamThanh = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		UserView hungMy = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314");
		long plan = planOf("02314");

		mvc.perform(get("/api/v1/plans/{id}/tasks", plan).param("criterion", "2").with(as(hungMy)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[*].quantityUnit", hasItem("km")));
		mvc.perform(get("/api/v1/plans/{id}/coverage", plan).with(as(hungMy)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.setCode").value("QD318_XA_NTM"));
		mvc.perform(get("/api/v1/plans/{id}", plan).with(as(tamThanh))).andExpect(status().isForbidden());
		mvc.perform(get("/plans/{id}", plan).with(as(tamThanh))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/plans").with(as(tamThanh)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Hùng Mỹ"))));
	}

	@Test
	void shouldTakeAProgressReportThroughTheFormAndTheApi() throws Exception {
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long planId = PlanningTests.as(district, () -> planning.createPlan(new PlanForm(tamKy, null, null,
				"UBND thành phố Tam Kỳ", 2026, 2026, TestData.unique("Kế hoạch trang "), null, null, null, null)));
		long task = PlanningTests.as(district,
				() -> planning.addTask(planId,
						new TaskForm(null, null, "Lắp loa truyền thanh", null, false, "8", null, List.of(),
								"Phòng VH-TT", null, null, null, null, "tháng 10/2026", new java.math.BigDecimal("7"),
								"loa", null, null, null)));

		mvc.perform(post("/tasks/{id}/progress", task).with(as(district))
			.with(csrf())
			.param("expectedVersion", "0")
			.param("quantityDone", "abc")).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/tasks/{id}/progress", task).with(as(district))
			.with(csrf())
			.param("expectedVersion", "0")
			.param("quantityDone", "3,5")
			.param("note", "Đã lắp 3,5")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/tasks/{id}", task).with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("50%")))
			.andExpect(content().string(containsString("Đã lắp 3,5")));
		mvc.perform(post("/api/v1/tasks/{id}/progress", task).with(as(district))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"percent\": 60, \"expectedVersion\": 0}")).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/tasks/{id}/progress", task).with(as(district))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"percent\": 60, \"expectedVersion\": 1}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.progress").value(60))
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"));
	}

}
