package vn.ntm.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.AssessmentWorkflow;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home page is the work page: what waits for the user, counted by kind, with its age
 * and one link to the page where it is done; the user's units with where this year's
 * assessment stands; the menu's badge; and the language links that keep the page.
 */
@IntegrationTest
class HomeWorkTests {

	/** Xã Đại Sơn (Đại Lộc, Quảng Nam), which no other test opens. */
	static final String DAI_SON = "20503";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	AssessmentWorkflow workflow;

	@Test
	void shouldListEachRolesWorkOnTheHomePageWithOneLinkToIt() throws Exception {
		long unit = data.unit(DAI_SON, TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		long id = SystemTask.call(() -> {
			AssessmentView opened = assessments.open(new NewAssessment(unit, set, 2022, null, null, null));
			AssessmentView saved = assessments
				.record(opened.id(),
						new AssessmentEntry(Map.of(), List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11",
								"12", "13", "14", "15", "16", "17", "18"), List.of("19"), 18, null,
								opened.rowVersion()));
			workflow.submit(saved.id(), saved.rowVersion());
			return saved.id();
		});
		UserView health = data.user(Role.CRITERION_OFFICER, TestData.BEFORE_REFORM, "49");
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "506");
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, DAI_SON);
		// Hội An: Tam Kỳ has funding alerts of its own (the demo illustrations), which
		// the badge counts
		UserView elsewhere = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "503");

		// the health officer: criterion 15 to check, one link to its form on the workflow
		// page
		mvc.perform(get("/").with(user(health.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Việc chờ xử lý"), containsString("Kiểm tra tiêu chí"),
					containsString("href=\"/assessments/" + id + "/workflow#check-15\""), containsString("Xã Đại Sơn"),
					not(containsString("đang được xây dựng")))));
		// the district: a review, counted by kind; its units' state with one link to the
		// progress
		mvc.perform(get("/").with(user(district.username())))
			.andExpect(content().string(allOf(containsString("href=\"/assessments/" + id + "/workflow\""),
					containsString("data-kind=\"work.kind.assessment.REVIEW\""), containsString("Thẩm tra"),
					containsString("/assessments/progress?set=" + set + "&amp;year=2022"),
					containsString("1 chờ kiểm tra, thẩm tra, thẩm định"))));
		mvc.perform(get("/work/count").with(user(district.username())))
			.andExpect(content().string(containsString(">1</span>")));
		// the commune: its own assessment of the year, submitted, opened in one click
		mvc.perform(get("/").with(user(commune.username())))
			.andExpect(content().string(allOf(containsString("Năm 2022, QD318_XA_NTM"),
					containsString("Đã nộp, chờ kiểm tra"), containsString("href=\"/assessments/" + id + "/workflow\""),
					containsString("Không có việc nào chờ bạn."))));
		// another district sees nothing of it
		mvc.perform(get("/").with(user(elsewhere.username())))
			.andExpect(content().string(not(containsString("/assessments/" + id + "/"))));
		mvc.perform(get("/work/count").with(user(elsewhere.username())))
			.andExpect(content().string(not(containsString("badge"))));
	}

	@Test
	void shouldKeepThePageAndItsParametersWhenSwitchingLanguage() throws Exception {
		UserView province = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		String page = mvc
			.perform(get("/units/{id}/evaluations/matrix?set={set}&year=2023", tamKy, set)
				.with(user(province.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher link = Pattern.compile("id=\"lang-en\" href=\"([^\"]+)\"").matcher(page);
		assertThat(link.find()).isTrue();
		String href = link.group(1).replace("&amp;", "&");
		assertThat(href).startsWith("/units/" + tamKy + "/evaluations/matrix?")
			.contains("set=" + set, "year=2023", "lang=en");
		mvc.perform(get(href).with(user(province.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"en\"")));
	}

}
