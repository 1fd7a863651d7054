package vn.ntm.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main flows of the foundation in a real Chromium: log in with the demo accounts,
 * find a unit without diacritics, read its history as of a date, browse the tree, add a
 * village, be refused elsewhere, change language, use a phone.
 */
@IntegrationTest
class UnitPagesBrowserTests {

	static final String DEMO_PASSWORD = "NtmDemo@2026";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void shouldFindHungMyWithoutDiacriticsAndSeeWhatItBecame() {
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("admin", DEMO_PASSWORD);
			assertThat(browser.text()).contains("Xin chào, Quản trị hệ thống");
			WebElement search = browser.driver.findElement(By.cssSelector(".unit-picker input[name=q]"));
			search.sendKeys("hung my");
			WebElement option = browser
				.waitFor(By.xpath("//div[@id='unit-picker-options']//button[contains(., 'Xã Hùng Mỹ')]"));
			browser.screenshot("picker-hung-my");
			option.click();
			browser.wait.until(ExpectedConditions.titleIs("Xã Hùng Mỹ"));
			assertThat(browser.text()).contains("Đã kết thúc ngày 30/06/2025", "Xã Tân Mỹ", "Huyện Chiêm Hóa");
			browser.screenshot("unit-hung-my");
			browser.driver.findElement(By.linkText("Xã Tân Mỹ")).click();
			browser.wait.until(ExpectedConditions.titleIs("Xã Tân Mỹ"));
			assertThat(browser.text()).contains("Tỉnh Tuyên Quang", "Xã Hùng Mỹ", "01/07/2025");
		}
	}

	@Test
	void shouldBrowseTheTreeAsOfADate() {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("quangnam", DEMO_PASSWORD);
			browser.go("/units?root=" + tamKy + "&at=30/06/2024");
			assertThat(browser.text()).contains("Thành phố Tam Kỳ", "tại ngày 30/06/2024", "Xã Tam Thanh",
					"Xã Tam Ngọc", "Xã Tam Phú", "Xã Tam Thăng", "Thôn Hòa Thượng");
			browser.screenshot("tree-tam-ky-2024");
			WebElement at = browser.driver.findElement(By.id("at"));
			at.clear();
			at.sendKeys("01/07/2025");
			browser.driver.findElement(By.cssSelector("form button[type=submit].btn-ntm")).click();
			browser.waitForText("không tồn tại vào ngày 01/07/2025");
		}
	}

	@Test
	void shouldLoadDeeperLevelsOfTheTreeOnDemand() {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("admin", DEMO_PASSWORD);
			browser.go("/units?root=" + data.unit("VN", TestData.BEFORE_REFORM).id() + "&at=2024-06-30");
			WebElement province = browser.waitFor(By.xpath("//summary[.//a[text()='Tỉnh Quảng Nam']]"));
			browser.click(province);
			browser.waitFor(By.xpath("//a[text()='Thành phố Tam Kỳ']"));
			assertThat(quangNam).isPositive();
		}
	}

	@Test
	void shouldLetACommuneOfficerAddAVillageAndSeeItAudited() {
		long xuanCam = data.unit("07870", TestData.AFTER_REFORM).id();
		var officer = data.user(vn.ntm.security.Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		String name = TestData.unique("Trình Duyệt ");
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login(officer.username(), TestData.PASSWORD);
			browser.go("/units/" + xuanCam);
			browser.driver.findElement(By.partialLinkText("Thêm đơn vị trực thuộc")).click();
			browser.waitFor(By.id("name")).sendKeys(name);
			browser.driver.findElement(By.id("validFrom")).sendKeys("01/01/2026");
			browser.screenshot("new-village-form");
			browser.click(browser.driver.findElement(By.cssSelector("form button[type=submit].btn-ntm")));
			browser.wait.until(ExpectedConditions.titleIs("Thôn " + name));
			assertThat(browser.text()).contains("Thôn " + name, "Xã Xuân Cẩm", "01/01/2026", "Thêm Thôn " + name);
			browser.screenshot("new-village");
		}
	}

	@Test
	void shouldRefuseAnotherCommuneInVietnamese() {
		long xuanLuong = data.unit("07249", TestData.BEFORE_REFORM).id();
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("maidinh", DEMO_PASSWORD);
			browser.go("/units/" + xuanLuong);
			assertThat(browser.text()).contains("403", "Không có quyền truy cập", "Xã Xuân Lương",
					"ngoài phạm vi được giao");
			browser.screenshot("forbidden");
		}
	}

	@Test
	void shouldSwitchToEnglish() {
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("admin", DEMO_PASSWORD);
			browser.go("/?lang=en");
			assertThat(browser.text()).contains("Hello, Quản trị hệ thống", "Administrative units");
			browser.go("/?lang=vi");
			assertThat(browser.text()).contains("Đơn vị hành chính");
		}
	}

	@Test
	void shouldWorkOnAPhone() {
		try (Browser browser = Browser.open(port, 390, 844)) {
			browser.login("hungmy", DEMO_PASSWORD);
			WebElement toggler = browser.driver.findElement(By.cssSelector(".navbar-toggler"));
			assertThat(toggler.isDisplayed()).isTrue();
			toggler.click();
			browser.waitFor(By.linkText("Đơn vị hành chính")).click();
			browser.wait.until(ExpectedConditions.titleContains("Cây đơn vị"));
			assertThat(browser.text()).contains("Xã Hùng Mỹ", "Thôn Nặm Kép");
			Long scrollWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
				.executeScript("return document.documentElement.scrollWidth;");
			assertThat(scrollWidth).as("no horizontal scrolling").isLessThanOrEqualTo(390);
			browser.screenshot("phone-tree");
		}
	}

}
