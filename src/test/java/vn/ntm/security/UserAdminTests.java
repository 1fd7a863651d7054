package vn.ntm.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

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
	void shouldLeaveAPeerAccountToAdministratorsAndHigherLevels() throws Exception {
		UserView quangNam = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		UserView peer = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		// a province office neither resets a peer's password nor changes its role or
		// units
		mvc.perform(post("/admin/users/{id}/password", peer.id()).with(user(quangNam.username()))
			.with(csrf())
			.param("password", "ChiemQuyen2026x")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/{id}", peer.id()).with(user(quangNam.username()))
			.with(csrf())
			.param("username", peer.username())
			.param("fullName", peer.fullName())
			.param("role", "VIEWER")
			.param("unitCodes", "49")
			.param("version", String.valueOf(peer.version()))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/{id}/enabled", peer.id()).with(user(quangNam.username()))
			.with(csrf())
			.param("enabled", "false")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users/{id}", peer.id()).with(user(quangNam.username())))
			.andExpect(status().isForbidden());
		// nor makes itself a second one, nor lists it
		mvc.perform(post("/admin/users/new").with(user(quangNam.username()))
			.with(csrf())
			.param("username", TestData.unique("vanphong"))
			.param("fullName", "Văn Phòng Thứ Hai")
			.param("role", "PROVINCE_OFFICE")
			.param("unitCodes", "49")
			.param("password", "KhoiTao2026x")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users").param("q", "nguoi kiem thu").with(user(quangNam.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/admin/users/" + peer.id() + "\""))));
		String hash = jdbc.sql("select password_hash from app_user where id = :id")
			.param("id", peer.id())
			.query(String.class)
			.single();
		assertThat(passwords.matches(TestData.PASSWORD, hash)).isTrue();
		// the accounts it manages are unchanged: a commune officer of its province
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		mvc.perform(post("/admin/users/{id}/password", commune.id()).with(user(quangNam.username()))
			.with(csrf())
			.param("password", "DatLaiMoi2026x")).andExpect(status().is3xxRedirection());
		// an office bound below the province (Tam Kỳ) is not a peer of the province's
		UserView below = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "502");
		mvc.perform(post("/admin/users/{id}/password", below.id()).with(user(quangNam.username()))
			.with(csrf())
			.param("password", "DatLaiMoi2026x")).andExpect(status().is3xxRedirection());
		// and an administrator manages the peer
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		mvc.perform(post("/admin/users/{id}/password", peer.id()).with(user(admin.username()))
			.with(csrf())
			.param("password", "DatLaiMoi2026x")).andExpect(status().is3xxRedirection());
	}

	@Test
	void shouldChangeOnesOwnPasswordOnlyWithTheCurrentOne() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		mvc.perform(post("/admin/users/{id}/password", admin.id()).with(user(admin.username()))
			.with(csrf())
			.param("password", "KhongCanCu2026x"))
			.andExpect(flash().attribute("error", containsString("mật khẩu hiện tại")));
		String hash = jdbc.sql("select password_hash from app_user where id = :id")
			.param("id", admin.id())
			.query(String.class)
			.single();
		assertThat(passwords.matches(TestData.PASSWORD, hash)).isTrue();
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
