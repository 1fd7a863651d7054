package vn.ntm.planning;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ntm.planning.PlanPagesTests.as;

/**
 * Seed 003 in the demo data: Xuân Lương's plan 138/KH-UBND of 19/02/2024 with its targets
 * as written (the impossible "trên 100%" kept and pointed at), its dated solutions due
 * 31/03, 30/09 and 20/02/2024, a monthly clean-up, and the results checked at 3, 6 and 12
 * months as reporting duties due 31/03, 30/06 and 31/12/2024.
 */
@IntegrationTest
class XuanLuongPlanTests {

	@Autowired
	Planning planning;

	@Autowired
	ReportingDuties duties;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	PlanSummary plan(long unit) {
		return SystemTask.call(() -> planning.plans(unit))
			.stream()
			.filter(p -> "138/KH-UBND".equals(p.number()))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void shouldHoldXuanLuongsPlanWithItsDueDates() throws Exception {
		long xuanLuong = data.unit("07249", TestData.BEFORE_REFORM).id();
		PlanSummary plan = plan(xuanLuong);
		assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2024, 2, 19));
		assertThat(plan.issuer()).isEqualTo("UBND xã Xuân Lương");
		PlanView view = SystemTask.call(() -> planning.plan(plan.id()));
		assertThat(view.legalBases()).contains("Kế hoạch số 13/KH-UBND ngày 02/02/2024 của UBND huyện Yên Thế");
		assertThat(view.sections()).extracting(PlanView.Section::number)
			.containsExactly("I", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "II.7", "III");

		List<TaskView> tasks = SystemTask.call(() -> planning.tasks(plan.id(), TaskFilter.all()));
		assertThat(tasks).hasSize(41);
		assertThat(due(tasks, "lập trình UBND xã phê duyệt Phương án")).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(text(tasks, "lập trình UBND xã phê duyệt Phương án")).isEqualTo("xong trong quý I/2024");
		assertThat(due(tasks, "hoàn thiện các tiêu chí chưa đạt")).isEqualTo(LocalDate.of(2024, 9, 30));
		assertThat(due(tasks, "hoàn thành xây dựng Kế hoạch")).isEqualTo(LocalDate.of(2024, 2, 20));
		assertThat(due(tasks, "Tỷ lệ hộ nghèo giảm còn 1,48%")).isEqualTo(LocalDate.of(2024, 12, 31));
		TaskView cleanUp = find(tasks, "tổ chức vệ sinh định kỳ hàng tháng");
		assertThat(cleanUp.deadline().isRecurring()).isTrue();
		assertThat(cleanUp.dueOn(LocalDate.of(2024, 4, 10))).contains(LocalDate.of(2024, 4, 30));
		// the document's mistakes as written, pointed at, not corrected
		TaskView water = find(tasks, "nước hợp vệ sinh đạt trên 100%");
		assertThat(water.note()).contains("không thể vượt 100%");
		assertThat(tasks.stream().filter(t -> t.title().startsWith("Tiếp tục thực hiện chỉnh trang đồng ruộng")))
			.hasSize(2);
		// no figures the document does not give
		assertThat(tasks).allSatisfy(t -> assertThat(t.money()).isNull());
		assertThat(find(tasks, "kế hoạch vốn").leadPerson()).isEqualTo("Công chức Tài chính- kế toán xã");

		List<DutyView> owed = SystemTask.call(() -> duties.duties(xuanLuong))
			.stream()
			.filter(d -> d.title().startsWith("Kiểm tra, đánh giá kết quả"))
			.toList();
		assertThat(owed).extracting(d -> d.schedule().due())
			.containsExactlyInAnyOrder(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 6, 30),
					LocalDate.of(2024, 12, 31));

		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07249");
		mvc.perform(get("/plans/{id}", plan.id()).with(as(officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("xong trong quý I/2024")))
			.andExpect(content().string(containsString("hạn 31/03/2024")))
			.andExpect(content().string(containsString("hạn 20/02/2024")));
	}

	private static TaskView find(List<TaskView> tasks, String words) {
		return tasks.stream()
			.filter(t -> t.title().contains(words))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no task with " + words));
	}

	private static LocalDate due(List<TaskView> tasks, String words) {
		return find(tasks, words).deadline().due();
	}

	private static String text(List<TaskView> tasks, String words) {
		return find(tasks, words).deadline().text();
	}

}
