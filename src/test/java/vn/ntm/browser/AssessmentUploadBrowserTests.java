package vn.ntm.browser;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The upload page in a real Chromium: a district officer uploads a filled template of Tam
 * Kỳ, watches the check progress (htmx polling), sees the errors with "Áp dụng" disabled,
 * then a corrected file previewed old → new and applied.
 */
@IntegrationTest
class AssessmentUploadBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Test
	void shouldShowErrorsThenPreviewAndApplyAFilledTemplate() throws Exception {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long city = data.setId("QD320_TX_TP_HTNV");
		byte[] template = mvc
			.perform(get("/api/v1/units/{id}/assessments/template.xlsx", tamKy).param("set", String.valueOf(city))
				.param("year", "2021")
				.param("scope", "unit")
				.with(user("tamky")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Path wrong = write(template, "sai.xlsx", values -> {
			set(values, "4.1", 8, "120");
			set(values, "5.2", 8, "85%");
		});
		Path right = write(template, "dung.xlsx", values -> {
			set(values, "4.1", 8, "92,5");
			set(values, "5.2", 8, "135000");
		});
		try (Browser browser = Browser.open(port, 1280, 1000)) {
			browser.login("tamky", UnitPagesBrowserTests.DEMO_PASSWORD);
			browser.go("/units/" + tamKy + "/evaluation?set=" + city + "&year=2021");
			assertThat(browser.driver.findElement(By.id("template-xlsx")).getText())
				.isEqualTo("Tải mẫu nhập liệu (.xlsx)");
			browser.click(browser.driver.findElement(By.id("upload-link")));
			browser.waitFor(By.id("file")).sendKeys(wrong.toString());
			browser.screenshot("assessment-upload-form");
			browser.driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
			browser.waitForText("Có 2 lỗi trong tệp");
			assertThat(browser.text()).contains("tỷ lệ 120% phải từ 0 đến 100", "không nhập \"85%\" dạng phần trăm");
			assertThat(browser.driver.findElement(By.id("upload-apply")).isEnabled()).isFalse();
			browser.screenshot("assessment-upload-errors");

			browser.go("/assessments/uploads/new?unit=" + tamKy);
			browser.waitFor(By.id("file")).sendKeys(right.toString());
			browser.driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
			browser.waitForText("Sẵn sàng áp dụng 2 thay đổi cho 1 đơn vị.");
			assertThat(browser.text()).contains("92,5%", "135.000 người");
			WebElement apply = browser.driver.findElement(By.id("upload-apply"));
			assertThat(apply.isEnabled()).isTrue();
			browser.screenshot("assessment-upload-preview");
			browser.click(apply);
			browser.waitForText("Đã áp dụng 2 thay đổi cho 1 đơn vị.");
			browser.screenshot("assessment-upload-applied");
		}
	}

	private static Path write(byte[] template, String name, Consumer<Sheet> change) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			change.accept(workbook.getSheet("Nhập liệu"));
			workbook.write(out);
			Path dir = Files.createDirectories(Path.of("target/uploads"));
			Path file = dir.resolve(name).toAbsolutePath();
			Files.write(file, out.toByteArray());
			return file;
		}
	}

	private static void set(Sheet values, String code, int column, String text) {
		DataFormatter format = new DataFormatter();
		for (Row row : values) {
			if (row.getRowNum() > 0 && code.equals(format.formatCellValue(row.getCell(3)))) {
				row.getCell(column).setCellValue(text);
				return;
			}
		}
		throw new AssertionError("no row " + code);
	}

}
