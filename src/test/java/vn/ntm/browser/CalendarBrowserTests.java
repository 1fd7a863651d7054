package vn.ntm.browser;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.planning.PlanForm;
import vn.ntm.planning.Planning;
import vn.ntm.planning.TaskForm;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.VnFormat;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline calendar in a real Chromium, as the city of Tam Kỳ (demo account "tamky"):
 * from the menu to the month, a task due soon marked in the grid and the list, filtered
 * by kind, the next month and back, and a feed address generated on the page.
 */
@IntegrationTest
class CalendarBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	Planning planning;

	@Test
	void shouldShowTheMonthMarkTheDueSoonTaskFilterAndGiveAFeedAddress() {
		LocalDate today = VnFormat.today();
		LocalDate due = today.plusDays(2);
		String title = TestData.unique("Rà soát hồ sơ tiêu chí 2 ");
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long task = SystemTask.callAs("tamky", () -> {
			long plan = planning.createPlan(new PlanForm(tamKy, null, null, "UBND thành phố Tam Kỳ", today.getYear(),
					today.getYear() + 1, TestData.unique("Kế hoạch lịch "), null, null, null, null));
			return planning.addTask(plan, new TaskForm(null, null, title, null, false, null, null, List.of(),
					"Phòng Kinh tế", null, null, null, null, VnFormat.date(due), null, null, null, null, null));
		});
		String month = YearMonth.from(due).format(DateTimeFormatter.ofPattern("MM/yyyy"));

		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("tamky", HomeBrowserTests.DEMO_PASSWORD);
			browser.go("/");
			browser.click(browser.waitFor(By.cssSelector("a.nav-link[href='/calendar']")));
			browser.waitFor(By.id("calendar-month"));
			if (!YearMonth.from(due).equals(YearMonth.from(today))) {
				browser.click(browser.waitFor(By.id("calendar-next")));
				browser.wait.until(ExpectedConditions.urlContains("month="));
			}
			assertThat(browser.text()).contains("Lịch hạn tháng " + month);
			WebElement cell = browser
				.waitFor(By.cssSelector("#calendar-month td[data-day='" + VnFormat.date(due) + "']"));
			WebElement entry = cell.findElement(By.cssSelector("a.calendar-entry[href='/tasks/" + task + "']"));
			assertThat(entry.getAttribute("class")).contains("state-DUE_SOON");
			WebElement row = browser
				.waitFor(By.cssSelector("#calendar-list tr[data-uid='task-" + task + "@ntm-monitor']"));
			assertThat(row.getText()).contains(VnFormat.date(due), title, "Sắp đến hạn", "còn 2 ngày");
			// at 1280 px the page fits the window (the menu included): nothing reaches
			// past
			// its right edge, and the month grid needs no scrolling of its own
			JavascriptExecutor js = (JavascriptExecutor) browser.driver;
			@SuppressWarnings("unchecked")
			List<String> beyond = (List<String>) js.executeScript(
					"""
							const width = document.documentElement.clientWidth;
							return [...document.querySelectorAll('body *')]
							  .filter(e => e.getBoundingClientRect().right > width + 0.5)
							  .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.getBoundingClientRect().right);""");
			assertThat(beyond).as("past the right edge of a 1280 px window").isEmpty();
			assertThat((Boolean) js.executeScript("const box = document.getElementById('calendar-month').parentElement;"
					+ " return box.scrollWidth <= box.clientWidth && box.scrollHeight <= box.clientHeight;"))
				.as("the month grid within its box")
				.isTrue();
			browser.screenshot("calendar-1-month");

			// only the tasks
			new Select(browser.waitFor(By.id("kind"))).selectByValue("calendar.kind.task");
			browser.click(browser.waitFor(By.cssSelector("#calendar-filter button[type='submit']")));
			browser.wait.until(ExpectedConditions.urlContains("kind=calendar.kind.task"));
			assertThat(browser.driver.findElements(By.cssSelector("#calendar-list tr[data-uid^='funding-']")))
				.isEmpty();
			assertThat(browser.waitFor(By.id("calendar-list")).getText()).contains(title);

			// the next month and back again
			browser.click(browser.waitFor(By.id("calendar-next")));
			browser.wait.until(ExpectedConditions
				.not(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Lịch hạn tháng " + month)));
			browser.click(browser.waitFor(By.id("calendar-previous")));
			browser.waitForText("Lịch hạn tháng " + month);

			// a feed address, shown once
			browser.click(browser.waitFor(By.id("feed-regenerate")));
			String address = browser.waitFor(By.id("feed-url")).getAttribute("value");
			assertThat(address).startsWith("http://localhost:" + port + "/calendar.ics?token=cal_");
			browser.screenshot("calendar-2-feed");
		}
	}

}
