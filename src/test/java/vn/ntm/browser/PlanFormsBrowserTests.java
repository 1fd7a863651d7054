package vn.ntm.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium: a commune officer of Xuân Lương lays down a plan through the page,
 * adds a task led by themself with the deadline "trong quý I/2024" — the form reads it
 * while it is typed (31/03/2024) — and finds the task on the plan page, due 31/03/2024,
 * and in "my tasks".
 */
@IntegrationTest
class PlanFormsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void shouldCreateATaskThroughThePageAndSeeItOnThePlanAndInMyTasks() {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07249");
		String planTitle = TestData.unique("Kế hoạch cải tạo cảnh quan bản ");
		String taskTitle = TestData.unique("Trồng hoa hai bên đường trục bản ");
		try (Browser browser = Browser.open(port, 1280, 1000)) {
			browser.login(officer.username(), TestData.PASSWORD);
			browser.go("/plans");
			browser.click(browser.waitFor(By.id("new-plan")));
			browser.waitFor(By.id("plan-form"));
			type(browser, "number", "21/KH-UBND");
			type(browser, "issuedOn", "01/03/2024");
			type(browser, "issuer", "UBND xã Xuân Lương");
			clearAndType(browser, "yearFrom", "2024");
			clearAndType(browser, "yearTo", "2024");
			type(browser, "title", planTitle);
			browser.click(browser.driver.findElement(By.id("plan-save")));
			browser.waitForText("Đã lưu.");
			assertThat(browser.text()).contains(planTitle);

			browser.click(browser.waitFor(By.id("add-task")));
			browser.waitFor(By.id("task-form"));
			type(browser, "title", taskTitle);
			type(browser, "leadAgency", "Ban phát triển bản");
			new Select(browser.driver.findElement(By.id("leadUserId")))
				.selectByVisibleText(officer.fullName() + " — Kiểm thử");
			type(browser, "deadline", "trong quý I/2024");
			browser.wait
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deadline-preview"), "31/03/2024"));
			type(browser, "quantity", "1,5");
			type(browser, "quantityUnit", "km");
			browser.screenshot("plan-forms-1-task");
			browser.click(browser.driver.findElement(By.id("task-save")));
			browser.waitForText("Đã lưu.");
			assertThat(browser.text()).contains(taskTitle).contains("hạn 31/03/2024");

			browser.click(browser.driver.findElement(By.linkText(planTitle)));
			browser.waitFor(By.id("task-filter"));
			WebElement row = browser.driver.findElement(By.xpath("//tr[.//a[text()='" + taskTitle + "']]"));
			assertThat(row.getText()).contains("trong quý I/2024").contains("hạn 31/03/2024").contains("1,5 km");
			browser.screenshot("plan-forms-2-plan");

			browser.go("/plans/mine");
			assertThat(browser.waitFor(By.id("my-tasks")).getText()).contains(taskTitle);
		}
	}

	private static void type(Browser browser, String id, String text) {
		browser.driver.findElement(By.id(id)).sendKeys(text);
	}

	private static void clearAndType(Browser browser, String id, String text) {
		WebElement input = browser.driver.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

}
