package vn.ntm.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ntm.platform.jobs.JobRuns;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit-list import in a real Chromium, run on the job facility: a commune officer
 * uploads villages, watches the check (htmx polling the run), applies them; an import a
 * restart cut short says that nothing was saved and runs again with "Chạy lại".
 */
@IntegrationTest
class UnitImportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobRuns runs;

	private static String csv(String... villages) {
		StringBuilder csv = new StringBuilder("Mã,Tên,Loại,Mã đơn vị cấp trên,Hiệu lực từ ngày,Ghi chú\n");
		for (String village : villages) {
			csv.append(",\"").append(village).append("\",Thôn,07870,01/01/2026,\n");
		}
		return csv.toString();
	}

	@Test
	void shouldCheckThenApplyAnImportAndRunAnInterruptedOneAgain() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		String a = TestData.unique("Trình duyệt A ");
		String b = TestData.unique("Trình duyệt B ");
		Path file = Files.createDirectories(Path.of("target/uploads")).resolve("thon-trinh-duyet.csv").toAbsolutePath();
		Files.writeString(file, csv(a, b), StandardCharsets.UTF_8);

		// an import whose check was running when the application stopped
		UUID interrupted = UUID.randomUUID();
		UUID run = UUID.randomUUID();
		String c = TestData.unique("Trình duyệt C ");
		jdbc.sql("""
				insert into job_run (id, kind, owner, state, file_name, payload, data, locale, instance, started_at)
				values (:run, 'unit-import', :owner, 'RUNNING', 'thon.csv', :payload, :data, 'vi', 'stopped', now())
				""")
			.param("run", run)
			.param("owner", officer.username())
			.param("payload", csv(c).getBytes(StandardCharsets.UTF_8))
			.param("data", "check:" + interrupted)
			.update();
		jdbc.sql("""
				insert into unit_import_job (id, file_name, status, created_by, run_id)
				values (:id, 'thon.csv', 'VALIDATING', :by, :run)
				""").param("id", interrupted).param("by", officer.username()).param("run", run).update();
		runs.interruptAbandoned();

		try (Browser browser = Browser.open(port, 1280, 1000)) {
			browser.login(officer.username(), TestData.PASSWORD);
			browser.go("/units/import");
			browser.waitFor(By.id("file")).sendKeys(file.toString());
			browser.click(browser.driver.findElement(By.cssSelector("form[enctype='multipart/form-data'] button")));
			browser.waitForText("Tệp hợp lệ: 2 đơn vị sẽ được thêm.");
			assertThat(browser.text()).contains(a, b, "Hợp lệ — chờ xác nhận");
			browser.screenshot("unit-import-ready");
			browser.click(browser.driver.findElement(By.xpath("//button[normalize-space()='Lưu tất cả']")));
			browser.waitForText("Đã thêm 2 đơn vị.");

			browser.go("/units/import/" + interrupted);
			browser.waitForText("Bị gián đoạn — chưa lưu gì");
			assertThat(browser.text()).contains("không dòng nào được lưu");
			browser.screenshot("unit-import-interrupted");
			browser.click(browser.driver.findElement(By.id("import-restart")));
			browser.waitForText("Tệp hợp lệ: 1 đơn vị sẽ được thêm.");
			assertThat(browser.text()).contains(c);
		}
	}

}
