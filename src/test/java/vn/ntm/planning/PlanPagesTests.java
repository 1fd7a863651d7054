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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
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
		return user(user.username());
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
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"percent\": 60, \"expectedVersion\": 0}")).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/tasks/{id}/progress", task).with(as(district))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"percent\": 60, \"expectedVersion\": 1}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.progress").value(60))
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"));
	}

	@Test
	void shouldExportTasksToXlsxAndImportAllOrNothing() throws Exception {
		UserView hungMy = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314");
		long plan = planOf("02314");
		byte[] exported = mvc.perform(get("/plans/{id}/tasks.xlsx", plan).with(as(hungMy)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(exported))) {
			var sheet = workbook.getSheet("Nhiệm vụ");
			org.assertj.core.api.Assertions.assertThat(sheet.getLastRowNum()).isEqualTo(39);
			org.assertj.core.api.Assertions.assertThat(sheet.getRow(0).getCell(9).getStringCellValue())
				.isEqualTo("Thời hạn");
			boolean found = false;
			for (var row : sheet) {
				if (row.getCell(2).getStringCellValue().contains("Nà Khện")) {
					found = true;
					org.assertj.core.api.Assertions.assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(0.51);
					org.assertj.core.api.Assertions.assertThat(row.getCell(12).getStringCellValue()).isEqualTo("km");
				}
			}
			org.assertj.core.api.Assertions.assertThat(found).isTrue();
		}

		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long target = PlanningTests.as(district, () -> planning.createPlan(new PlanForm(tamKy, null, null,
				"UBND thành phố Tam Kỳ", 2024, 2024, TestData.unique("Kế hoạch nhập "), null, null, null, null)));
		byte[] bad = workbook(new String[][] {
				{ "I. Hạ tầng", "1", "Bê tông hóa đường", "2", "", "", "", "", "", "trong quý I/2024", "", "1,5",
						"km" },
				{ "I. Hạ tầng", "2", "Lắp biển báo", "2", "", "", "", "", "", "khi có vốn", "", "", "" },
				{ "", "3", "", "", "", "", "", "", "", "", "", "", "" },
				{ "II. Môi trường", "4", "Nhà tiêu", "17", "", "", "", "", "", "tháng 10/2024", "", "nhiều", "hộ" } });
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/plans/{id}/tasks/import", target)
			.file(new org.springframework.mock.web.MockMultipartFile("file", "nv.xlsx", null, bad))
			.with(as(district))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Dòng 3")))
			.andExpect(content().string(containsString("khi có vốn")))
			.andExpect(content().string(containsString("Dòng 4")))
			.andExpect(content().string(containsString("Dòng 5")))
			.andExpect(content().string(containsString("nhiều")));
		org.assertj.core.api.Assertions.assertThat(SystemTask.call(() -> planning.tasks(target, TaskFilter.all())))
			.isEmpty();

		byte[] good = workbook(new String[][] {
				{ "I. Hạ tầng", "1", "Bê tông hóa đường", "2", "", "Phòng QLĐT", "", "", "", "trong quý I/2024", "",
						"1,5", "km" },
				{ "II. Môi trường", "2", "Nhà tiêu", "17", "", "", "", "", "", "tháng 10/2024", "", "56", "hộ" } });
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/api/v1/plans/{id}/tasks/import", target)
			.file(new org.springframework.mock.web.MockMultipartFile("file", "nv.xlsx", null, good))
			.with(as(district))
			.with(csrf())).andExpect(status().isCreated()).andExpect(jsonPath("$.added").value(2));
		var tasks = SystemTask.call(() -> planning.tasks(target, TaskFilter.all()));
		org.assertj.core.api.Assertions.assertThat(tasks)
			.extracting(TaskView::title)
			.containsExactly("Bê tông hóa đường", "Nhà tiêu");
		org.assertj.core.api.Assertions.assertThat(tasks.get(0).quantity()).isEqualByComparingTo("1.5");
		org.assertj.core.api.Assertions.assertThat(SystemTask.call(() -> planning.plan(target)).sections()).hasSize(2);
	}

	static byte[] workbook(String[][] rows) throws java.io.IOException {
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				var out = new java.io.ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("Nhiệm vụ");
			var header = sheet.createRow(0);
			header.createCell(0).setCellValue("Mục");
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					if (!rows[r][c].isEmpty()) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
