package vn.ntm.browser;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.planning.PlanForm;
import vn.ntm.planning.Planning;
import vn.ntm.planning.TaskForm;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium: a commune officer reports progress on a task of the city's plan
 * with a PDF attached (multipart form, CSRF), sees a text file named .pdf refused with
 * the field and the reason, and finds the file listed with its size and a link to
 * download.
 */
@IntegrationTest
class AttachmentBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	Planning planning;

	@TempDir
	Path dir;

	@Test
	void shouldAttachAFileToAProgressReport() throws Exception {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		long plan = SystemTask.call(() -> planning.createPlan(new PlanForm(tamKy, null, null, "UBND thành phố Tam Kỳ",
				2026, 2026, TestData.unique("Kế hoạch có tệp "), null, null, null, null)));
		long task = SystemTask.call(() -> planning.addTask(plan,
				new TaskForm(null, "1", "Lắp đặt loa truyền thanh thôn", null, false, "8", null, List.of(tamThanh),
						"Phòng Kinh tế", null, null, null, null, "trong quý IV/2026", new BigDecimal("7"), "loa", null,
						null, null)));
		Path pdf = dir.resolve("Biên bản lắp đặt loa.pdf");
		Files.writeString(pdf,
				"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
						+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
				StandardCharsets.UTF_8);
		Path text = dir.resolve("ghi chú.pdf");
		Files.writeString(text, "Chỉ là chữ.\n", StandardCharsets.UTF_8);

		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login(commune.username(), TestData.PASSWORD);
			browser.go("/tasks/" + task);
			browser.waitFor(By.id("report-form"));
			browser.driver.findElement(By.id("quantityDone")).sendKeys("3");
			browser.driver.findElement(By.id("report-files")).sendKeys(text.toString());
			browser.click(browser.driver.findElement(By.id("report-submit")));
			browser.waitForText("text/plain");
			assertThat(browser.text()).contains("Tệp đính kèm", "ghi chú.pdf", "không được nhận");

			browser.driver.findElement(By.id("quantityDone")).clear();
			browser.driver.findElement(By.id("quantityDone")).sendKeys("3");
			browser.driver.findElement(By.id("note")).sendKeys("Đã lắp 3 loa");
			browser.driver.findElement(By.id("report-files")).sendKeys(pdf.toString());
			browser.click(browser.driver.findElement(By.id("report-submit")));
			browser.waitForText("Đã lưu.");
			String reports = browser.waitFor(By.id("reports")).getText();
			assertThat(reports).contains("Đã lắp 3 loa", "Biên bản lắp đặt loa.pdf", "B)");
			String href = browser.driver.findElement(By.linkText("Biên bản lắp đặt loa.pdf")).getAttribute("href");
			assertThat(href).contains("/tasks/attachments/");
			browser.screenshot("attachment-progress");
		}
	}

}
