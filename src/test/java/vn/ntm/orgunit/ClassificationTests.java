package vn.ntm.orgunit;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.audit.AuditLog;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Classification schemes kept by administrators, and values given to units over periods.
 */
@IntegrationTest
class ClassificationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UnitManagement units;

	@Autowired
	AuditLog audit;

	@Test
	void shouldLetAdministratorsAddASchemeAndProvincesUseIt() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		String code = "BIEN_GIOI_" + (System.nanoTime() % 100000);
		mvc.perform(post("/admin/classifications").with(user(admin.username()))
			.with(csrf())
			.param("code", code)
			.param("name", "Xã biên giới")
			.param("multiValued", "false")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/classifications/{c}/values", code).with(user(admin.username()))
			.with(csrf())
			.param("code", "DAT_LIEN")
			.param("name", "Biên giới đất liền")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/classifications").with(user(admin.username())))
			.andExpect(content().string(containsString("Biên giới đất liền")));

		UserView province = data.user(Role.PROVINCE_OFFICE, TestData.AFTER_REFORM, "08");
		UnitRef tanMy = data.unit("02308", TestData.AFTER_REFORM);
		int version = SystemTask.call(() -> units.details(tanMy.id(), LocalDate.now())).rowVersion();
		mvc.perform(post("/units/{id}/classifications/new", tanMy.id()).with(user(province.username()))
			.with(csrf())
			.param("choice", code + "|DAT_LIEN")
			.param("validFrom", "01/07/2025")
			.param("source", "QĐ thử")
			.param("expectedVersion", String.valueOf(version))).andExpect(status().is3xxRedirection());
		assertThat(SystemTask.call(() -> units.classificationAt(tanMy.id(), code, LocalDate.of(2026, 1, 1))))
			.hasValueSatisfying(v -> assertThat(v.valueName()).isEqualTo("Biên giới đất liền"));
		assertThat(SystemTask.call(() -> units.classificationAt(tanMy.id(), code, LocalDate.of(2025, 6, 30))))
			.isEmpty();
		assertThat(audit.historyOf("unit", String.valueOf(tanMy.id()), 5)).first()
			.satisfies(e -> assertThat(e.action()).isEqualTo("CLASSIFY"));
	}

	@Test
	void shouldKeepSchemeManagementToAdministrators() throws Exception {
		UserView province = data.user(Role.PROVINCE_OFFICE, TestData.AFTER_REFORM, "08");
		mvc.perform(get("/admin/classifications").with(user(province.username()))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/classifications").with(user(province.username()))
			.with(csrf())
			.param("code", "KHONG_DUOC")
			.param("name", "Không được")).andExpect(status().isForbidden());
	}

	@Test
	void shouldRefuseTwoValuesOfTheCommuneGroupAtOnce() throws Exception {
		UserView province = data.user(Role.PROVINCE_OFFICE, TestData.AFTER_REFORM, "08");
		UnitRef tanMy = data.unit("02308", TestData.AFTER_REFORM);
		int version = SystemTask.call(() -> units.details(tanMy.id(), LocalDate.now())).rowVersion();
		mvc.perform(post("/units/{id}/classifications/new", tanMy.id()).with(user(province.username()))
			.with(csrf())
			.param("choice", "NHOM_XA|NHOM_3")
			.param("validFrom", "15/02/2026")
			.param("expectedVersion", String.valueOf(version))).andExpect(status().is3xxRedirection());
		int next = SystemTask.call(() -> units.details(tanMy.id(), LocalDate.now())).rowVersion();
		mvc.perform(post("/units/{id}/classifications/new", tanMy.id()).with(user(province.username()))
			.with(csrf())
			.param("choice", "NHOM_XA|NHOM_2")
			.param("validFrom", "01/03/2026")
			.param("expectedVersion", String.valueOf(next)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("không được chồng nhau")));
	}

}
