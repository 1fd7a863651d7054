package vn.ntm.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.recognition.Titles;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.recognition.DossierFixtures;
import vn.ntm.recognition.DossierView;
import vn.ntm.recognition.Dossiers;
import vn.ntm.recognition.SatisfactionSurveys;
import vn.ntm.recognition.SurveyView;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium: a 2024 commune dossier walks every step of the 2021–2025 route —
 * the commune opens it and uploads its documents, submits; the district reviews; the
 * province's council appraises; the decision is refused while satisfaction is below the
 * bar, with the reason on the page, then made, creating the title; the announcement is
 * recorded. A second dossier, after 1/7/2025, goes from the commune straight to the
 * province.
 */
@IntegrationTest
class DossierBrowserTests {

	static final List<String> COMMUNE_ITEMS = List.of("TO_TRINH", "BAO_CAO_KET_QUA", "BAO_CAO_TONG_HOP_Y_KIEN",
			"BIEN_BAN_HOP", "KET_QUA_HAI_LONG");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	DossierFixtures fixtures;

	@Autowired
	SatisfactionSurveys surveys;

	@Autowired
	Dossiers dossiers;

	@Autowired
	Titles titles;

	@Autowired
	UnitManagement units;

	@TempDir
	Path dir;

	static <T> T as(UserView user, java.util.function.Supplier<T> work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(user.username(), null, List.of()));
		var previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	Browser as(UserView user) {
		return Browser.open(port, 1280, 1000).login(user.username(), TestData.PASSWORD);
	}

	Path pdf(String name) throws Exception {
		Path file = dir.resolve(name + ".pdf");
		Files.writeString(file, DossierFixtures.PDF, StandardCharsets.UTF_8);
		return file;
	}

	void upload(Browser browser, String item) throws Exception {
		browser.driver.findElement(By.id("file-" + item)).sendKeys(pdf(item.toLowerCase()).toString());
		browser.click(browser.driver.findElement(By.id("upload-" + item)));
		browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-" + item), "bản 1"));
	}

	/** Does the action on the day given (null: the form's default, today). */
	void act(Browser browser, String action, @org.jspecify.annotations.Nullable String on) {
		WebElement date = browser.waitFor(By.id("act-on"));
		if (on != null) {
			date.clear();
			date.sendKeys(on);
		}
		browser.click(browser.driver.findElement(By.id("act-" + action)));
		browser.wait.until(ExpectedConditions.stalenessOf(date));
	}

	/** Does the action and expects it done (no error on the page). */
	void done(Browser browser, String action, @org.jspecify.annotations.Nullable String on) {
		act(browser, action, on);
		List<WebElement> errors = browser.driver.findElements(By.cssSelector(".alert-danger"));
		assertThat(errors).as(() -> errors.isEmpty() ? "" : errors.get(0).getText()).isEmpty();
	}

	void waitForState(Browser browser, String state) {
		browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier-state"), state));
	}

	@Test
	void shouldWalkA2024CommuneDossierThroughEveryStepAndRefuseTheDecisionBelowTheBar() throws Exception {
		fixtures.testBar();
		UnitRef commune = fixtures.communeBeforeReform("Xã Trình Duyệt");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		UserView province = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		fixtures.allCriteriaMet(commune.id(), 2024);
		as(officer, () -> surveys.record(commune.id(), 2024, DossierFixtures.survey(900, 630, null)));
		long id;

		// the commune opens its dossier, sees the plan's deadlines, uploads and submits
		try (Browser browser = as(officer)) {
			browser.go("/units/" + commune.id() + "/dossiers");
			new Select(browser.waitFor(By.id("open-title"))).selectByValue("XA_NTM");
			browser.driver.findElement(By.id("open-year")).sendKeys("2024");
			WebElement on = browser.driver.findElement(By.id("open-on"));
			on.clear();
			on.sendKeys("02/09/2024");
			browser.click(browser.driver.findElement(By.id("open-submit")));
			String steps = browser.waitFor(By.id("steps")).getText();
			assertThat(steps).contains("Xã nộp hồ sơ", "30/10/2024", "Huyện thẩm tra", "30/11/2024",
					"Hội đồng thẩm định tỉnh", "chưa có hạn", "Quyết định công nhận", "Công bố");
			id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/dossiers/(\\d+).*", "$1"));
			for (String item : COMMUNE_ITEMS) {
				upload(browser, item);
			}
			done(browser, "SUBMIT", "20/10/2024");
			waitForState(browser, "Đã nộp");
			browser.screenshot("dossier-1-submitted");
		}

		// the district finds it on its home page and reviews it
		try (Browser browser = as(district)) {
			browser.go("/");
			browser.click(browser.waitFor(By.partialLinkText(commune.name())));
			browser.waitFor(By.id("steps"));
			upload(browser, "BAO_CAO_THAM_TRA");
			done(browser, "APPROVE", "20/11/2024");
			waitForState(browser, "Đang thẩm tra, thẩm định");
		}

		try (Browser browser = as(province)) {
			browser.go("/dossiers/" + id);
			upload(browser, "BAO_CAO_THAM_DINH");
			done(browser, "APPROVE", "10/12/2024");
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("step-DECISION"), "Đang chờ"));
			new Select(browser.waitFor(By.id("security-complex"))).selectByValue("no");
			browser.driver.findElement(By.id("security-source")).sendKeys("Công văn 123/CAT-PV01 của Công an tỉnh");
			browser.click(browser.driver.findElement(By.id("security-save")));
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("security-state"), "Công an"));

			// satisfaction 70 % below the bar: refused, the reason shown
			browser.waitFor(By.id("act-decision")).sendKeys("15/QĐ-UBND");
			act(browser, "APPROVE", "15/01/2025");
			browser.waitForText("Chưa đủ điều kiện công nhận");
			assertThat(browser.text()).contains("630/900 (70,0%) thấp hơn ngưỡng 80%");
			assertThat(browser.driver.findElement(By.id("condition-SATISFACTION")).getText()).contains("Chưa đạt");
			assertThat(browser.driver.findElement(By.id("dossier-state")).getText())
				.isEqualTo("Đang thẩm tra, thẩm định");
			browser.screenshot("dossier-2-refused");

			SurveyView survey = as(officer, () -> surveys.find(commune.id(), 2024)).orElseThrow();
			as(officer, () -> surveys.record(commune.id(), 2024, DossierFixtures.survey(900, 810, survey.version())));
			browser.go("/dossiers/" + id);
			assertThat(browser.waitFor(By.id("condition-SATISFACTION")).getText()).contains("Đạt");
			browser.waitFor(By.id("act-decision")).sendKeys("15/QĐ-UBND");
			browser.driver.findElement(By.id("act-issuer")).sendKeys("UBND tỉnh Quảng Nam");
			done(browser, "APPROVE", "15/01/2025");
			waitForState(browser, "Đã công nhận");
			assertThat(browser.waitFor(By.id("dossier-decision")).getText()).contains("15/QĐ-UBND", "15/01/2025");
			done(browser, "APPROVE", "20/01/2025");
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("step-ANNOUNCE"), "Đã xong"));
			browser.screenshot("dossier-3-announced");
		}
		assertThat(SystemTask.call(() -> titles.historyOf(commune.id()))).singleElement().satisfies(award -> {
			assertThat(award.titleCode()).isEqualTo("XA_NTM");
			assertThat(award.year()).isEqualTo(2024);
			assertThat(award.decidedOn()).isEqualTo(LocalDate.of(2025, 1, 15));
		});
	}

	@Test
	void shouldTakeADossierAfterTheReformFromTheCommuneStraightToTheProvince() throws Exception {
		fixtures.testBar();
		long daNang = data.unit("48", TestData.AFTER_REFORM).id();
		UnitRef commune = SystemTask.call(() -> units.create(new NewUnit(TestData.unique("T"),
				"Hai Cấp " + TestData.unique(""), UnitType.XA, daNang, LocalDate.of(2025, 7, 1), null)));
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, commune.code());
		UserView province = data.user(Role.PROVINCE_OFFICE, TestData.AFTER_REFORM, "48");
		fixtures.allCriteriaMet(commune.id(), 2025);
		as(officer, () -> surveys.record(commune.id(), 2025, DossierFixtures.survey(1000, 850, null)));
		long id;

		try (Browser browser = as(officer)) {
			browser.go("/units/" + commune.id() + "/dossiers");
			new Select(browser.waitFor(By.id("open-title"))).selectByValue("XA_NTM");
			browser.driver.findElement(By.id("open-year")).sendKeys("2025");
			browser.click(browser.driver.findElement(By.id("open-submit")));
			String steps = browser.waitFor(By.id("steps")).getText();
			assertThat(steps).contains("Xã nộp hồ sơ", "Hội đồng thẩm định tỉnh", "Quyết định công nhận", "Công bố")
				.doesNotContain("Huyện");
			assertThat(browser.driver.findElement(By.id("dossier-route")).getText()).contains("từ 01/7/2025");
			assertThat(browser.driver.findElements(By.id("item-BAO_CAO_THAM_TRA"))).isEmpty();
			id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/dossiers/(\\d+).*", "$1"));
			for (String item : COMMUNE_ITEMS) {
				upload(browser, item);
			}
			done(browser, "SUBMIT", null);
			waitForState(browser, "Đã nộp");
		}
		DossierView submitted = SystemTask.call(() -> dossiers.find(id));
		assertThat(submitted.pendingStep().code()).isEqualTo("PROVINCE_APPRAISAL");
		assertThat(submitted.pendingStep().officeName()).contains("Đà Nẵng");

		try (Browser browser = as(province)) {
			browser.go("/dossiers/" + id);
			upload(browser, "BAO_CAO_THAM_DINH");
			done(browser, "APPROVE", null);
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("step-DECISION"), "Đang chờ"));
			new Select(browser.waitFor(By.id("security-complex"))).selectByValue("no");
			browser.driver.findElement(By.id("security-source")).sendKeys("Công văn của Công an thành phố Đà Nẵng");
			browser.click(browser.driver.findElement(By.id("security-save")));
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("security-state"), "Công an"));
			browser.waitFor(By.id("act-decision")).sendKeys("99/QĐ-UBND");
			done(browser, "APPROVE", null);
			waitForState(browser, "Đã công nhận");
			done(browser, "APPROVE", null);
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("step-ANNOUNCE"), "Đã xong"));
			browser.screenshot("dossier-4-after-reform");
		}
		assertThat(SystemTask.call(() -> titles.historyOf(commune.id()))).singleElement()
			.satisfies(award -> assertThat(award.year()).isEqualTo(2025));
	}

}
