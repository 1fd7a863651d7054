package vn.ntm.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The layout, languages, the current unit and the error pages.
 */
@IntegrationTest
class ShellTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void shouldSpeakVietnameseFirstAndEnglishOnRequest() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		mvc.perform(get("/").with(user(officer.username())))
			.andExpect(content().string(containsString("Đơn vị hành chính")))
			.andExpect(content().string(containsString("lang=\"vi\"")));
		mvc.perform(get("/").param("lang", "en").with(user(officer.username())))
			.andExpect(cookie().value("NTM_LANG", "en"))
			.andExpect(content().string(containsString("Administrative units")))
			.andExpect(content().string(not(containsString("Đơn vị hành chính</span>"))));
		mvc.perform(get("/").header("Accept-Language", "en-US,en;q=0.9").with(user(officer.username())))
			.andExpect(content().string(containsString("Đơn vị hành chính")));
		// API clients choose with Accept-Language (the cookie, when there is one, wins)
		mvc.perform(get("/api/v1/units/{id}", 987_654_321L).header("Accept-Language", "en-US,en;q=0.9")
			.with(user(officer.username())))
			.andExpect(content().string(containsString("outside the units assigned to you")));
		mvc.perform(get("/api/v1/units/{id}", 987_654_321L).header("Accept-Language", "fr, en;q=0.5")
			.with(user(officer.username()))).andExpect(content().string(containsString("ngoài phạm vi")));
	}

	@Test
	void shouldShowTheCurrentUnitWithItsBreadcrumbs() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		mvc.perform(get("/").with(user(officer.username())))
			.andExpect(content().string(containsString("Xã Tam Thanh")))
			.andExpect(content().string(containsString("Thành phố Tam Kỳ")));
		long village = data.village(data.unit("20359", TestData.BEFORE_REFORM).id(), TestData.unique("Thôn Chọn "))
			.id();
		mvc.perform(post("/current-unit").param("unitId", String.valueOf(village))
			.with(user(officer.username()))
			.with(csrf())).andExpect(redirectedUrl("/units/" + village));
		mvc.perform(get("/current-unit/options").param("q", "tam thanh").with(user(officer.username())))
			.andExpect(content().string(containsString("Xã Tam Thanh")));
		long elsewhere = data.unit("02314", TestData.BEFORE_REFORM).id();
		mvc.perform(post("/current-unit").param("unitId", String.valueOf(elsewhere))
			.with(user(officer.username()))
			.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void shouldAnswerInVietnameseWhenSomethingIsMissing() throws Exception {
		UserView officer = data.user(Role.VIEWER, TestData.AFTER_REFORM, "VN");
		mvc.perform(get("/units/999999999").with(user(officer.username()))).andExpect(status().isForbidden());
		mvc.perform(get("/khong-co-trang-nay").with(user(officer.username())))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Không tìm thấy")));
		mvc.perform(get("/api/v1/units/abc").with(httpBasic(officer.username(), TestData.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Yêu cầu không hợp lệ"));
	}

	@Test
	void shouldLetAdministratorsSearchTheAuditTrailWithoutDiacritics() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		String name = TestData.unique("Thôn Nhật Ký ");
		data.village(data.unit("07870", TestData.AFTER_REFORM).id(), name);
		String folded = vn.ntm.shared.VnText.searchKey(name);
		mvc.perform(get("/admin/audit").param("text", folded).with(user(admin.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
		mvc.perform(get("/api/v1/audit").param("text", folded).with(httpBasic(admin.username(), TestData.PASSWORD)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].after.name").value(name));
	}

}
