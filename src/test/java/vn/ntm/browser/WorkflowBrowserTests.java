package vn.ntm.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole yearly path in a real Chromium, one person after the other: a commune officer
 * fills in and submits; the health department's officer returns criterion 15 with a
 * reason; the commune sees it, corrects and submits again; the officer agrees; the city
 * reviews, the province approves; the assessment is then read-only, the parent's matrix
 * shows the result and every step is in the audit.
 */
@IntegrationTest
class WorkflowBrowserTests {

	/** Xã Tam Ngọc (Tam Kỳ), which no other test opens for 2024. */
	static final String TAM_NGOC = "20389";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	AuditLog audit;

	@Test
	void shouldTakeAnAssessmentFromTheCommuneToTheProvince() {
		long ntm = data.setId("QD318_XA_NTM");
		long unit = data.unit(TAM_NGOC, TestData.BEFORE_REFORM).id();
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		AssessmentView opened = SystemTask
			.call(() -> assessments.open(new NewAssessment(unit, ntm, 2024, null, "Báo cáo xã Tam Ngọc", null)));
		long id = opened.id();
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, TAM_NGOC);
		UserView health = data.user(Role.CRITERION_OFFICER, TestData.BEFORE_REFORM, "49");
		UserView city = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		UserView province = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");

		// the commune fills in the results and submits
		try (Browser browser = as(commune)) {
			browser.go("/assessments/" + id + "/entry");
			for (int n = 1; n <= 18; n++) {
				browser.click(browser.driver.findElement(By.cssSelector("label[for='c-" + n + "-MET']")));
			}
			browser.click(browser.driver.findElement(By.cssSelector("label[for='c-19-NOT_MET']")));
			browser.driver.findElement(By.id("statedMetCount")).sendKeys("18");
			browser.click(browser.driver.findElement(By.id("entry-save")));
			browser.waitForText("Đã lưu.");
			browser.go("/assessments/" + id + "/workflow");
			browser.waitForText("18 (19)");
			browser.click(browser.waitFor(By.id("submit-assessment")));
			browser.waitForText("Đã nộp, chờ kiểm tra");
			browser.screenshot("workflow-1-submitted");
		}

		// the health officer finds it waiting and returns criterion 15 with a reason
		try (Browser browser = as(health)) {
			browser.go("/assessments/waiting");
			browser.click(browser.waitFor(By.linkText("Xã Tam Ngọc")));
			WebElement form = browser.waitFor(By.cssSelector("#check-15 form"));
			form.findElement(By.name("reason")).sendKeys("Thiếu xác nhận tỷ lệ tham gia BHYT của BHXH thành phố");
			browser.click(form.findElement(By.cssSelector("button[value=RETURNED]")));
			browser.waitForText("Bị trả lại");
			browser.screenshot("workflow-2-returned");
		}

		// the commune sees why, corrects and submits again
		try (Browser browser = as(commune)) {
			browser.go("/assessments/waiting");
			browser.click(browser.waitFor(By.linkText("Xã Tam Ngọc")));
			assertThat(browser.waitFor(By.id("returned")).getText()).contains("Tiêu chí 15",
					"Thiếu xác nhận tỷ lệ tham gia BHYT của BHXH thành phố");
			browser.go("/assessments/" + id + "/entry");
			WebElement source = browser.driver.findElement(By.id("source"));
			source.clear();
			source.sendKeys("Báo cáo xã Tam Ngọc, bổ sung xác nhận BHXH");
			browser.click(browser.driver.findElement(By.id("entry-save")));
			browser.waitForText("Đã lưu.");
			browser.go("/assessments/" + id + "/workflow");
			browser.click(browser.waitFor(By.id("submit-assessment")));
			browser.waitForText("Đã nộp, chờ kiểm tra");
		}

		// agreed this time
		try (Browser browser = as(health)) {
			browser.go("/assessments/" + id + "/workflow");
			WebElement form = browser.waitFor(By.cssSelector("#check-15 form"));
			browser.click(form.findElement(By.cssSelector("button[value=AGREED]")));
			browser.waitFor(By.cssSelector("#check-15 .text-bg-success"));
		}

		// the city reviews (thẩm tra)
		try (Browser browser = as(city)) {
			browser.go("/assessments/waiting");
			assertThat(browser.text()).contains("Xã Tam Ngọc", "Thẩm tra");
			browser.click(browser.waitFor(By.linkText("Xã Tam Ngọc")));
			browser.waitFor(By.id("review-note")).sendKeys("Đoàn thẩm tra thành phố đã kiểm tra hồ sơ");
			browser.click(browser.driver.findElement(By.id("review-assessment")));
			browser.waitForText("Đã thẩm tra");
		}

		// the province approves (thẩm định): read-only from then on
		try (Browser browser = as(province)) {
			browser.go("/assessments/" + id + "/workflow");
			browser.click(browser.waitFor(By.id("approve-assessment")));
			browser.waitForText("Đã thẩm định, phê duyệt");
			browser.screenshot("workflow-3-approved");
			browser.go("/assessments/" + id + "/entry");
			assertThat(browser.waitFor(By.id("read-only")).getText()).contains("Đã thẩm định, phê duyệt");
			assertThat(browser.driver.findElements(By.id("entry-save"))).isEmpty();
			// the parent's matrix
			browser.go("/units/" + tamKy + "/evaluations/matrix?set=" + ntm + "&year=2024");
			WebElement row = browser.waitFor(By.xpath("//tr[.//*[normalize-space(text())='Xã Tam Ngọc']]"));
			assertThat(row.getText()).contains("18 (19)");
			browser.screenshot("workflow-4-matrix");
		}

		List<String> trail = SystemTask
			.call(() -> audit.historyOf("assessment", String.valueOf(id), 50).stream().map(AuditEntry::summary))
			.toList();
		assertThat(trail).anyMatch(s -> s.startsWith("Cập nhật kết quả"))
			.anyMatch(s -> s.startsWith("Nộp kết quả đánh giá"))
			.anyMatch(s -> s.startsWith("Trả lại tiêu chí 15"))
			.anyMatch(s -> s.startsWith("Đồng ý tiêu chí 15"))
			.anyMatch(s -> s.startsWith("Thẩm tra"))
			.anyMatch(s -> s.startsWith("Thẩm định, phê duyệt"));
		assertThat(SystemTask.call(() -> assessments.get(id)).status()).isEqualTo("APPROVED");
	}

	private Browser as(UserView user) {
		Browser browser = Browser.open(port, 1280, 900);
		browser.login(user.username(), TestData.PASSWORD);
		return browser;
	}

}
