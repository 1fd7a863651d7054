package vn.ntm.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.recognition.SatisfactionSurveys;
import vn.ntm.recognition.SurveyForm;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium: a commune officer opens the survey from the unit page, renames a
 * question, adds one and removes another, is refused a question with more satisfied than
 * asked (the row named), saves, and uploads the result file, which is then linked.
 */
@IntegrationTest
class SurveyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	SatisfactionSurveys surveys;

	@TempDir
	Path dir;

	@Test
	void shouldEditTheQuestionsAndUploadTheResultFile() throws Exception {
		UnitRef commune = data.commune("502", "Xã Lấy Ý Kiến");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		SystemTask.call(() -> surveys.record(commune.id(), 2024,
				new SurveyForm(1500, 1307, 1115, null, null, "Ủy ban MTTQ Việt Nam xã", null, null, null,
						List.of(new SurveyForm.Question("Hạ tầng giao thông", 1200, 1307),
								new SurveyForm.Question("Y tế", 1100, 1307)),
						null)));
		Path pdf = dir.resolve("Biên bản lấy ý kiến.pdf");
		Files.writeString(pdf,
				"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
						+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
				StandardCharsets.UTF_8);

		try (Browser browser = Browser.open(port, 1280, 1000)) {
			browser.login(officer.username(), TestData.PASSWORD);
			browser.go("/units/" + commune.id() + "?at=31/12/2024");
			browser.click(browser.waitFor(By.cssSelector("#surveys-panel a[href$='/surveys/2024']")));
			browser.waitFor(By.id("survey-form"));
			assertThat(browser.waitFor(By.id("survey-bars")).getText()).contains("1.307/1.500", "87,1%",
					"Chưa có ngưỡng");

			// rename the first, remove the second, add a third
			browser.driver.findElement(By.id("questions0.question")).clear();
			browser.driver.findElement(By.id("questions0.question")).sendKeys("Giao thông nông thôn");
			browser.click(browser.driver.findElement(By.id("survey-question-remove-1")));
			browser.waitFor(By.id("survey-question-add"));
			assertThat(browser.driver.findElements(By.id("questions1.question"))).isEmpty();
			assertThat(browser.driver.findElement(By.id("questions0.question")).getAttribute("value"))
				.isEqualTo("Giao thông nông thôn");
			browser.click(browser.driver.findElement(By.id("survey-question-add")));
			browser.waitFor(By.id("questions1.question")).sendKeys("An ninh, trật tự");
			browser.driver.findElement(By.id("questions1.asked")).sendKeys("1.300");
			browser.driver.findElement(By.id("questions1.satisfied")).sendKeys("1.350");
			browser.click(browser.driver.findElement(By.id("survey-save")));
			browser.waitForText("Câu hỏi thứ 2");
			assertThat(browser.text()).contains("số hộ hài lòng (1.350)");

			browser.driver.findElement(By.id("questions1.satisfied")).clear();
			browser.driver.findElement(By.id("questions1.satisfied")).sendKeys("1.280");
			browser.click(browser.driver.findElement(By.id("survey-save")));
			browser.waitForText("Đã lưu.");
			String questions = browser.waitFor(By.id("survey-questions")).getText();
			assertThat(questions).contains("Giao thông nông thôn", "An ninh, trật tự", "98,5%").doesNotContain("Y tế");

			browser.driver.findElement(By.id("survey-file-input")).sendKeys(pdf.toString());
			browser.click(browser.driver.findElement(By.id("survey-file-submit")));
			browser.waitForText("Đã lưu.");
			assertThat(browser.waitFor(By.id("survey-file-link")).getText()).isEqualTo("Biên bản lấy ý kiến.pdf");
			browser.screenshot("survey-questions");
		}
	}

}
