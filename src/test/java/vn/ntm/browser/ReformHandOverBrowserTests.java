package vn.ntm.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-over of 1/7/2025 in a real Chromium, with the demo accounts: the commune
 * officer of Xã Tam Thanh (merged into Phường Quảng Phú, Thành phố Đà Nẵng) opens its
 * 2025 assessment with the form's defaults and submits it; Thành phố Đà Nẵng, which
 * received it, finds it waiting, reviews and approves it; Tam Kỳ's and Đà Nẵng's 2025
 * matrix and progress and the commune's summary show it; Tỉnh Quảng Nam still reads it.
 */
@IntegrationTest
class ReformHandOverBrowserTests {

	static final String DEMO_PASSWORD = "NtmDemo@2026";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Test
	void shouldHandTamThanhsYearToDaNang() {
		long set = data.setId("QD318_XA_NTM");
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long daNang = data.unit("48", TestData.AFTER_REFORM).id();

		// the commune opens its 2025 assessment with the defaults and submits it
		try (Browser browser = as("tamthanh")) {
			browser.go("/evaluations?unit=" + tamThanh);
			assertThat(browser.waitFor(By.id("open-year")).getAttribute("value")).isEqualTo("2025");
			new Select(browser.driver.findElement(By.id("open-set"))).selectByValue(String.valueOf(set));
			browser.driver.findElement(By.id("open-source")).sendKeys("Báo cáo xã Tam Thanh 6 tháng đầu năm 2025");
			browser
				.click(browser.driver.findElement(By.cssSelector("form[action$='/evaluations'] button[type=submit]")));
			browser.waitForText("30/06/2025");
			AssessmentView view = SystemTask.call(() -> assessments.find(tamThanh, set, 2025)).orElseThrow();
			assertThat(view.asOf()).isEqualTo(java.time.LocalDate.of(2025, 6, 30));
			browser.go("/assessments/" + view.id() + "/entry");
			for (int n = 1; n <= 17; n++) {
				browser.click(browser.waitFor(By.cssSelector("label[for='c-" + n + "-MET']")));
			}
			browser.click(browser.driver.findElement(By.cssSelector("label[for='c-18-NOT_MET']")));
			browser.click(browser.driver.findElement(By.cssSelector("label[for='c-19-NOT_MET']")));
			browser.click(browser.driver.findElement(By.id("entry-save")));
			browser.waitForText("Đã lưu.");
			browser.go("/assessments/" + view.id() + "/workflow");
			browser.click(browser.waitFor(By.id("submit-assessment")));
			browser.waitForText("Đã nộp, chờ kiểm tra");
			browser.screenshot("reform-1-submitted");
		}

		// Đà Nẵng, which received the commune, has it waiting, reviews and approves it
		try (Browser browser = as("danang")) {
			browser.go("/assessments/waiting");
			browser.click(browser.waitFor(By.linkText("Xã Tam Thanh")));
			browser.waitFor(By.id("review-note")).sendKeys("Thành phố Đà Nẵng thẩm tra hồ sơ xã Tam Thanh cũ");
			browser.click(browser.driver.findElement(By.id("review-assessment")));
			browser.waitForText("Đã thẩm tra");
			browser.click(browser.waitFor(By.id("approve-assessment")));
			browser.waitForText("Đã thẩm định, phê duyệt");
			browser.screenshot("reform-2-approved");
			for (long root : new long[] { tamKy, daNang }) {
				browser.go("/units/" + root + "/evaluations/matrix?set=" + set + "&year=2025");
				if (root == daNang) {
					// Đà Nẵng's 2025 has more than 250 xã: from its units directly below,
					// Tam Kỳ (ended 30/06/2025) leads to Tam Thanh (issue 10)
					browser.click(browser.waitFor(By.cssSelector("tr[data-unit='" + tamKy + "'] a.drill")));
				}
				WebElement row = browser.waitFor(By.xpath("//tr[.//*[normalize-space(text())='Xã Tam Thanh']]"));
				assertThat(row.getText()).contains("17 (18, 19)", "kết thúc 30/06/2025");
				browser.go("/units/" + root + "/assessments/progress?set=" + set + "&year=2025");
				if (root == daNang) {
					browser.click(browser.waitFor(By.cssSelector("tr[data-unit='" + tamKy + "'] a.drill")));
				}
				WebElement progress = browser.waitFor(By.xpath("//tr[.//*[normalize-space(text())='Xã Tam Thanh']]"));
				assertThat(progress.getAttribute("data-state")).isEqualTo("APPROVED");
			}
			browser.screenshot("reform-3-progress");
			browser.go("/units/" + tamThanh + "/summary?set=" + set + "&year=2025");
			assertThat(browser.waitFor(By.id("notation")).getText()).isEqualTo("17 (18, 19)");
			assertThat(browser.waitFor(By.id("status")).getText()).isEqualTo("Đã thẩm định, phê duyệt");
		}

		// Quảng Nam still reads it
		try (Browser browser = as("quangnam")) {
			browser.go("/units/" + tamThanh + "/summary?set=" + set + "&year=2025");
			assertThat(browser.waitFor(By.id("notation")).getText()).isEqualTo("17 (18, 19)");
			browser.go("/units/" + tamThanh);
			assertThat(browser.waitFor(By.id("unit-fate")).getText())
				.isEqualTo("Đã sáp nhập vào Phường Quảng Phú, Thành phố Đà Nẵng từ 01/07/2025");
		}
	}

	private Browser as(String username) {
		Browser browser = Browser.open(port, 1280, 900);
		browser.login(username, DEMO_PASSWORD);
		return browser;
	}

}
