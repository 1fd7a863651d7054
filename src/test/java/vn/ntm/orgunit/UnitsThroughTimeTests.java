package vn.ntm.orgunit;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The acceptance facts of the national lists and the 2025 reform, by facade, by page and
 * by API.
 */
@IntegrationTest
class UnitsThroughTimeTests {

	@Autowired
	UnitManagement units;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@Test
	void shouldShowTamKysCommunesAsOfMid2024() {
		UnitRef tamKy = data.unit("502", TestData.BEFORE_REFORM);
		List<String> children = SystemTask.call(() -> units.children(tamKy.id(), TestData.BEFORE_REFORM))
			.stream()
			.map(UnitRef::fullName)
			.toList();
		assertThat(children).contains("Xã Tam Thanh", "Xã Tam Ngọc", "Xã Tam Phú", "Xã Tam Thăng");
		List<UnitRef> ancestors = SystemTask.call(() -> units.ancestors(tamKy.id(), TestData.BEFORE_REFORM));
		assertThat(ancestors).extracting(UnitRef::fullName).containsExactly("Việt Nam", "Tỉnh Quảng Nam");
	}

	@Test
	void shouldNotHaveDistrictsAfterTheReform() {
		long vn = SystemTask.call(units::countryId);
		List<UnitRef> provinces = SystemTask.call(() -> units.children(vn, TestData.AFTER_REFORM));
		assertThat(provinces).hasSize(34);
		UnitRef tamKy = data.unit("502", TestData.BEFORE_REFORM);
		assertThat(SystemTask.call(() -> units.find(tamKy.id(), TestData.AFTER_REFORM))).isEmpty();
	}

	@Test
	void shouldSendTamThanhIntoPhuongQuangPhuOfDaNang() {
		assertBecame("20359", "Phường Quảng Phú", "Thành phố Đà Nẵng");
	}

	@Test
	void shouldSendHungMyIntoXaTanMyOfTuyenQuang() {
		assertBecame("02314", "Xã Tân Mỹ", "Tỉnh Tuyên Quang");
	}

	@Test
	void shouldSendMaiDinhIntoXaXuanCamOfBacNinh() {
		assertBecame("07885", "Xã Xuân Cẩm", "Tỉnh Bắc Ninh");
	}

	private void assertBecame(String oldCode, String successorName, String provinceName) {
		UnitRef old = data.unit(oldCode, TestData.BEFORE_REFORM);
		UnitHistory history = SystemTask.call(() -> units.history(old.id()));
		UnitHistory.EventEntry reform = history.events()
			.stream()
			.filter(e -> e.effectiveDate().equals(TestData.AFTER_REFORM) && e.role().equals("ENDED")
					&& !e.kind().equals("ABOLISH_LEVEL"))
			.findFirst()
			.orElseThrow();
		assertThat(reform.successors()).extracting(UnitRef::fullName).containsExactly(successorName);
		UnitRef successor = reform.successors().get(0);
		List<UnitRef> ancestors = SystemTask.call(() -> units.ancestors(successor.id(), TestData.AFTER_REFORM));
		assertThat(ancestors).extracting(UnitRef::fullName).containsExactly("Việt Nam", provinceName);
		UnitHistory successorHistory = SystemTask.call(() -> units.history(successor.id()));
		assertThat(successorHistory.events())
			.anySatisfy(e -> assertThat(e.predecessors()).extracting(UnitRef::id).contains(old.id()));
	}

	@Test
	void shouldAuditTheVillagesCarriedToTheCommuneThatReplacedTheirs() {
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		UnitRef village = data.village(tamThanh.id(), TestData.unique("Thôn Mang Theo "));
		assertThat(audit.historyOf("unit", String.valueOf(village.id()), 10)).extracting(AuditEntry::action)
			.containsExactly("REPARENT", "CREATE");
		assertThat(audit.historyOf("unit", String.valueOf(village.id()), 10).get(0).summary())
			.contains("Phường Quảng Phú", "01/07/2025");
	}

	@Test
	void shouldFindUnitsWithoutDiacritics() {
		assertThat(SystemTask.call(() -> units.search("tam thang", null, 20))).extracting(UnitRef::fullName)
			.contains("Xã Tam Thăng");
		assertThat(SystemTask.call(() -> units.search("hung my", null, 20))).extracting(UnitRef::fullName)
			.contains("Xã Hùng Mỹ");
		assertThat(SystemTask.call(() -> units.search("Hùng Mỹ", null, 5)).get(0).fullName()).isEqualTo("Xã Hùng Mỹ");
	}

	@Test
	void shouldShowTheHistoryOnTheUnitPage() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		mvc.perform(get("/units/{id}", tamThanh.id()).param("at", "01/07/2025").with(user(admin.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Phường Quảng Phú")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Đã kết thúc ngày 30/06/2025")));
		mvc.perform(get("/units/search").param("q", "tam thang").with(user(admin.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Xã Tam Thăng")));
	}

	@Test
	void shouldAnswerTheTreeQuestionsThroughTheApi() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		UnitRef tamKy = data.unit("502", TestData.BEFORE_REFORM);
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		mvc.perform(get("/api/v1/units/{id}/children", tamKy.id()).param("at", "2024-06-30")
			.with(httpBasic(admin.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$[*].fullName", hasItems("Xã Tam Thanh", "Xã Tam Ngọc", "Xã Tam Phú", "Xã Tam Thăng")));
		mvc.perform(get("/api/v1/units/{id}/ancestors", tamThanh.id()).param("at", "2024-06-30")
			.with(httpBasic(admin.username(), TestData.PASSWORD)))
			.andExpect(jsonPath("$[*].fullName", hasItems("Việt Nam", "Tỉnh Quảng Nam", "Thành phố Tam Kỳ")));
		mvc.perform(
				get("/api/v1/units/{id}/history", tamThanh.id()).with(httpBasic(admin.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events[*].successors[*].name", hasItem("Quảng Phú")));
		mvc.perform(get("/api/v1/units/{id}/descendants", tamKy.id()).param("at", "2024-06-30")
			.with(httpBasic(admin.username(), TestData.PASSWORD)))
			.andExpect(jsonPath("$[*].fullName", hasItems("Xã Tam Thăng", "Thôn Mỹ Cang")));
		mvc.perform(get("/api/v1/units").param("q", "hung my").with(httpBasic(admin.username(), TestData.PASSWORD)))
			.andExpect(jsonPath("$[*].fullName", hasItem("Xã Hùng Mỹ")));
		mvc.perform(get("/api/v1/units").param("code", "20359")
			.param("at", "2024-06-30")
			.with(httpBasic(admin.username(), TestData.PASSWORD))).andExpect(jsonPath("$[0].name").value("Tam Thanh"));
		mvc.perform(get("/api/v1/units/{id}", tamThanh.id()).param("at", "2025-07-01")
			.with(httpBasic(admin.username(), TestData.PASSWORD)))
			.andExpect(jsonPath("$.existsAt").value(false))
			.andExpect(jsonPath("$.unit.validTo").value("2025-06-30"));
	}

	@Test
	void shouldGiveCommunesTheRegionOfTheirProvince() {
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		ClassificationView region = SystemTask
			.call(() -> units.classificationAt(tamThanh.id(), "VUNG", LocalDate.of(2024, 1, 1)))
			.orElseThrow();
		assertThat(region.valueCode()).isEqualTo("DHNTB");
		assertThat(region.inheritedFrom().fullName()).isEqualTo("Tỉnh Quảng Nam");
	}

}
