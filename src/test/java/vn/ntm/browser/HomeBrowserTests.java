package vn.ntm.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.AssessmentWorkflow;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page as each demo account sees it (README, "Demo accounts"), in a real
 * Chromium: each finds its work on the home page and reaches the page where it is done in
 * one click. The work: Tam Thanh's draft (the commune enters it), Tam Phú's assessment
 * submitted (the health department checks criterion 15, the city reviews it), Tam Thăng's
 * reviewed (the province approves it); the viewer of Tuyên Quang follows the progress of
 * its units.
 */
@IntegrationTest
class HomeBrowserTests {

	static final String DEMO_PASSWORD = "NtmDemo@2026";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	AssessmentWorkflow workflow;

	long draft;

	long submitted;

	long reviewed;

	@BeforeEach
	void work() {
		long nangCao = data.setId("QD318_XA_NTM_NC");
		// (2024 of QĐ 318 is CriteriaBrowserTests' to open)
		draft = SystemTask.call(() -> find(data.unit("20359", TestData.BEFORE_REFORM).id(), nangCao, 2022)).id();
		submitted = SystemTask.call(() -> {
			AssessmentView a = complete(find(data.unit("20371", TestData.BEFORE_REFORM).id(), nangCao, 2022));
			if (a.status().equals("DRAFT")) {
				workflow.submit(a.id(), a.rowVersion());
			}
			return a.id();
		});
		reviewed = SystemTask.call(() -> {
			AssessmentView a = complete(find(data.unit("20362", TestData.BEFORE_REFORM).id(), nangCao, 2022));
			if (a.status().equals("DRAFT")) {
				workflow.submit(a.id(), a.rowVersion());
				workflow.review(a.id(), null, a.rowVersion() + 1);
			}
			return a.id();
		});
	}

	private AssessmentView find(long unit, long set, int year) {
		return assessments.find(unit, set, year)
			.orElseGet(() -> assessments.open(new NewAssessment(unit, set, year, null, null, null)));
	}

	private AssessmentView complete(AssessmentView a) {
		if (!a.status().equals("DRAFT") || a.claimCount() > 0) {
			return a;
		}
		return assessments.record(a.id(), new AssessmentEntry(Map.of(), List.of("1", "2", "3", "4", "5", "6", "7", "8",
				"9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19"), List.of(), 19, null, a.rowVersion()));
	}

	@Test
	void shouldLeadTheCommuneToItsEntryInOneClick() {
		try (Browser browser = as("tamthanh")) {
			// the draft under way (this one, or a later one another test left open)
			WebElement line = browser.waitFor(By.cssSelector("#my-units .unit-work"));
			assertThat(line.getText()).contains("Đang nhập");
			browser.click(line.findElement(By.cssSelector("a.unit-action")));
			browser.wait.until(ExpectedConditions.urlMatches("/assessments/\\d+/entry$"));
			browser.waitFor(By.id("entry-save"));
			assertThat(browser.text()).contains("Xã Tam Thanh");
			browser.screenshot("home-1-commune");
		}
	}

	@Test
	void shouldLeadTheHealthOfficerToCriterion15InOneClick() {
		try (Browser browser = as("soyte")) {
			assertThat(browser.waitFor(By.id("work")).getText()).contains("Kiểm tra tiêu chí", "Xã Tam Phú");
			assertThat(browser.waitFor(By.cssSelector("#work-count.badge")).getText()).matches("\\d+");
			browser.click(link(browser, submitted, "/workflow#check-15"));
			browser.waitFor(By.cssSelector("#check-15 form.check-form"));
			assertThat(browser.driver.getCurrentUrl()).contains("/assessments/" + submitted + "/workflow");
			browser.screenshot("home-2-health");
		}
	}

	@Test
	void shouldLeadTheCityToItsReviewInOneClick() {
		try (Browser browser = as("tamky")) {
			assertThat(browser.waitFor(By.id("work")).getText()).contains("Thẩm tra", "Xã Tam Phú");
			browser.click(link(browser, submitted, "/workflow"));
			browser.waitFor(By.id("review-assessment"));
			browser.screenshot("home-3-city");
		}
	}

	@Test
	void shouldLeadTheProvinceToItsApprovalInOneClick() {
		try (Browser browser = as("quangnam")) {
			assertThat(browser.waitFor(By.id("work")).getText()).contains("Thẩm định, phê duyệt", "Xã Tam Thăng");
			browser.click(link(browser, reviewed, "/workflow"));
			browser.waitFor(By.id("approve-assessment"));
			browser.screenshot("home-4-province");
		}
	}

	@Test
	void shouldLeadTheAdministratorToAnythingWaiting() {
		try (Browser browser = as("admin")) {
			assertThat(browser.waitFor(By.id("work")).getText()).contains("Thẩm định, phê duyệt", "Thẩm tra");
			browser.click(link(browser, reviewed, "/workflow"));
			browser.waitFor(By.id("approve-assessment"));
		}
	}

	@Test
	void shouldLeadTheViewerToItsUnitsProgressInOneClick() {
		try (Browser browser = as("xem")) {
			assertThat(browser.waitFor(By.id("work")).getText()).contains("Không có việc nào chờ bạn.");
			WebElement line = browser.waitFor(By.cssSelector("#my-units .unit-work"));
			assertThat(line.getText()).contains("Đơn vị trực thuộc");
			browser.click(line.findElement(By.cssSelector("a.unit-action")));
			browser.wait.until(ExpectedConditions.urlContains("/assessments/progress"));
			assertThat(browser.text()).contains("Xã Hùng Mỹ");
			browser.screenshot("home-5-viewer");
		}
	}

	private static WebElement link(Browser browser, long id, String path) {
		return browser.waitFor(By.cssSelector("#work-items a[href='/assessments/" + id + path + "']"));
	}

	private Browser as(String username) {
		Browser browser = Browser.open(port, 1280, 900);
		browser.login(username, DEMO_PASSWORD);
		browser.go("/");
		return browser;
	}

}
