package vn.ntm.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Funding in a real Chromium: the province's summary with its chart and the document's
 * totals, then a commune officer refused a payment beyond the allocation and recording
 * one within it.
 */
@IntegrationTest
class FundingBrowserTests {

	static final String DEMO_PASSWORD = "NtmDemo@2026";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void provinceSummaryShowsTheDocumentsFiguresWithAChart() {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("quangnam", DEMO_PASSWORD);
			browser.go("/funding/units/" + quangNam + "?from=2024&to=2025&at=2024-12-31");
			browser.waitForText("1.307,608");
			assertThat(browser.text()).contains("726,276", "581,332", "597,443 tỷ đồng", "Khớp");
			Object chart = ((JavascriptExecutor) browser.driver)
				.executeScript("return typeof Chart !== 'undefined' && Chart.getChart('funding-chart') != null;");
			assertThat(chart).isEqualTo(true);
			browser.screenshot("funding-summary-quang-nam");
		}
	}

	@Test
	void aPaymentBeyondTheAllocationIsRefusedOnThePage() {
		long work = jdbc.sql("select id from funding_work where project_code = 'MH-2024-01'")
			.query(Long.class)
			.single();
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("tamthanh", DEMO_PASSWORD);
			browser.go("/funding/works/" + work);
			browser.waitForText("Ví dụ minh họa");
			pay(browser, "30/11/2024", "900");
			browser.waitForText("chỉ còn 300 triệu đồng");
			browser.screenshot("funding-payment-refused");
			pay(browser, "30/11/2024", "1,5");
			browser.waitForText("Đã lưu");
			assertThat(browser.text()).contains("30/11/2024", "1,5");
		}
	}

	private static void pay(Browser browser, String date, String amount) {
		WebElement paidOn = browser.waitFor(By.id("paidOn"));
		paidOn.clear();
		paidOn.sendKeys(date);
		WebElement year = browser.driver.findElement(By.id("year"));
		year.clear();
		year.sendKeys("2024");
		new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("source"))).selectByValue("NST");
		WebElement field = browser.driver.findElement(By.id("amount"));
		field.clear();
		field.sendKeys(amount);
		browser.click(browser.driver.findElement(By.id("disburse")));
	}

}
