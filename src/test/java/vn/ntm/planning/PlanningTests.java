package vn.ntm.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed plans as the documents write them, the coverage of Mai Đình's assignments,
 * progress reports (versions, audit, status), overdue tasks and access by unit.
 */
@IntegrationTest
class PlanningTests {

	@Autowired
	Planning planning;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldHoldTheSixTasksAndSixDatedMilestonesOfTamKy() {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		PlanSummary plan = SystemTask.call(() -> planning.plans(tamKy))
			.stream()
			.filter(p -> p.title().contains("trên địa bàn thành phố Tam Kỳ"))
			.findFirst()
			.orElseThrow();
		List<TaskView> tasks = SystemTask.call(() -> planning.tasks(plan.id(), TaskFilter.all()));
		PlanView view = SystemTask.call(() -> planning.plan(plan.id()));
		long staffing = view.sections().stream().filter(s -> "III.1".equals(s.number())).findFirst().orElseThrow().id();

		List<TaskView> six = tasks.stream().filter(t -> Long.valueOf(staffing).equals(t.sectionId())).toList();
		assertThat(six).hasSize(6);
		assertThat(six).extracting(TaskView::leadAgency)
			.containsExactlyInAnyOrder("Phòng QLĐT", "UBND xã", "Phòng Kinh tế", "Phòng Kinh tế", "Phòng Kinh tế",
					"Phòng TN-MT");
		assertThat(six).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.TODO));

		List<TaskView> milestones = tasks.stream().filter(TaskView::milestone).toList();
		assertThat(milestones).extracting(t -> t.deadline().due())
			.containsExactlyInAnyOrder(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 7, 15), LocalDate.of(2024, 3, 20),
					LocalDate.of(2024, 3, 20), LocalDate.of(2024, 9, 25), LocalDate.of(2024, 10, 20));
		assertThat(milestones).extracting(t -> t.deadline().text()).contains("trước 15/3/2024", "trước 25/9/2024");
		// open and past their day: listed first, oldest first
		assertThat(tasks.get(0).deadline().due()).isEqualTo(LocalDate.of(2024, 3, 15));
	}

	@Test
	void shouldHoldHungMysTasksWithTheirQuantitiesAndTheReviewOnThe22nd() {
		long hungMy = data.unit("02314", TestData.BEFORE_REFORM).id();
		PlanSummary plan = SystemTask.call(() -> planning.plans(hungMy)).get(0);
		List<TaskView> tasks = SystemTask.call(() -> planning.tasks(plan.id(), TaskFilter.all()));

		assertThat(plan.number()).isEqualTo("05/KH-BCĐ");
		assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2024, 2, 22));
		assertThat(tasks).anySatisfy(t -> {
			assertThat(t.title()).contains("Nà Khện");
			assertThat(t.quantity()).isEqualByComparingTo("0.51");
			assertThat(t.quantityUnit()).isEqualTo("km");
			assertThat(t.criterion()).isEqualTo("2");
		});
		assertThat(tasks).anySatisfy(t -> {
			assertThat(t.title()).contains("sân thể thao");
			assertThat(t.quantity()).isEqualByComparingTo("7");
			assertThat(t.quantityUnit()).isEqualTo("sân");
		});
		TaskView review = tasks.stream().filter(t -> t.title().startsWith("Kiểm điểm")).findFirst().orElseThrow();
		assertThat(review.deadline().isRecurring()).isTrue();
		assertThat(review.deadline().dayOfMonth()).isEqualTo(22);
		assertThat(review.dueOn(LocalDate.of(2024, 5, 23))).contains(LocalDate.of(2024, 6, 22));

		List<TaskView> criterion17 = SystemTask
			.call(() -> planning.tasks(plan.id(), new TaskFilter(null, "17", null, null)));
		assertThat(criterion17).hasSize(7).allSatisfy(t -> assertThat(t.criterionNumber()).isEqualTo("17"));
	}

	@Test
	void shouldFlagMaiDinhsCriteriaWithoutALeadAndWithTwo() {
		long maiDinh = data.unit("07885", TestData.BEFORE_REFORM).id();
		PlanSummary plan = SystemTask.call(() -> planning.plans(maiDinh)).get(0);

		Coverage coverage = SystemTask.call(() -> planning.coverage(plan.id()));

		assertThat(coverage.setCode()).isEqualTo("BG741_2022_XA_NTM_NC");
		assertThat(coverage.rows()).hasSize(19);
		assertThat(coverage.nobody()).extracting(Coverage.Row::number).containsExactly("19");
		assertThat(coverage.several()).singleElement().satisfies(row -> {
			assertThat(row.number()).isEqualTo("18");
			assertThat(row.leads()).containsExactly("Đinh Văn Tám", "Ngô Văn Đồng");
		});
		assertThat(coverage.hasProblems()).isTrue();

		List<TaskView> hien = SystemTask
			.call(() -> planning.tasks(plan.id(), new TaskFilter("dang thi hien", null, null, null)));
		assertThat(hien).hasSize(3);
		List<TaskView> august = SystemTask
			.call(() -> planning.tasks(plan.id(), new TaskFilter(null, null, YearMonth.of(2024, 8), null)));
		assertThat(august).extracting(TaskView::title)
			.anyMatch(t -> t.contains("điểm tập kết rác"))
			.noneMatch(t -> t.contains("CLB văn hóa"));
		TaskView lights = SystemTask.call(() -> planning.tasks(plan.id(), TaskFilter.all()))
			.stream()
			.filter(t -> t.title().contains("điện chiếu sáng"))
			.findFirst()
			.orElseThrow();
		assertThat(lights.deadline().due()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(lights.unitIds()).hasSize(1);
	}

	@Test
	void shouldRecordProgressRefuseAStaleOneAndFinishAtTheWholeQuantity() {
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		long planId = as(district, () -> planning.createPlan(new PlanForm(tamKy, null, null, "UBND thành phố Tam Kỳ",
				2026, 2026, TestData.unique("Kế hoạch kiểm thử "), null, null, null, null)));
		long taskId = as(district,
				() -> planning.addTask(planId,
						new TaskForm(null, "1", "Bê tông hóa đường thôn", null, false, "2", null, List.of(tamThanh),
								null, "Phạm Thị Dung", "Công chức Địa chính", district.id(), null, "quý IV/2026",
								new BigDecimal("2.5"), "km", new BigDecimal("1500"), "Ngân sách tỉnh", null)));

		// the commune the task concerns reports; a plan of the city it may not change
		assertThat(as(commune, () -> planning.canReport(taskId))).isTrue();
		assertThatThrownBy(() -> as(commune, () -> planning.addSection(planId, "I", "Mục mới")))
			.isInstanceOf(AccessRefused.class);
		TaskView half = as(commune, () -> planning.report(taskId,
				new ProgressForm(null, null, new BigDecimal("1.25"), "Đã đổ xong 1,25 km"), 0));
		assertThat(half.progress()).isEqualTo(50);
		assertThat(half.status()).isEqualTo(TaskStatus.IN_PROGRESS);

		// a report on the version read before is refused, naming who changed it
		assertThatThrownBy(() -> as(district, () -> planning.report(taskId, new ProgressForm(null, 80, null, null), 0)))
			.isInstanceOf(ConcurrentChangeException.class);
		assertThatThrownBy(() -> as(commune,
				() -> planning.report(taskId, new ProgressForm(null, 120, null, null), half.version())))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("planning.progress.percent");
		assertThatThrownBy(() -> as(commune,
				() -> planning.report(taskId, new ProgressForm(null, null, null, "x"), half.version())))
			.hasMessage("planning.progress.empty");

		TaskView done = as(commune, () -> planning.report(taskId,
				new ProgressForm(null, null, new BigDecimal("2.5"), "Hoàn thành"), half.version()));
		assertThat(done.status()).isEqualTo(TaskStatus.DONE);
		assertThat(done.progress()).isEqualTo(100);

		// the lead above sees each report, who made it, and the audit trail has them
		List<ProgressView> reports = as(district, () -> planning.progress(taskId));
		assertThat(reports).hasSize(2).allSatisfy(r -> assertThat(r.reportedBy()).isEqualTo(commune.fullName()));
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'plan_task' and entity_id = :id")
			.param("id", String.valueOf(taskId))
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThatThrownBy(() -> as(commune,
				() -> planning.report(taskId, new ProgressForm(null, 10, null, null), done.version())))
			.hasMessage("planning.progress.closed");
	}

	@Test
	void shouldListOverdueTasksAndMyTasks() {
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long planId = as(district, () -> planning.createPlan(new PlanForm(tamKy, null, null, "UBND thành phố Tam Kỳ",
				2024, 2024, TestData.unique("Kế hoạch quá hạn "), null, null, null, null)));
		long late = as(district,
				() -> planning.addTask(planId,
						new TaskForm(null, null, "Việc đã quá hạn", null, false, null, null, List.of(), "Phòng Kinh tế",
								null, null, district.id(), null, "trước 1/3/2024", null, null, null, null, null)));

		assertThat(as(district, () -> planning.overdue(tamKy, LocalDate.of(2024, 3, 2)))).extracting(TaskView::id)
			.contains(late);
		assertThat(as(district, () -> planning.overdue(tamKy, LocalDate.of(2024, 3, 1)))).extracting(TaskView::id)
			.doesNotContain(late);
		assertThat(as(district, () -> planning.myTasks())).extracting(TaskView::id).containsExactly(late);
	}

	@Test
	void shouldShowOnlyThePlansOfTheReadersUnits() {
		UserView tamThanh = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		long hungMy = data.unit("02314", TestData.BEFORE_REFORM).id();
		long hungMyPlan = SystemTask.call(() -> planning.plans(hungMy)).get(0).id();

		assertThat(as(tamThanh, () -> planning.plans())).extracting(PlanSummary::unitId).doesNotContain(hungMy);
		assertThatThrownBy(() -> as(tamThanh, () -> planning.plan(hungMyPlan))).isInstanceOf(AccessRefused.class);
		assertThatThrownBy(() -> as(tamThanh, () -> planning.tasks(hungMyPlan, TaskFilter.all())))
			.isInstanceOf(AccessRefused.class);
	}

	@Test
	void shouldRefuseAnUnreadableDeadlineNamingIt() {
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long planId = as(district, () -> planning.createPlan(new PlanForm(tamKy, null, null, "UBND thành phố Tam Kỳ",
				2024, 2024, TestData.unique("Kế hoạch "), null, null, null, null)));
		assertThatThrownBy(() -> as(district,
				() -> planning.addTask(planId,
						new TaskForm(null, null, "Việc", null, false, null, null, List.of(), null, null, null, null,
								null, "khi có vốn", null, null, null, null, null))))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("planning.deadline.unreadable");
		assertThat(SystemTask.call(() -> planning.tasks(planId, TaskFilter.all()))).isEmpty();
	}

	static <T> T as(UserView user, Supplier<T> work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(user.username(), null, List.of()));
		var previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
