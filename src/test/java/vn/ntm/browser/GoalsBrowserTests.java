package vn.ntm.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quảng Nam's goals page in a real Chromium, as its programme office opens it: at
 * 31/12/2024 and today, every goal with its coloured status, progress bar, chart and
 * reasons; the count and share that disagree flagged; then a registry entry added through
 * the form moves the OCOP goal's value.
 */
@IntegrationTest
class GoalsBrowserTests {

	static final String DEMO_PASSWORD = "NtmDemo@2026";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void quangNamsGoalsPageShowsEachStatusWithItsReasonsAtTheEndOf2024AndToday() {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		try (Browser browser = Browser.open(port, 1280, 1000)) {
			browser.login("quangnam", DEMO_PASSWORD);
			browser.go("/units/" + quangNam + "/goals?at=31/12/2024");
			browser.waitForText("Mục tiêu — Tỉnh Quảng Nam");
			assertThat(browser.text()).contains("Tổng số xã đạt chuẩn NTM ít nhất 154 xã/193 xã, chiếm tỷ lệ 80%",
					"Số và tỷ lệ không khớp: 154/193 = 79,79%", "Huyện Tiên Phước đạt chuẩn NTM năm 2024", "Chú giải",
					"còn 365 ngày", "Huyện Nam Giang");
			var goals = browser.driver.findElements(By.cssSelector(".goal"));
			assertThat(goals).hasSizeGreaterThanOrEqualTo(19);
			for (WebElement goal : goals) {
				assertThat(goal.findElement(By.cssSelector(".goal-status")).getText()).isIn("Đã đạt", "Đúng tiến độ",
						"Có nguy cơ", "Chậm tiến độ");
				assertThat(goal.findElements(By.cssSelector(".goal-reasons li"))).isNotEmpty();
				assertThat(goal.findElements(By.cssSelector(".progress-bar"))).hasSize(1);
			}
			Object charts = ((JavascriptExecutor) browser.driver).executeScript(
					"return Array.from(document.querySelectorAll('canvas.goal-chart')).filter(c => Chart.getChart(c) != null).length;");
			assertThat(((Number) charts).intValue()).isEqualTo(goals.size());
			browser.screenshot("goals-quang-nam-2024");

			browser.go("/units/" + quangNam + "/goals");
			browser.waitForText("kết thúc ngày 30/06/2025");
			assertThat(browser.text()).contains("quá hạn", "Chậm tiến độ", "Số liệu đơn vị tính đến 30/06/2025.");
			browser.screenshot("goals-quang-nam-today");
		}
	}

	@Test
	void aRegistryEntryEnteredOnTheFormCountsTowardsTheOcopGoal() {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		try (Browser browser = Browser.open(port, 1280, 1000)) {
			browser.login("quangnam", DEMO_PASSWORD);
			browser.go("/units/" + quangNam + "/goal-registry/new");
			browser.waitFor(By.id("entry-form"));
			browser.driver.findElement(By.id("quantity")).sendKeys("abc");
			browser.driver.findElement(By.id("entryDate")).sendKeys("31/12/2023");
			browser.click(browser.driver.findElement(By.id("entry-save")));
			browser.waitForText("Số lượng: giá trị không hợp lệ.");
			browser.driver.findElement(By.id("quantity")).clear();
			browser.driver.findElement(By.id("quantity")).sendKeys("1.234");
			browser.driver.findElement(By.id("source")).sendKeys("Kiểm thử trình duyệt");
			browser.click(browser.driver.findElement(By.id("entry-save")));
			browser.waitForText("Đã lưu");
			browser.go("/units/" + quangNam + "/goals?at=31/12/2024");
			browser.waitForText("Kiểm thử trình duyệt");
			assertThat(browser.text()).contains("1.234");
		}
	}

}
