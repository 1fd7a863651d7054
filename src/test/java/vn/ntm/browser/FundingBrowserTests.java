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

	@Autowired
	vn.ntm.funding.FundingManagement funding;

	@Test
	void aCommuneOfficerRecordsAPaymentAndTheWorksProgressBarMoves() {
		vn.ntm.orgunit.UnitRef commune = data.commune("502", "Xã Giải Ngân");
		vn.ntm.security.UserView officer = data.user(vn.ntm.security.Role.COMMUNE_OFFICER, TestData.AFTER_REFORM,
				commune.code());
		long work = vn.ntm.security.SystemTask.call(() -> funding
			.createWork(new vn.ntm.funding.FundingManagement.NewWork(commune.id(), "Cầu dân sinh thôn Bắc", "UBND xã",
					null, "2", null, null, java.time.LocalDate.of(2024, 1, 20), null, null)));
		vn.ntm.security.SystemTask.run(() -> funding.allocate(work,
				new vn.ntm.funding.FundingManagement.NewAllocation(2024, "NST",
						vn.ntm.shared.Money.of("100", vn.ntm.shared.MoneyUnit.TRIEU), "QĐ phân bổ",
						java.time.LocalDate.of(2024, 1, 20))));
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login(officer.username(), TestData.PASSWORD);
			browser.go("/funding/units/" + commune.id() + "/works");
			WebElement bar = browser.waitFor(By.cssSelector("#work-" + work + " progress"));
			assertThat(bar.getDomAttribute("value")).isEqualTo("0");
			browser.click(browser.driver.findElement(By.linkText("Cầu dân sinh thôn Bắc")));
			browser.waitFor(By.id("disburse-form"));
			// beyond the allocation: the Vietnamese reason at the amount, nothing saved
			pay(browser, "15/05/2024", "150");
			browser.waitForText("chỉ còn 100 triệu đồng");
			assertThat(browser.driver.findElement(By.id("amount")).getDomAttribute("class")).contains("is-invalid");
			assertThat(browser.driver.findElement(By.id("amount-error")).getText()).contains("Chưa lưu gì");
			browser.screenshot("funding-form-payment-refused");
			assertThat(jdbc.sql("select count(*) from disbursement where work_id = :id")
				.param("id", work)
				.query(Integer.class)
				.single()).isZero();
			pay(browser, "15/05/2024", "40");
			browser.waitForText("Đã lưu");
			browser.go("/funding/units/" + commune.id() + "/works");
			WebElement moved = browser.waitFor(By.cssSelector("#work-" + work + " progress"));
			assertThat(moved.getDomAttribute("value")).isEqualTo("40");
			assertThat(browser.driver.findElement(By.cssSelector("#work-" + work + " .rate")).getText())
				.isEqualTo("40,0%");
			browser.screenshot("funding-form-progress-bar");
			// the capital-plan form: choosing a carry-over brings its fields (htmx)
			browser.go("/funding/units/" + commune.id() + "/transactions/new");
			new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("kind"))).selectByValue("CARRY_IN");
			browser.waitFor(By.id("fromYear"));
			browser.waitFor(By.id("deadline"));
			browser.screenshot("funding-form-transaction");
			browser.go("/funding/works/" + work + "/progress");
			browser.waitFor(By.id("settlementAmount"));
			browser.screenshot("funding-form-progress");
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
