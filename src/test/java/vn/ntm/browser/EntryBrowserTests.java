package vn.ntm.browser;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.assessment.ValueInput;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast entry page in a real Chromium: the verdict follows what is typed without a
 * reload, the unsaved marker, Enter that does not submit, Ctrl+S, last year's values
 * carried over, a phone, and two people saving the same assessment.
 */
@IntegrationTest
class EntryBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	/** Tam Phú against QĐ 318; nothing else opens it in these years. */
	static final String TAM_PHU = "20371";

	/** Tam Thăng, for the two people saving at once. */
	static final String TAM_THANG = "20362";

	@Test
	void shouldFollowTheVerdictAsValuesAreTypedAndSaveWithCtrlS() {
		long ntm = data.setId("QD318_XA_NTM");
		long unit = data.unit(TAM_PHU, TestData.BEFORE_REFORM).id();
		AssessmentView last = open(unit, ntm, 2021);
		SystemTask.call(() -> assessments.record(last.id(),
				new AssessmentEntry(
						Map.of("3.2", ValueInput.flag(true), "2.1", ValueInput.number(new BigDecimal("92.5"))), null,
						null, null, null, 0)));
		AssessmentView opened = open(unit, ntm, 2022);
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, TAM_PHU);
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login(officer.username(), TestData.PASSWORD);
			browser.go("/assessments/" + opened.id() + "/entry");
			assertThat(browser.driver.findElement(By.id("ratio")).getText()).isEqualTo("0/19");
			assertThat(browser.text()).contains("Năm trước:", "92,5", "≥ 80%");
			WebElement dirty = browser.driver.findElement(By.id("entry-dirty"));
			assertThat(dirty.isDisplayed()).isFalse();

			// a criterion stated met: the summary follows without a reload
			browser.click(browser.driver.findElement(By.cssSelector("label[for='c-1-MET']")));
			browser.wait.until(ExpectedConditions.textToBe(By.id("ratio"), "1/19"));
			browser.wait.until(ExpectedConditions.textToBe(By.id("cs-1"), "Đạt"));
			assertThat(dirty.isDisplayed()).isTrue();
			assertThat(leavingIsQuestioned(browser)).as("a warning on leaving").isTrue();

			// a count over a count: the percentage as typed, then the indicator's verdict
			WebElement numerator = field(browser, "n.3.1");
			numerator.sendKeys("1.276");
			// Enter moves on instead of submitting
			numerator.sendKeys(Keys.ENTER);
			WebElement denominator = field(browser, "d.3.1");
			assertThat(browser.driver.switchTo().activeElement()).isEqualTo(denominator);
			denominator.sendKeys("1.413");
			browser.wait.until(ExpectedConditions.textToBe(By.id("pc-3-1"), "= 90,3 %"));
			browser.wait
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("iv-3-1"), "90,3% (1.276/1.413)"));
			assertThat(browser.driver.findElement(By.id("iv-3-1")).getText()).contains("Đạt");
			denominator.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE,
					"1.900");
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("iv-3-1"), "Không đạt"));

			// a number that cannot be read: a Vietnamese error beside the field, no page
			// error
			field(browser, "v.2.2").sendKeys("12,3,4");
			browser.wait
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("err-2-2"), "không phải là số"));
			field(browser, "v.2.2").clear();
			field(browser, "v.2.2").sendKeys("95");
			browser.wait.until(ExpectedConditions.textToBe(By.id("err-2-2"), ""));

			// last year's value, carried over only into the field
			browser.click(browser.driver.findElement(By.cssSelector("#indicator-2-1 .entry-carry")));
			assertThat(field(browser, "v.2.1").getAttribute("value")).isEqualTo("92,5");
			assertThat(field(browser, "src.2.1").getAttribute("value")).isEqualTo("Số liệu năm trước");
			assertThat(SystemTask.call(() -> assessments.values(opened.id()))).isEmpty();
			browser.screenshot("entry-typing");
			assertThat(browser.driver.getCurrentUrl()).endsWith("/assessments/" + opened.id() + "/entry");

			// Ctrl+S saves; the marker goes
			field(browser, "v.2.2").sendKeys(Keys.chord(Keys.CONTROL, "s"));
			browser.waitForText("Đã lưu.");
			assertThat(browser.driver.findElement(By.id("entry-dirty")).isDisplayed()).isFalse();
			assertThat(leavingIsQuestioned(browser)).isFalse();
			assertThat(browser.driver.findElement(By.id("ratio")).getText()).isEqualTo("1/19");
			assertThat(field(browser, "d.3.1").getAttribute("value")).isEqualTo("1.900");
			browser.screenshot("entry-saved");
		}
		Map<String, ValueInput> saved = SystemTask.call(() -> assessments.values(opened.id()));
		assertThat(saved.get("3.1")).isEqualTo(new ValueInput(null, 1276L, 1900L, null, null, null, null));
		assertThat(saved.get("2.1").source()).isEqualTo("Số liệu năm trước");
		assertThat(saved.get("2.2").number()).isEqualByComparingTo("95");
	}

	@Test
	void shouldFitAPhone() {
		long ntm = data.setId("QD318_XA_NTM");
		long unit = data.unit(TAM_PHU, TestData.BEFORE_REFORM).id();
		AssessmentView opened = open(unit, ntm, 2024);
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, TAM_PHU);
		try (Browser browser = Browser.open(port, 390, 844)) {
			browser.login(officer.username(), TestData.PASSWORD);
			browser.go("/assessments/" + opened.id() + "/entry");
			browser.waitFor(By.id("entry-save"));
			Long scrollWidth = (Long) ((JavascriptExecutor) browser.driver)
				.executeScript("return document.documentElement.scrollWidth;");
			assertThat(scrollWidth).as("no horizontal scrolling").isLessThanOrEqualTo(390);
			WebElement numerator = field(browser, "n.3.1");
			assertThat(numerator.getSize().getHeight()).as("a finger-sized field").isGreaterThanOrEqualTo(40);
			browser.click(browser.driver.findElement(By.cssSelector("label[for='c-3-MET']")));
			browser.wait.until(ExpectedConditions.textToBe(By.id("ratio"), "1/19"));
			((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
					numerator);
			browser.screenshot("entry-phone");
			assertThat(browser.driver.findElement(By.id("entry-save")).isDisplayed()).as("the sticky save button")
				.isTrue();
		}
	}

	@Test
	void shouldRefuseTheSecondOfTwoSavesNamingTheFirstAndKeepWhatTheSecondTyped() {
		long ntm = data.setId("QD318_XA_NTM");
		long unit = data.unit(TAM_THANG, TestData.BEFORE_REFORM).id();
		AssessmentView opened = open(unit, ntm, 2024);
		UserView first = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, TAM_THANG);
		UserView second = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, TAM_THANG);
		try (Browser one = Browser.open(port, 1280, 900); Browser two = Browser.open(port, 1280, 900)) {
			one.login(first.username(), TestData.PASSWORD);
			two.login(second.username(), TestData.PASSWORD);
			one.go("/assessments/" + opened.id() + "/entry");
			two.go("/assessments/" + opened.id() + "/entry");

			field(one, "n.3.1").sendKeys("1.276");
			field(one, "d.3.1").sendKeys("1.413");
			field(one, "statedMetCount").sendKeys("19");

			field(two, "n.3.1").sendKeys("1.000");
			field(two, "d.3.1").sendKeys("1.413");
			field(two, "statedMetCount").sendKeys("18");
			field(two, "v.2.2").sendKeys("77,5");
			two.click(two.driver.findElement(By.cssSelector("label[for='c-19-NOT_MET']")));

			one.click(one.driver.findElement(By.id("entry-save")));
			one.waitForText("Đã lưu.");

			two.click(two.driver.findElement(By.id("entry-save")));
			two.waitFor(By.id("conflict-help"));
			assertThat(two.text()).contains(first.username(), "sau khi bạn mở", "Không có gì bị ghi đè");
			// nothing the second person typed is lost
			assertThat(field(two, "n.3.1").getAttribute("value")).isEqualTo("1.000");
			assertThat(field(two, "d.3.1").getAttribute("value")).isEqualTo("1.413");
			assertThat(field(two, "statedMetCount").getAttribute("value")).isEqualTo("18");
			assertThat(field(two, "v.2.2").getAttribute("value")).isEqualTo("77,5");
			assertThat(two.driver.findElement(By.id("c-19-NOT_MET")).isSelected()).isTrue();
			two.screenshot("entry-conflict");
		}
		// the first save is intact
		Map<String, ValueInput> stored = SystemTask.call(() -> assessments.values(opened.id()));
		assertThat(stored.get("3.1")).isEqualTo(new ValueInput(null, 1276L, 1413L, null, null, null, null));
		assertThat(stored).doesNotContainKey("2.2");
		AssessmentView after = SystemTask.call(() -> assessments.get(opened.id()));
		assertThat(after.statedMetCount()).isEqualTo(19);
		assertThat(after.updatedBy()).isEqualTo(first.username());
		assertThat(after.rowVersion()).isEqualTo(1);
	}

	/** Whether leaving the page now would ask first (a beforeunload listener refuses). */
	private static boolean leavingIsQuestioned(Browser browser) {
		return (Boolean) ((JavascriptExecutor) browser.driver).executeScript(
				"var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
	}

	private static WebElement field(Browser browser, String name) {
		return browser.driver.findElement(By.name(name));
	}

	private AssessmentView open(long unitId, long setId, int year) {
		return SystemTask.call(() -> assessments.open(new NewAssessment(unitId, setId, year, null, null, null)));
	}

}
