package vn.ntm.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roadmap board of Quảng Nam in a real Chromium: reached from the menu, coloured by
 * status with its legend, each cell with its reason; filtered by title and read at
 * another date; the conflicts between the city's and the province's plans.
 */
@IntegrationTest
class RoadmapBrowserTests {

	static final String DEMO_PASSWORD = "NtmDemo@2026";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void shouldShowQuangNamsBoardFilterItAndReadItAtADate() {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		try (Browser browser = Browser.open(port, 1400, 1000)) {
			browser.login("quangnam", DEMO_PASSWORD);
			browser.go("/units/" + quangNam + "/roadmap?at=31/12/2024");
			assertThat(browser.text()).contains("Lộ trình đạt chuẩn", "tại ngày 31/12/2024", "Chú giải", "Đã đạt",
					"Đúng tiến độ", "Có nguy cơ chậm", "Chậm, không đạt", "Xã Đại Chánh",
					"Xung đột giữa các cấp kế hoạch");
			WebElement cell = browser.driver
				.findElement(By.xpath("//tr[th[contains(., 'Xã Đại Chánh')]]//div[@data-title='XA_NTM']"));
			assertThat(cell.getAttribute("title")).contains("Xã Đại Chánh", "mục tiêu NTM 2024");
			browser.screenshot("roadmap-quang-nam-2024");

			new Select(browser.driver.findElement(By.id("title"))).selectByValue("XA_NTM_KIEU_MAU");
			WebElement at = browser.driver.findElement(By.id("at"));
			at.clear();
			at.sendKeys("30/06/2024");
			browser.driver.findElement(By.id("roadmap-show")).click();
			browser.waitForText("tại ngày 30/06/2024");
			assertThat(browser.driver.findElements(By.cssSelector("#roadmap-board div[data-title]"))).isNotEmpty()
				.allSatisfy(d -> assertThat(d.getAttribute("data-title")).isEqualTo("XA_NTM_KIEU_MAU"));
			assertThat(new Select(browser.driver.findElement(By.id("title"))).getFirstSelectedOption().getText())
				.isEqualTo("Xã nông thôn mới kiểu mẫu");
			assertThat(browser.text()).contains("Xã Tam Thanh", "NTM kiểu mẫu năm 2024 theo");
			browser.screenshot("roadmap-quang-nam-kieu-mau");
		}
	}

}
