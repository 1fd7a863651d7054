package vn.ntm.browser;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.planning.PlanForm;
import vn.ntm.planning.Planning;
import vn.ntm.planning.TaskForm;
import vn.ntm.platform.jobs.Jobs;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserForm;
import vn.ntm.security.UserManagement;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;
import vn.ntm.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In a real Chromium: a commune officer reports progress on a task of the city's plan
 * that concerns the commune; the city's lead sees the report; the lead's overdue task is
 * first in the plan's overdue list; the daily reminder job, run on the scheduler, sends
 * the lead an e-mail (captured by the in-process SMTP server).
 */
@IntegrationTest
class PlanningBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	Planning planning;

	@Autowired
	UserManagement users;

	@Autowired
	Jobs jobs;

	@Test
	void shouldCarryAReportUpAndRemindTheLeadOfAnOverdueTask() throws Exception {
		TestMail.server();
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		String username = TestData.unique("phongkt");
		UserView lead = SystemTask.call(() -> users.create(
				new UserForm(username, "Trần Văn Lực", username + "@tamky.example.vn", null,
						"Phòng Kinh tế thành phố Tam Kỳ", Role.DISTRICT_OFFICE, Set.of(tamKy), Set.of()),
				TestData.PASSWORD));
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		String planTitle = TestData.unique("Kế hoạch truyền thanh thành phố ");
		long plan = SystemTask.call(() -> planning.createPlan(new PlanForm(tamKy, "12/KH-UBND", null,
				"UBND thành phố Tam Kỳ", 2026, 2026, planTitle, null, null, null, null)));
		long speakers = SystemTask.call(() -> planning.addTask(plan,
				new TaskForm(null, "1", "Lắp đặt loa truyền thanh thôn", null, false, "8", null, List.of(tamThanh),
						"Phòng Kinh tế", "Trần Văn Lực", "Trưởng phòng", lead.id(), "UBND xã Tam Thanh",
						"trong quý IV/2026", new BigDecimal("7"), "loa", new BigDecimal("350"), "Ngân sách thành phố",
						null)));
		String lateTitle = TestData.unique("Rà soát hồ sơ thôn kiểu mẫu ");
		SystemTask.call(() -> planning.addTask(plan,
				new TaskForm(null, "2", lateTitle, null, true, null, null, List.of(tamThanh), "Phòng Kinh tế",
						"Trần Văn Lực", "Trưởng phòng", lead.id(), null, "trước 15/3/2026", null, null, null, null,
						null)));

		// the commune officer reports progress on the task that concerns the commune
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login(commune.username(), TestData.PASSWORD);
			browser.go("/tasks/" + speakers);
			browser.waitFor(By.id("report-form"));
			browser.driver.findElement(By.id("quantityDone")).sendKeys("3");
			browser.driver.findElement(By.id("note")).sendKeys("Đã lắp 3 loa ở thôn Hòa Thượng");
			browser.click(browser.driver.findElement(By.id("report-submit")));
			browser.waitForText("Đã lưu.");
			assertThat(browser.driver.findElement(By.id("task-progress")).getText()).isEqualTo("42%");
			browser.screenshot("planning-1-reported");
		}

		// the lead at the city sees the report, and the overdue task first
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login(lead.username(), TestData.PASSWORD);
			browser.go("/plans/" + plan);
			browser.waitFor(By.id("late"));
			assertThat(browser.driver.findElement(By.id("late")).getText()).contains(lateTitle)
				.doesNotContain("Lắp đặt loa truyền thanh thôn");
			browser.click(browser.driver.findElement(By.linkText("Lắp đặt loa truyền thanh thôn")));
			browser.waitFor(By.id("reports"));
			assertThat(browser.driver.findElement(By.id("reports")).getText())
				.contains("Đã lắp 3 loa ở thôn Hòa Thượng")
				.contains(commune.fullName());
			browser.screenshot("planning-2-lead-sees");
			browser.go("/plans/mine");
			assertThat(browser.waitFor(By.id("my-tasks")).getText()).contains(lateTitle);
		}

		// the daily reminders, run now on the scheduler, e-mail the lead about the
		// overdue task
		jobs.runNow("planning-reminders");
		await().atMost(Duration.ofSeconds(90)).until(() -> mailTo(lead.email(), lateTitle) != null);
		MimeMessage mail = mailTo(lead.email(), lateTitle);
		assertThat(mail.getContent().toString()).contains("trước 15/3/2026").contains("/tasks/");
	}

	private static MimeMessage mailTo(String address, String title) {
		for (MimeMessage m : TestMail.server().getReceivedMessages()) {
			try {
				if (m.getAllRecipients()[0].toString().equals(address) && m.getSubject().contains(title)) {
					return m;
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return null;
	}

}
