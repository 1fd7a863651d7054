package vn.ntm.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence files in a real Chromium: a commune officer uploads a PDF with a Vietnamese
 * name through the section of the evaluation page (htmx, multipart, CSRF), sees a text
 * file named .pdf refused with the reason, and deletes the file.
 */
@IntegrationTest
class EvidenceBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@TempDir
	Path dir;

	@Test
	void shouldUploadRefuseAndDeleteEvidenceOnTheEvaluationPage() throws Exception {
		UnitRef tamNgoc = data.unit("20389", TestData.BEFORE_REFORM);
		long set = data.setId("QD318_XA_NTM_NC");
		SystemTask.call(() -> assessments.find(tamNgoc.id(), set, 2024)
			.orElseGet(() -> assessments
				.open(new NewAssessment(tamNgoc.id(), set, 2024, LocalDate.of(2024, 12, 31), null, null))));
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20389");
		Path pdf = dir.resolve("Biên bản kiểm tra tiêu chí 17.pdf");
		Files.writeString(pdf,
				"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
						+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
				StandardCharsets.UTF_8);
		Path text = dir.resolve("ghi chú.pdf");
		Files.writeString(text, "Chỉ là chữ.\n", StandardCharsets.UTF_8);

		try (Browser browser = Browser.open(port, 1280, 1000)) {
			browser.login(officer.username(), TestData.PASSWORD);
			browser.go("/units/" + tamNgoc.id() + "/evaluation?set=" + set + "&year=2024");
			browser.waitForText("Hồ sơ minh chứng");
			assertThat(browser.text()).contains("Chưa có tệp minh chứng nào.");

			browser.driver.findElement(By.id("evidence-file")).sendKeys(pdf.toString());
			new Select(browser.driver.findElement(By.id("evidence-criterion"))).selectByValue("17");
			browser.driver.findElement(By.id("evidence-note")).sendKeys("Bản có dấu đỏ");
			browser.click(browser.driver.findElement(By.cssSelector("#evidence form button[type=submit].btn-ntm")));
			browser.waitForText("Đã tải lên tệp minh chứng.");
			assertThat(browser.driver.findElement(By.id("evidence")).getText())
				.contains("Biên bản kiểm tra tiêu chí 17.pdf", "Bản có dấu đỏ", officer.username(), "Xem", "Tải về");

			browser.driver.findElement(By.id("evidence-file")).sendKeys(text.toString());
			browser.click(browser.driver.findElement(By.cssSelector("#evidence form button[type=submit].btn-ntm")));
			browser.waitForText("text/plain");
			assertThat(browser.driver.findElement(By.id("evidence")).getText()).contains("ghi chú.pdf",
					"không được nhận");
			browser.screenshot("evidence-section");

			browser
				.click(browser.driver.findElement(By.xpath("//section[@id='evidence']//button[contains(., 'Xóa')]")));
			browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
			browser.waitForText("Đã xóa tệp minh chứng.");
			assertThat(browser.driver.findElement(By.id("evidence")).getText()).contains("Chưa có tệp minh chứng nào.");
		}
	}

}
