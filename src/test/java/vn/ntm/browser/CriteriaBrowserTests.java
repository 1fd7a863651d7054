package vn.ntm.browser;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog and the evaluation in a real Chromium: a province office copies the
 * national set into its own, gives an indicator its first threshold and publishes it; a
 * commune officer reads the seed's results as the documents write them, opens the next
 * year and enters what a report states.
 */
@IntegrationTest
class CriteriaBrowserTests {

	static final String DEMO_PASSWORD = "NtmDemo@2026";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void shouldLetAProvinceOfficeMakeItsOwnSetAndPublishIt() {
		String code = "QNAM_TEST_" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("quangnam", DEMO_PASSWORD);
			browser.driver.findElement(By.linkText("Bộ tiêu chí")).click();
			browser.click(browser
				.waitFor(By.partialLinkText("Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025")));
			browser.waitForText("chưa có ngưỡng");
			browser.click(browser.driver.findElement(By.partialLinkText("Sao chép thành bộ tiêu chí của tỉnh")));
			browser.waitFor(By.id("code")).sendKeys(code);
			new Select(browser.driver.findElement(By.id("province"))).selectByValue("49");
			browser.screenshot("catalog-copy");
			browser.click(browser.driver.findElement(By.cssSelector("form button[type=submit].btn-ntm")));
			browser.waitForText(code + " v1");
			assertThat(browser.text()).contains("Bản nháp", "Tỉnh Quảng Nam");

			browser.click(browser.waitFor(
					By.cssSelector("#criteria a[href*='/indicators/2.1/edit'], " + "a[href*='/indicators/2.1/edit']")));
			WebElement value = browser.waitFor(By.name("requirements[0].value"));
			new Select(browser.driver.findElement(By.name("requirements[0].op"))).selectByValue("GE");
			value.clear();
			value.sendKeys("80");
			browser.screenshot("catalog-indicator-threshold");
			browser.click(browser.driver.findElement(By.cssSelector("form button[type=submit].btn-ntm")));
			browser.waitForText("≥ 80");

			browser.click(browser.driver.findElement(By.xpath("//button[contains(., 'Ban hành')]")));
			browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
			browser.waitForText("Đang áp dụng");
			assertThat(browser.text()).contains(code + " v1", "≥ 80");
			browser.screenshot("catalog-published");
		}
	}

	@Test
	void shouldShowACommuneItsResultsAsTheDocumentsWriteThemAndTakeTheNextYear() {
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("tamthanh", DEMO_PASSWORD);
			browser.driver.findElement(By.linkText("Đánh giá")).click();
			browser.waitForText("Xã Tam Thanh");
			browser.screenshot("evaluations-tam-thanh");
			browser.go(browser.driver.findElement(By.xpath("//a[contains(@href, 'year=2023')][1]"))
				.getAttribute("href")
				.replace(browser.base, ""));
			browser.waitForText("Tam Thanh");
			String text = browser.text();
			assertThat(text).containsAnyOf("17 (16, 19)", "19 (2, 5, 13, 19)");
			browser.screenshot("evaluation-tam-thanh-2023");

			long set = data.setId("QD318_XA_NTM");
			browser.go("/units/" + data.unit("20359", TestData.BEFORE_REFORM).id() + "/evaluation?set=" + set
					+ "&year=2024");
			browser.click(browser.waitFor(By.xpath("//form[@action='/evaluations']//button[@type='submit']")));
			// the evaluation page leads to the entry page
			browser.click(browser.waitFor(By.id("entry-link")));
			browser.waitFor(By.id("entry-save"));
			for (int n = 1; n <= 19; n++) {
				String option = n == 5 ? "NOT_MET" : "MET";
				browser.click(browser.driver.findElement(By.cssSelector("label[for='c-" + n + "-" + option + "']")));
			}
			browser.driver.findElement(By.id("statedMetCount")).sendKeys("18");
			browser.driver.findElement(By.id("source")).sendKeys("Báo cáo kiểm thử năm 2024");
			browser.click(browser.driver.findElement(By.id("entry-save")));
			browser.waitForText("Đã lưu.");
			browser.wait.until(ExpectedConditions.textToBe(By.id("notation"), "18 (5)"));
			assertThat(browser.driver.findElement(By.id("ratio")).getText()).isEqualTo("18/19");
			browser.screenshot("evaluation-entered");
		}
	}

}
