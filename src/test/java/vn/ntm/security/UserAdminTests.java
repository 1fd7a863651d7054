package vn.ntm.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
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
 * Managing accounts through the pages: audited, limited to the manager's province and
 * roles.
 */
@IntegrationTest
class UserAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UserManagement users;

	@Autowired
	AuditLog audit;

	@Test
	void shouldCreateAnAccountAndAuditIt() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		String username = TestData.unique("canbo");
		mvc.perform(post("/admin/users/new").with(user(admin.username()))
			.with(csrf())
			.param("username", username)
			.param("fullName", "Lý Thị Hoa")
			.param("role", "COMMUNE_OFFICER")
			.param("unitCodes", "07870")
			.param("password", "KhoiTao2026x")).andExpect(status().is3xxRedirection());
		UserView created = SystemTask.call(() -> users.findByUsername(username)).orElseThrow();
		assertThat(created.role()).isEqualTo(Role.COMMUNE_OFFICER);
		assertThat(created.unitLabels()).singleElement().satisfies(l -> assertThat(l).startsWith("Xã Xuân Cẩm"));
		List<AuditEntry> entries = audit.historyOf("user", String.valueOf(created.id()), 5);
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.actor()).isEqualTo(admin.username());
			assertThat(e.after()).containsEntry("username", username).doesNotContainKey("passwordHash");
		});
	}

	@Test
	void shouldExplainWhyAnAccountCannotBeCreated() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		mvc.perform(post("/admin/users/new").with(user(admin.username()))
			.with(csrf())
			.param("username", TestData.unique("canbo"))
			.param("fullName", "Lý Thị Hoa")
			.param("role", "COMMUNE_OFFICER")
			.param("unitCodes", "khong-co")
			.param("password", "KhoiTao2026x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Không xác định được đơn vị có mã")));
		mvc.perform(post("/admin/users/new").with(user(admin.username()))
			.with(csrf())
			.param("username", "Có Dấu")
			.param("fullName", "Lý Thị Hoa")
			.param("role", "VIEWER")
			.param("unitCodes", "07870")
			.param("password", "KhoiTao2026x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tên đăng nhập")));
	}

	@Test
	void shouldLimitAProvinceOfficeToItsOwnProvinceAndNonAdministrators() throws Exception {
		UserView quangNam = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		mvc.perform(post("/admin/users/new").with(user(quangNam.username()))
			.with(csrf())
			.param("username", TestData.unique("tuyenquang"))
			.param("fullName", "Ngoài Tỉnh")
			.param("role", "COMMUNE_OFFICER")
			.param("unitCodes", "02314")
			.param("password", "KhoiTao2026x")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/new").with(user(quangNam.username()))
			.with(csrf())
			.param("username", TestData.unique("quantri"))
			.param("fullName", "Quản Trị Giả")
			.param("role", "ADMIN")
			.param("unitCodes", "20359")
			.param("password", "KhoiTao2026x")).andExpect(status().isForbidden());
		UserView outside = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314");
		mvc.perform(get("/admin/users/{id}", outside.id()).with(user(quangNam.username())))
			.andExpect(status().isForbidden());
		UserView inside = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		mvc.perform(get("/admin/users/{id}", inside.id()).with(user(quangNam.username()))).andExpect(status().isOk());
	}

	@Test
	void shouldRefuseAStaleAccountEdit() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		mvc.perform(post("/admin/users/{id}", officer.id()).with(user(admin.username()))
			.with(csrf())
			.param("username", officer.username())
			.param("fullName", "Tên Mới")
			.param("role", "COMMUNE_OFFICER")
			.param("unitCodes", "07870")
			.param("version", String.valueOf(officer.version()))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/users/{id}", officer.id()).with(user(admin.username()))
			.with(csrf())
			.param("username", officer.username())
			.param("fullName", "Tên Khác")
			.param("role", "COMMUNE_OFFICER")
			.param("unitCodes", "07870")
			.param("version", String.valueOf(officer.version())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("vừa được " + admin.username() + " thay đổi")));
	}

}
