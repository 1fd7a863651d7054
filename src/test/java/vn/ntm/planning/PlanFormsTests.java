package vn.ntm.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ntm.planning.PlanPagesTests.as;

/**
 * The forms that write plans: a district officer lays down a plan, adds a section and a
 * task due "trong quý I/2024" (shown due 31/03/2024, audited); what cannot be read is
 * named by field and nothing is saved; a user of another unit is refused; a stale edit of
 * a task, a plan or a duty is refused naming who changed it; a task is reassigned only to
 * an account of the plan's units.
 */
@IntegrationTest
class PlanFormsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	ReportingDuties duties;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	long tamKy() {
		return data.unit("502", TestData.BEFORE_REFORM).id();
	}

	long createPlan(UserView user, String title) throws Exception {
		MvcResult created = mvc
			.perform(post("/plans/new").with(as(user))
				.with(csrf())
				.param("unitId", String.valueOf(tamKy()))
				.param("number", "15/KH-UBND")
				.param("issuedOn", "05/01/2024")
				.param("issuer", "UBND thành phố Tam Kỳ")
				.param("yearFrom", "2024")
				.param("yearTo", "")
				.param("title", title)
				.param("legalBases", "Kế hoạch số 115/UBND-KH ngày 27/3/2023")
				.param("implementsPlans", "")
				.param("source", "Lưu tại Văn phòng NTM")
				.param("criteriaSet", "")
				.param("expectedVersion", "0"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/plans/");
		return Long.parseLong(location.substring("/plans/".length()));
	}

	@Test
	void shouldCreateAPlanAddASectionAndATaskDueAtTheEndOfTheQuarter() throws Exception {
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		mvc.perform(get("/plans").with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"new-plan\"")));
		mvc.perform(get("/plans/new").param("unit", String.valueOf(tamKy())).with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lập kế hoạch")));

		String title = TestData.unique("Kế hoạch biểu mẫu ");
		long plan = createPlan(district, title);
		PlanView view = PlanningTests.as(district, () -> planning.plan(plan));
		assertThat(view.summary().number()).isEqualTo("15/KH-UBND");
		assertThat(view.summary().issuedOn()).isEqualTo(LocalDate.of(2024, 1, 5));
		assertThat(view.summary().yearTo()).isEqualTo(2024);

		mvc.perform(get("/plans/{id}/sections/new", plan).with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"h3 mt-2\">Thêm mục</h1>")));
		mvc.perform(post("/plans/{id}/sections/new", plan).with(as(district))
			.with(csrf())
			.param("number", "II.1")
			.param("title", "Phát triển hạ tầng")
			.param("expectedVersion", "0")).andExpect(status().is3xxRedirection());
		long section = PlanningTests.as(district, () -> planning.plan(plan)).sections().get(0).id();
		mvc.perform(get("/plans/{id}/sections/{s}/edit", plan, section).with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"h3 mt-2\">Sửa mục</h1>")))
			.andExpect(content().string(containsString("value=\"II.1\"")));

		mvc.perform(get("/plans/{id}", plan).with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"add-task\"")))
			.andExpect(content().string(containsString("id=\"edit-plan\"")));
		mvc.perform(get("/plans/{id}/tasks/new", plan).param("section", String.valueOf(section)).with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(district.fullName())));
		mvc.perform(get("/plans/{id}/deadline", plan).param("deadline", "trong quý I/2024").with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("31/03/2024")));
		mvc.perform(get("/plans/{id}/deadline", plan).param("deadline", "khi có vốn").with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Không đọc được thời hạn")));

		MvcResult added = mvc
			.perform(post("/plans/{id}/tasks/new", plan).with(as(district))
				.with(csrf())
				.param("sectionId", String.valueOf(section))
				.param("number", "1")
				.param("title", "Bê tông hóa đường trục thôn Hòa Thượng")
				.param("criterion", "2")
				.param("unitIds", String.valueOf(tamThanh))
				.param("leadAgency", "Phòng QLĐT")
				.param("leadPerson", "Nguyễn Văn Bình")
				.param("leadPosition", "Trưởng phòng")
				.param("leadUserId", String.valueOf(district.id()))
				.param("helpers", "UBND xã Tam Thanh")
				.param("deadline", "trong quý I/2024")
				.param("quantity", "1,08")
				.param("quantityUnit", "km")
				.param("money", "1.500")
				.param("moneySource", "Ngân sách thành phố")
				.param("expectedVersion", "0"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long task = Long.parseLong(added.getResponse().getRedirectedUrl().substring("/tasks/".length()));

		TaskView saved = PlanningTests.as(district, () -> planning.task(task));
		assertThat(saved.deadline().due()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(saved.quantity()).isEqualByComparingTo(new BigDecimal("1.08"));
		assertThat(saved.money()).isEqualByComparingTo(new BigDecimal("1500"));
		assertThat(saved.unitIds()).containsExactly(tamThanh);
		assertThat(saved.sectionId()).isEqualTo(section);
		mvc.perform(get("/plans/{id}", plan).with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bê tông hóa đường trục thôn Hòa Thượng")))
			.andExpect(content().string(containsString("hạn 31/03/2024")));
		mvc.perform(get("/plans/mine").with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bê tông hóa đường trục thôn Hòa Thượng")));
		assertThat(audited("plan", plan)).isEqualTo(1);
		assertThat(audited("plan_task", task)).isEqualTo(1);

		// edit and reassign: the title and the lead's account change, audited
		UserView other = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		mvc.perform(get("/tasks/{id}/edit", task).with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1,08")));
		mvc.perform(post("/tasks/{id}/edit", task).with(as(district))
			.with(csrf())
			.param("sectionId", String.valueOf(section))
			.param("title", "Bê tông hóa đường trục thôn Hòa Thượng (đoạn 2)")
			.param("leadUserId", String.valueOf(other.id()))
			.param("deadline", "trong quý II/2024")
			.param("quantity", "1,08")
			.param("quantityUnit", "km")
			.param("status", "IN_PROGRESS")
			.param("expectedVersion", "0")).andExpect(status().is3xxRedirection());
		TaskView reassigned = PlanningTests.as(district, () -> planning.task(task));
		assertThat(reassigned.leadUserId()).isEqualTo(other.id());
		assertThat(reassigned.status()).isEqualTo(TaskStatus.IN_PROGRESS);
		assertThat(reassigned.deadline().due()).isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(audited("plan_task", task)).isEqualTo(3);
	}

	@Test
	void shouldNameEveryFieldItCannotReadAndSaveNothing() throws Exception {
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		long plan = createPlan(district, TestData.unique("Kế hoạch lỗi "));

		mvc.perform(post("/plans/{id}/tasks/new", plan).with(as(district))
			.with(csrf())
			.param("title", " ")
			.param("quantity", "abc")
			.param("money", "1,2,3")
			.param("expectedVersion", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Nội dung nhiệm vụ: </strong><span>Cần ghi nội dung nhiệm vụ.")))
			.andExpect(content().string(containsString("Khối lượng: </strong><span>Không đọc được số")))
			.andExpect(content().string(containsString("Kinh phí dự kiến (triệu đồng): </strong>")));
		mvc.perform(post("/plans/{id}/tasks/new", plan).with(as(district))
			.with(csrf())
			.param("title", "Rà soát quy hoạch")
			.param("deadline", "khi có vốn")
			.param("expectedVersion", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Thời hạn: </strong><span>Không đọc được thời hạn")));
		mvc.perform(post("/plans/{id}/tasks/new", plan).with(as(district))
			.with(csrf())
			.param("title", "Lắp loa")
			.param("quantity", "7")
			.param("expectedVersion", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Đơn vị tính: </strong><span>Cần ghi đơn vị tính")));
		UserView stranger = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314");
		mvc.perform(post("/plans/{id}/tasks/new", plan).with(as(district))
			.with(csrf())
			.param("title", "Giao cho người ngoài")
			.param("leadUserId", String.valueOf(stranger.id()))
			.param("expectedVersion", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Tài khoản người chủ trì: </strong>")));
		assertThat(PlanningTests.as(district, () -> planning.tasks(plan, TaskFilter.all()))).isEmpty();

		mvc.perform(post("/plans/new").with(as(district))
			.with(csrf())
			.param("unitId", String.valueOf(tamKy()))
			.param("issuedOn", "32/01/2024")
			.param("issuer", "")
			.param("yearFrom", "20x4")
			.param("title", "")
			.param("expectedVersion", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Ngày ban hành: </strong>")))
			.andExpect(content().string(containsString("Cơ quan ban hành: </strong>")))
			.andExpect(content().string(containsString("Từ năm: </strong>")))
			.andExpect(content().string(containsString("Tên (trích yếu) kế hoạch: </strong>")));
		mvc.perform(post("/plans/duties/new").with(as(district))
			.with(csrf())
			.param("unitId", String.valueOf(tamKy()))
			.param("title", "Báo cáo tháng")
			.param("recipient", "UBND tỉnh")
			.param("schedule", "thỉnh thoảng")
			.param("startsOn", "01/01/2024")
			.param("expectedVersion", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Thời hạn báo cáo: </strong><span>Không đọc được thời hạn")));
	}

	@Test
	void shouldRefuseAUserOfAnotherUnitAndHideTheLinksFromReaders() throws Exception {
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		long plan = createPlan(district, TestData.unique("Kế hoạch của Tam Kỳ "));
		long section = PlanningTests.as(district, () -> planning.addSection(plan, "I", "Mục tiêu"));
		long task = PlanningTests.as(district,
				() -> planning.addTask(plan,
						new TaskForm(section, null, "Việc của Tam Kỳ", null, false, null, null, List.of(),
								"Phòng Kinh tế", null, null, null, null, "quý I/2024", null, null, null, null, null)));
		UserView hungMy = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314");

		mvc.perform(get("/plans/{id}/tasks/new", plan).with(as(hungMy))).andExpect(status().isForbidden());
		mvc.perform(post("/plans/{id}/tasks/new", plan).with(as(hungMy))
			.with(csrf())
			.param("title", "Việc chen ngang")
			.param("expectedVersion", "0")).andExpect(status().isForbidden());
		mvc.perform(get("/plans/{id}/edit", plan).with(as(hungMy))).andExpect(status().isForbidden());
		mvc.perform(post("/plans/{id}/edit", plan).with(as(hungMy))
			.with(csrf())
			.param("unitId", String.valueOf(tamKy()))
			.param("issuer", "X")
			.param("yearFrom", "2024")
			.param("title", "Đổi tên")
			.param("expectedVersion", "0")).andExpect(status().isForbidden());
		mvc.perform(post("/plans/{id}/sections/{s}/edit", plan, section).with(as(hungMy))
			.with(csrf())
			.param("title", "Đổi tên")
			.param("expectedVersion", "0")).andExpect(status().isForbidden());
		mvc.perform(post("/tasks/{id}/edit", task).with(as(hungMy))
			.with(csrf())
			.param("title", "Đổi tên")
			.param("expectedVersion", "0")).andExpect(status().isForbidden());
		mvc.perform(post("/plans/new").with(as(hungMy))
			.with(csrf())
			.param("unitId", String.valueOf(tamKy()))
			.param("issuer", "UBND")
			.param("yearFrom", "2024")
			.param("title", "Kế hoạch mạo danh")
			.param("expectedVersion", "0")).andExpect(status().isForbidden());
		assertThat(PlanningTests.as(district, () -> planning.task(task).title())).isEqualTo("Việc của Tam Kỳ");

		// a reader of the province sees the plan without the links, and is refused the
		// forms
		UserView viewer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "49");
		mvc.perform(get("/plans/{id}", plan).with(as(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"add-task\""))))
			.andExpect(content().string(not(containsString("id=\"edit-plan\""))));
		mvc.perform(get("/tasks/{id}", task).with(as(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"edit-task\""))));
		mvc.perform(get("/tasks/{id}/edit", task).with(as(viewer))).andExpect(status().isForbidden());
		mvc.perform(get("/plans/{id}/sections/new", plan).with(as(viewer))).andExpect(status().isForbidden());
	}

	@Test
	void shouldRefuseAStaleEditNamingWhoChangedIt() throws Exception {
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		UserView colleague = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		long plan = createPlan(district, TestData.unique("Kế hoạch sửa cùng lúc "));
		long section = PlanningTests.as(district, () -> planning.addSection(plan, "I", "Mục tiêu"));
		TaskForm form = new TaskForm(null, null, "Việc sửa cùng lúc", null, false, null, null, List.of(),
				"Phòng Kinh tế", null, null, null, null, "quý I/2024", null, null, null, null, null);
		long task = PlanningTests.as(district, () -> planning.addTask(plan, form));

		// the colleague saves first, from the same version 0
		PlanningTests.as(colleague,
				() -> planning.updateTask(task,
						new TaskForm(null, null, "Việc của đồng nghiệp", null, false, null, null, List.of(),
								"Phòng Kinh tế", null, null, null, null, "quý I/2024", null, null, null, null, null),
						0));
		mvc.perform(post("/tasks/{id}/edit", task).with(as(district))
			.with(csrf())
			.param("title", "Việc của tôi")
			.param("deadline", "quý II/2024")
			.param("status", "TODO")
			.param("expectedVersion", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("vừa được " + colleague.fullName() + " thay đổi")))
			.andExpect(content().string(containsString("chưa được lưu")));
		assertThat(PlanningTests.as(district, () -> planning.task(task).title())).isEqualTo("Việc của đồng nghiệp");

		PlanningTests.as(colleague, () -> planning.updateSection(section, "I", "Mục tiêu năm 2024", 0));
		mvc.perform(post("/plans/{id}/sections/{s}/edit", plan, section).with(as(district))
			.with(csrf())
			.param("number", "I")
			.param("title", "Mục tiêu chung")
			.param("expectedVersion", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(colleague.fullName())));

		PlanView before = PlanningTests.as(colleague, () -> planning.plan(plan));
		PlanningTests.as(colleague,
				() -> planning.updatePlan(plan, new PlanForm(tamKy(), "16/KH-UBND", null, "UBND thành phố Tam Kỳ", 2024,
						2024, before.summary().title(), null, null, null, null), before.summary().version()));
		mvc.perform(post("/plans/{id}/edit", plan).with(as(district))
			.with(csrf())
			.param("unitId", String.valueOf(tamKy()))
			.param("issuer", "UBND thành phố Tam Kỳ")
			.param("yearFrom", "2024")
			.param("title", "Tên khác")
			.param("expectedVersion", String.valueOf(before.summary().version())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(colleague.fullName())));
		assertThat(PlanningTests.as(district, () -> planning.plan(plan).summary().number())).isEqualTo("16/KH-UBND");

		long duty = PlanningTests.as(district, () -> duties.create(new DutyForm(tamKy(), null, "UBND tỉnh",
				"Báo cáo tháng về NTM", "hằng tháng", LocalDate.of(2024, 1, 1), null, plan)));
		mvc.perform(get("/plans/duties/{id}/edit", duty).with(as(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hằng tháng")));
		PlanningTests.as(colleague, () -> duties.update(duty, new DutyForm(tamKy(), null, "UBND tỉnh Quảng Nam",
				"Báo cáo tháng về NTM", "định kỳ ngày 22 hằng tháng", LocalDate.of(2024, 1, 1), null, plan), 0));
		mvc.perform(post("/plans/duties/{id}/edit", duty).with(as(district))
			.with(csrf())
			.param("unitId", String.valueOf(tamKy()))
			.param("title", "Báo cáo tháng")
			.param("recipient", "UBND tỉnh")
			.param("schedule", "hằng quý")
			.param("startsOn", "01/01/2024")
			.param("expectedVersion", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(colleague.fullName())));
		assertThat(PlanningTests.as(district, () -> duties.duty(duty).schedule().dayOfMonth())).isEqualTo(22);
	}

	private long audited(String entity, long id) {
		return jdbc.sql("select count(*) from audit_event where entity_type = :type and entity_id = :id")
			.param("type", entity)
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single();
	}

}
