package vn.ntm.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo administrator walks the 2023 matrix in a real Chromium from the country (one
 * row per province, issue 10) to Tỉnh Quảng Nam (its xã, one row each) to Xã Tam Thanh's
 * evaluation.
 */
@IntegrationTest
class CountryMatrixBrowserTests {

	static final String DEMO_PASSWORD = "NtmDemo@2026";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	UnitManagement units;

	@Test
	void shouldDrillDownFromTheCountryToACommune() {
		long set = data.setId("QD318_XA_NTM");
		long country = SystemTask.call(() -> units.countryId());
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("admin", DEMO_PASSWORD);
			browser.go("/units/" + country + "/evaluations/matrix?set=" + set + "&year=2023");
			browser.waitFor(By.id("matrix-aggregate"));
			assertThat(browser.driver.findElements(By.cssSelector("#matrix-aggregate tbody tr.group")).size())
				.isGreaterThanOrEqualTo(63);
			assertThat(browser.driver.findElement(By.cssSelector("#aggregate-totals td.units")).getText())
				.matches("\\d\\.\\d{3}");
			browser.screenshot("country-matrix-1-provinces");
			browser.click(browser.driver.findElement(By.cssSelector("tr[data-unit='" + quangNam + "'] a.drill")));

			browser.waitFor(By.id("matrix"));
			assertThat(browser.driver.getCurrentUrl()).contains("/units/" + quangNam + "/evaluations/matrix");
			assertThat(browser.driver.findElements(By.id("matrix-aggregate"))).isEmpty();
			browser.screenshot("country-matrix-2-province");
			browser.click(browser.driver.findElement(By.cssSelector("tr[data-unit='" + tamThanh + "'] th a")));

			browser.waitForText("Xã Tam Thanh");
			assertThat(browser.driver.getCurrentUrl()).contains("/units/" + tamThanh + "/evaluation");
			browser.waitForText("17 (16, 19)");
			browser.screenshot("country-matrix-3-commune");
		}
	}

}
