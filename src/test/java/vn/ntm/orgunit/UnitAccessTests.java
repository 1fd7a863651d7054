package vn.ntm.orgunit;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Users see and change only the units they are responsible for, on pages and through the
 * API alike.
 */
@IntegrationTest
class UnitAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UnitManagement units;

	UserView maiDinhOfficer;

	UnitRef maiDinh;

	UnitRef xuanLuong;

	UnitRef otherVillage;

	@BeforeEach
	void setUp() {
		maiDinhOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07885");
		maiDinh = data.unit("07885", TestData.BEFORE_REFORM);
		xuanLuong = data.unit("07249", TestData.BEFORE_REFORM);
		otherVillage = data.village(xuanLuong.id(), TestData.unique("Bản Kiểm Thử "));
	}

	@Test
	void shouldLetACommuneOfficerReadTheirCommuneAndItsVillages() throws Exception {
		UnitRef village = data.village(maiDinh.id(), TestData.unique("Thôn Đọc "));
		mvc.perform(get("/units/{id}", maiDinh.id()).with(user(maiDinhOfficer.username()))).andExpect(status().isOk());
		mvc.perform(get("/units/{id}", village.id()).with(user(maiDinhOfficer.username()))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/units/{id}/children", maiDinh.id()).param("at", "2024-06-30")
			.with(httpBasic(maiDinhOfficer.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) village.id())));
	}

	@Test
	void shouldRefuseAnotherCommuneByPage() throws Exception {
		mvc.perform(get("/units/{id}", xuanLuong.id()).with(user(maiDinhOfficer.username())))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("ngoài phạm vi được giao")));
		mvc.perform(get("/units/{id}", otherVillage.id()).with(user(maiDinhOfficer.username())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/units").param("root", String.valueOf(xuanLuong.id())).with(user(maiDinhOfficer.username())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/units/{id}/export.xlsx", xuanLuong.id()).with(user(maiDinhOfficer.username())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/units/{id}/edit", otherVillage.id()).with(user(maiDinhOfficer.username())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/units/{id}/edit", otherVillage.id()).with(user(maiDinhOfficer.username()))
			.with(csrf())
			.param("name", "Đổi trái phép")
			.param("type", "THON")
			.param("expectedVersion", "0")).andExpect(status().isForbidden());
	}

	@Test
	void shouldRefuseAnotherCommuneByApi() throws Exception {
		var basic = httpBasic(maiDinhOfficer.username(), TestData.PASSWORD);
		mvc.perform(get("/api/v1/units/{id}", xuanLuong.id()).with(basic))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("Xã Xuân Lương")));
		mvc.perform(get("/api/v1/units/{id}/children", xuanLuong.id()).with(basic)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/units/{id}/history", otherVillage.id()).with(basic)).andExpect(status().isForbidden());
		long bacGiang = data.unit("24", TestData.BEFORE_REFORM).id();
		mvc.perform(get("/api/v1/units/{id}/descendants", bacGiang).with(basic)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/units").with(basic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Thôn Trái Phép\",\"type\":\"THON\",\"parentId\":" + xuanLuong.id() + "}"))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/units/{id}", otherVillage.id()).with(basic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Đổi trái phép\",\"type\":\"THON\",\"expectedVersion\":0}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldLeaveUnitsOutsideTheScopeOutOfSearches() throws Exception {
		mvc.perform(get("/api/v1/units").param("q", "xuan luong")
			.with(httpBasic(maiDinhOfficer.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", empty()));
		mvc.perform(get("/api/v1/units").param("q", "mai dinh")
			.with(httpBasic(maiDinhOfficer.username(), TestData.PASSWORD)))
			.andExpect(jsonPath("$[*].code", hasItem("07885")));
	}

	@Test
	void shouldLetACommuneOfficerAddVillagesButNotChangeTheCommune() throws Exception {
		// a commune that exists today (Mai Đình ended on 30/06/2025: nothing is added
		// there)
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		UnitRef xuanCam = data.unit("07870", TestData.AFTER_REFORM);
		var basic = httpBasic(officer.username(), TestData.PASSWORD);
		mvc.perform(post("/api/v1/units").with(basic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + TestData.unique("Mới ") + "\",\"type\":\"THON\",\"parentId\":" + xuanCam.id()
					+ "}"))
			.andExpect(status().isCreated());
		mvc.perform(put("/api/v1/units/{id}", xuanCam.id()).with(basic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"07870\",\"name\":\"Xuân Cẩm Mới\",\"type\":\"XA\",\"expectedVersion\":0}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldApplyOneRuleToCreatingCorrectingAndDissolvingVillages() throws Exception {
		String tomorrow = LocalDate.now().plusDays(1).toString();
		// the officer of a commune that exists adds a village, corrects it and dissolves
		// it
		UserView xuanCamOfficer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		UnitRef xuanCam = data.unit("07870", TestData.AFTER_REFORM);
		var xuanCamBasic = httpBasic(xuanCamOfficer.username(), TestData.PASSWORD);
		String created = mvc
			.perform(post("/api/v1/units").with(xuanCamBasic)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + TestData.unique("Thôn Mới ") + "\",\"type\":\"THON\",\"parentId\":"
						+ xuanCam.id() + "}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long village = Long.parseLong(created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
		mvc.perform(put("/api/v1/units/{id}", village).with(xuanCamBasic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + TestData.unique("Thôn Sửa ") + "\",\"type\":\"THON\",\"expectedVersion\":"
					+ version(village) + "}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/units/{id}/dissolution", village).with(xuanCamBasic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"effectiveDate\":\"" + tomorrow + "\",\"expectedVersion\":" + version(village) + "}"))
			.andExpect(status().isOk());

		// the officer of Tam Thanh (ended 30/06/2025 in Phường Quảng Phú) adds no
		// village there any more: it would sit under no commune today...
		UserView tamThanhOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		var tamThanhBasic = httpBasic(tamThanhOfficer.username(), TestData.PASSWORD);
		mvc.perform(post("/api/v1/units").with(tamThanhBasic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + TestData.unique("Thôn Cũ ") + "\",\"type\":\"THON\",\"parentId\":" + tamThanh.id()
					+ "}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("đã kết thúc")));
		// ...nor corrects or dissolves the villages that went on to Quảng Phú
		UnitRef carried = data.village(tamThanh.id(), TestData.unique("Thôn Theo "));
		UnitRef now = SystemTask.call(() -> units.find(carried.id(), LocalDate.now())).orElseThrow();
		assertThat(now.parentId()).isNotEqualTo(tamThanh.id());
		mvc.perform(put("/api/v1/units/{id}", carried.id()).with(tamThanhBasic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Đổi\",\"type\":\"THON\",\"expectedVersion\":" + version(carried.id()) + "}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/units/{id}/dissolution", carried.id()).with(tamThanhBasic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"effectiveDate\":\"" + tomorrow + "\",\"expectedVersion\":" + version(carried.id()) + "}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/units/{id}/dissolve", carried.id()).with(user(tamThanhOfficer.username())))
			.andExpect(status().isForbidden());
		// Quảng Phú's officer does all three
		String successorCode = SystemTask.call(() -> units.find(now.parentId(), LocalDate.now())).orElseThrow().code();
		UserView successorOfficer = data.user(Role.COMMUNE_OFFICER, LocalDate.now(), successorCode);
		var successorBasic = httpBasic(successorOfficer.username(), TestData.PASSWORD);
		mvc.perform(post("/api/v1/units").with(successorBasic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + TestData.unique("Thôn Mới ") + "\",\"type\":\"THON\",\"parentId\":"
					+ now.parentId() + "}"))
			.andExpect(status().isCreated());
		mvc.perform(put("/api/v1/units/{id}", carried.id()).with(successorBasic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + TestData.unique("Thôn Sửa ") + "\",\"type\":\"THON\",\"expectedVersion\":"
					+ version(carried.id()) + "}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/units/{id}/dissolution", carried.id()).with(successorBasic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"effectiveDate\":\"" + tomorrow + "\",\"expectedVersion\":" + version(carried.id()) + "}"))
			.andExpect(status().isOk());
	}

	@Test
	void shouldCheckAMoveWhereTheUnitLands() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		UnitRef xuanCam = data.unit("07870", TestData.AFTER_REFORM);
		UnitRef village = data.village(xuanCam.id(), TestData.unique("Thôn Chuyển "));
		var basic = httpBasic(officer.username(), TestData.PASSWORD);
		String today = LocalDate.now().toString();
		// not under a commune that has ended (Mai Đình), nor under another commune
		mvc.perform(post("/api/v1/units/{id}/changes", village.id()).with(basic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"effectiveDate\":\"" + today + "\",\"newParentId\":" + maiDinh.id() + ",\"expectedVersion\":"
					+ version(village.id()) + "}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/units/{id}/changes", village.id()).with(basic)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"effectiveDate\":\"" + today + "\",\"newParentId\":" + xuanLuong.id() + ",\"expectedVersion\":"
					+ version(village.id()) + "}"))
			.andExpect(status().isForbidden());
		assertThat(SystemTask.call(() -> units.find(village.id(), LocalDate.now())).orElseThrow().parentId())
			.isEqualTo(xuanCam.id());
	}

	private int version(long unitId) {
		return SystemTask.call(() -> units.details(unitId, LocalDate.now()).rowVersion());
	}

	@Test
	void shouldLetTheOfficersOfAMergedCommuneReadWhatItWasFormedFrom() throws Exception {
		UserView tanMyOfficer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "02308");
		long hungMy = data.unit("02314", TestData.BEFORE_REFORM).id();
		mvc.perform(get("/units/{id}", hungMy).with(user(tanMyOfficer.username()))).andExpect(status().isOk());
		mvc.perform(get("/units/{id}", xuanLuong.id()).with(user(tanMyOfficer.username())))
			.andExpect(status().isForbidden());
		// ...but the old commune's officers do not see the new one
		UserView hungMyOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314");
		long tanMy = data.unit("02308", TestData.AFTER_REFORM).id();
		mvc.perform(get("/units/{id}", tanMy).with(user(hungMyOfficer.username()))).andExpect(status().isForbidden());
	}

	@Test
	void shouldLimitAProvinceOfficeToItsProvince() throws Exception {
		UserView quangNam = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		long hungMy = data.unit("02314", TestData.BEFORE_REFORM).id();
		mvc.perform(get("/units/{id}", tamThanh).with(user(quangNam.username()))).andExpect(status().isOk());
		mvc.perform(get("/units/{id}/edit", tamThanh).with(user(quangNam.username()))).andExpect(status().isOk());
		// an ended commune takes corrections and changes inside its life, but cannot end
		// again
		mvc.perform(get("/units/{id}/change", tamThanh).with(user(quangNam.username()))).andExpect(status().isOk());
		mvc.perform(get("/units/{id}/merge", tamThanh).with(user(quangNam.username())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Đơn vị đã kết thúc ngày 30/06/2025")));
		mvc.perform(get("/units/{id}", hungMy).with(user(quangNam.username()))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users").with(user(quangNam.username()))).andExpect(status().isOk());
	}

	@Test
	void shouldKeepViewersReadOnly() throws Exception {
		UserView viewer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "24");
		mvc.perform(get("/units/{id}", maiDinh.id()).with(user(viewer.username()))).andExpect(status().isOk());
		mvc.perform(get("/units/new").param("parent", String.valueOf(maiDinh.id())).with(user(viewer.username())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/units").with(httpBasic(viewer.username(), TestData.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Thôn Không Được\",\"type\":\"THON\",\"parentId\":" + maiDinh.id() + "}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("không có quyền")));
		mvc.perform(get("/admin/users").with(user(viewer.username()))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/audit").with(user(viewer.username()))).andExpect(status().isForbidden());
	}

}
