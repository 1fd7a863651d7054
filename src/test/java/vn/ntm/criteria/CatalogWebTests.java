package vn.ntm.criteria;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog pages: everyone reads them; administrators keep national sets (drafts,
 * publication, retirement), a province's office its own copies; nobody else changes
 * anything, whatever they post. Titles are recorded from the unit page.
 */
@IntegrationTest
class CatalogWebTests {

	static final LocalDate FROM = LocalDate.of(2091, 1, 1);

	static final LocalDate TO = LocalDate.of(2095, 12, 31);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	vn.ntm.recognition.Titles titles;

	@Autowired
	UnitManagement units;

	UserView viewer;

	UserView communeOfficer;

	@BeforeEach
	void setUp() {
		viewer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "49");
		communeOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username) {
		return request.with(user(username)).with(csrf());
	}

	@Test
	void shouldShowTheCatalogToAViewerWithoutWaysToChangeIt() throws Exception {
		SetSummary qd318 = CatalogTestSets.shipped(catalog, "QD318_XA_NTM");
		SetSummary village = CatalogTestSets.shipped(catalog, "BG16_2023_THON_NTM");
		mvc.perform(get("/criteria").with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("Bộ tiêu chí quốc gia về xã nông thôn mới"), containsString("QD318_XA_NTM v1"),
							containsString("Đang áp dụng"), not(containsString("/criteria/import")))));
		mvc.perform(get("/criteria").param("level", "4").param("status", "PUBLISHED").with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString(village.label()), not(containsString("QD318_XA_NTM v1")))));
		mvc.perform(get("/criteria/sets/{id}", qd318.id()).with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("318/QĐ-TTg"), containsString("ngày 08/03/2022"),
					containsString("01/01/2021"), containsString("chưa có ngưỡng"),
					not(containsString("/criteria/sets/" + qd318.id() + "/versions")),
					not(containsString("/criteria/sets/" + qd318.id() + "/retire")))));
		mvc.perform(get("/criteria/titles").with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Xã đạt chuẩn nông thôn mới"),
					containsString("XA_NTM_2026"), not(containsString("/criteria/titles/XA_NTM/retire")))));
		mvc.perform(get("/criteria/compare").with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chọn hai phiên bản")));
		mvc.perform(get("/criteria/sets/{id}/export.yaml", qd318.id()).with(user(viewer.username())))
			.andExpect(status().isOk());
	}

	@Test
	void shouldShowNoThresholdForThe2026Set() throws Exception {
		SetSummary qd51 = CatalogTestSets.shipped(catalog, "QD51_2025_XA_NTM");
		mvc.perform(get("/criteria/sets/{id}", qd51.id()).with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("51/2025/QĐ-TTg"), containsString("chưa có ngưỡng"),
					containsString("Khoa học công nghệ và chuyển đổi số"))));
	}

	@Test
	void shouldSpeakEnglishWhenAsked() throws Exception {
		SetSummary qd51 = CatalogTestSets.shipped(catalog, "QD51_2025_XA_NTM");
		mvc.perform(get("/criteria/sets/{id}", qd51.id()).param("lang", "en").with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("no threshold yet"), containsString("General information"),
					not(containsString("chưa có ngưỡng")))));
	}

	@Test
	void shouldRenderEveryPageInEnglish() throws Exception {
		SetSummary draft = CatalogTestSets.draftCopy(catalog, "QD318_XA_NTM", CatalogTestSets.uniqueCode("EN"), FROM,
				TO);
		SetSummary qd318 = CatalogTestSets.shipped(catalog, "QD318_XA_NTM");
		String set = "/criteria/sets/" + draft.id();
		for (String page : new String[] { "/criteria", set, set + "/edit", set + "/criteria/new",
				set + "/criteria/17/edit", set + "/indicators/17.1/edit", set + "/indicators/new?criterion=17",
				set + "/copy", "/criteria/titles", "/criteria/import", "/criteria/compare",
				"/criteria/compare?left=" + qd318.id() + "&right=" + draft.id() }) {
			// a message missing in English would show as ??key_en??
			mvc.perform(get(page).param("lang", "en").with(user("admin")))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Criteria sets"), not(containsString("_en??")))));
		}
		mvc.perform(get("/units/{id}", CatalogTestSets.quietCommune(units, data, 2).id()).param("lang", "en")
			.with(user("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Recognised titles"), containsString("Record a title"))));
	}

	@Test
	void shouldLetAnAdministratorEditAThresholdPublishAndTrimTheEarlierVersion() throws Exception {
		String code = CatalogTestSets.uniqueCode("WEB");
		SetSummary v1 = CatalogTestSets.publishedCopy(catalog, "QD318_XA_NTM", code, FROM, TO);
		String location = mvc.perform(as(post("/criteria/sets/{id}/versions", v1.id()), "admin"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long v2 = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(CatalogTestSets.summary(catalog, v2).version()).isEqualTo(2);

		// every form of the draft renders
		for (String page : new String[] { "/edit", "/criteria/new", "/criteria/17/edit", "/indicators/17.1/edit",
				"/copy" }) {
			mvc.perform(get("/criteria/sets/" + v2 + page).with(user("admin"))).andExpect(status().isOk());
		}
		mvc.perform(get("/criteria/sets/{id}/indicators/new", v2).param("criterion", "17").with(user("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("chưa có ngưỡng")));

		// the draft starts two years later
		SetSummary draft = CatalogTestSets.summary(catalog, v2);
		mvc.perform(as(post("/criteria/sets/{id}/edit", v2), "admin").param("name", draft.name())
			.param("validFrom", "01/01/2093")
			.param("validTo", "31/12/2095")
			.param("decisionNumber", "318/QĐ-TTg")
			.param("decisionDate", "08/03/2022")
			.param("issuer", "Thủ tướng Chính phủ")
			.param("thresholdScheme", "VUNG")
			.param("failShare", "50")
			.param("criticalFailShare", "30")
			.param("sourceStatus", "partial")
			.param("version", String.valueOf(draft.rowVersion())))
			.andExpect(redirectedUrl("/criteria/sets/" + v2))
			.andExpect(flash().attribute("saved", true));

		// a threshold for 17.1, which the shipped set leaves without one
		draft = CatalogTestSets.summary(catalog, v2);
		mvc.perform(as(post("/criteria/sets/{id}/indicators", v2), "admin").param("criterion", "17")
			.param("code", "17.1")
			.param("originalCode", "17.1")
			.param("name", "Tỷ lệ hộ được sử dụng nước sạch")
			.param("type", "PERCENT")
			.param("valueKind", "ENTERED")
			.param("requirements[0].forClass", "*")
			.param("requirements[0].op", "GE")
			.param("requirements[0].value", "87.5")
			.param("requirements[1].forClass", "TDMNPB")
			.param("requirements[1].op", "")
			.param("version", String.valueOf(draft.rowVersion()))).andExpect(redirectedUrl("/criteria/sets/" + v2));
		SetDocument.IndicatorDoc indicator = CatalogTestSets.document(catalog, v2)
			.criteria()
			.stream()
			.filter(c -> c.number().equals("17"))
			.flatMap(c -> c.indicators().stream())
			.filter(i -> i.code().equals("17.1"))
			.findFirst()
			.orElseThrow();
		assertThat(indicator.requirements()).singleElement()
			.satisfies(r -> assertThat(r.op() + " " + r.value()).isEqualTo("GE 87.5"));
		mvc.perform(get("/criteria/sets/{id}", v2).with(user("admin")))
			.andExpect(content().string(containsString("≥ 87,5")));

		// a broken threshold is refused with its place, nothing saved
		draft = CatalogTestSets.summary(catalog, v2);
		mvc.perform(as(post("/criteria/sets/{id}/indicators", v2), "admin").param("criterion", "17")
			.param("code", "17.1")
			.param("originalCode", "17.1")
			.param("type", "PERCENT")
			.param("valueKind", "ENTERED")
			.param("requirements[0].forClass", "*")
			.param("requirements[0].op", "GE")
			.param("requirements[0].value", "tám mươi")
			.param("version", String.valueOf(draft.rowVersion())))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("chưa lưu gì"), containsString("Chỉ tiêu 17.1"), containsString("tám mươi"))));
		assertThat(CatalogTestSets.summary(catalog, v2).rowVersion()).isEqualTo(draft.rowVersion());

		// the two versions side by side
		mvc.perform(get("/criteria/compare").param("left", String.valueOf(v1.id()))
			.param("right", String.valueOf(v2))
			.with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Khác nhau"), containsString("01/01/2093"),
					containsString("*: ≥ 87,5"), containsString("chưa có ngưỡng"))));

		// publishing ends version 1 the day before version 2 starts
		mvc.perform(as(post("/criteria/sets/{id}/publish", v2), "admin").param("version",
				String.valueOf(CatalogTestSets.summary(catalog, v2).rowVersion())))
			.andExpect(redirectedUrl("/criteria/sets/" + v2));
		assertThat(CatalogTestSets.summary(catalog, v2).status()).isEqualTo("PUBLISHED");
		SetSummary trimmed = CatalogTestSets.summary(catalog, v1.id());
		assertThat(trimmed.status()).isEqualTo("PUBLISHED");
		assertThat(trimmed.validTo()).isEqualTo(LocalDate.of(2092, 12, 31));
		mvc.perform(get("/criteria/sets/{id}", v1.id()).with(user("admin")))
			.andExpect(content().string(containsString("31/12/2092")));

		// a published version no longer takes edits
		mvc.perform(get("/criteria/sets/{id}/edit", v2).with(user("admin")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("đã ban hành")));
	}

	@Test
	void shouldRetireWithAReason() throws Exception {
		SetSummary set = CatalogTestSets.publishedCopy(catalog, "QD318_XA_NTM", CatalogTestSets.uniqueCode("RET"), FROM,
				TO);
		mvc.perform(as(post("/criteria/sets/{id}/retire", set.id()), "admin").param("reason", " ")
			.param("version", String.valueOf(set.rowVersion())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phải nêu lý do ngừng áp dụng")));
		assertThat(CatalogTestSets.summary(catalog, set.id()).status()).isEqualTo("PUBLISHED");
		mvc.perform(as(post("/criteria/sets/{id}/retire", set.id()), "admin").param("reason", "Thay bằng bộ mới")
			.param("version", String.valueOf(set.rowVersion()))).andExpect(redirectedUrl("/criteria/sets/" + set.id()));
		SetSummary retired = CatalogTestSets.summary(catalog, set.id());
		assertThat(retired.status()).isEqualTo("RETIRED");
		assertThat(retired.retireReason()).isEqualTo("Thay bằng bộ mới");
		mvc.perform(get("/criteria/sets/{id}", set.id()).with(user(viewer.username())))
			.andExpect(content().string(allOf(containsString("Ngừng áp dụng: Thay bằng bộ mới"))));
	}

	@Test
	void shouldLetTheProvinceOfficeCopyANationalSetForItsProvince() throws Exception {
		// a national set of its own, in a period no evaluation meets
		SetSummary national = CatalogTestSets.publishedCopy(catalog, "QD318_XA_NTM", CatalogTestSets.uniqueCode("NAT"),
				FROM, TO);
		SetSummary qd318 = CatalogTestSets.shipped(catalog, "QD318_XA_NTM");
		mvc.perform(get("/criteria/sets/{id}/copy", national.id()).with(user("quangnam")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Tỉnh Quảng Nam (49)"), containsString("30/06/2025"))));
		String code = CatalogTestSets.uniqueCode("QNA");
		String location = mvc
			.perform(as(post("/criteria/sets/{id}/copy", national.id()), "quangnam").param("code", code.toLowerCase())
				.param("province", "49")
				.param("at", ""))
			.andExpect(redirectedUrlPattern("/criteria/sets/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long copyId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		SetSummary copy = CatalogTestSets.summary(catalog, copyId);
		assertThat(copy.code()).isEqualTo(code);
		assertThat(copy.isDraft()).isTrue();
		assertThat(copy.ownerName()).isEqualTo("Tỉnh Quảng Nam");
		assertThat(copy.refinesId()).isEqualTo(national.id());
		// the office keeps its copy, not the national set
		mvc.perform(get("/criteria/sets/{id}/edit", copyId).with(user("quangnam"))).andExpect(status().isOk());
		mvc.perform(as(post("/criteria/sets/{id}/publish", copyId), "quangnam").param("version",
				String.valueOf(copy.rowVersion())))
			.andExpect(redirectedUrl("/criteria/sets/" + copyId));
		assertThat(CatalogTestSets.summary(catalog, copyId).status()).isEqualTo("PUBLISHED");
		mvc.perform(as(post("/criteria/sets/{id}/versions", qd318.id()), "quangnam")).andExpect(status().isForbidden());
		// a code already used is refused on the form
		mvc.perform(as(post("/criteria/sets/{id}/copy", national.id()), "quangnam").param("code", code)
			.param("province", "49")
			.param("at", "30/06/2025"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đã có bộ tiêu chí mã " + code)));
	}

	@Test
	void shouldRefuseEveryChangeToACommuneOfficer() throws Exception {
		SetSummary draft = CatalogTestSets.draftCopy(catalog, "QD318_XA_NTM", CatalogTestSets.uniqueCode("REF"), FROM,
				TO);
		String officer = communeOfficer.username();
		String version = String.valueOf(draft.rowVersion());
		mvc.perform(get("/criteria/sets/{id}/edit", draft.id()).with(user(officer))).andExpect(status().isForbidden());
		mvc.perform(get("/criteria/sets/{id}/copy", draft.id()).with(user(officer))).andExpect(status().isForbidden());
		mvc.perform(get("/criteria/import").with(user(officer))).andExpect(status().isForbidden());
		mvc.perform(as(post("/criteria/sets/{id}/edit", draft.id()), officer).param("name", "Đổi trái phép")
			.param("version", version)).andExpect(status().isForbidden());
		mvc.perform(as(post("/criteria/sets/{id}/publish", draft.id()), officer).param("version", version))
			.andExpect(status().isForbidden());
		mvc.perform(as(post("/criteria/sets/{id}/retire", draft.id()), officer).param("reason", "Không được")
			.param("version", version)).andExpect(status().isForbidden());
		mvc.perform(as(post("/criteria/sets/{id}/versions", draft.id()), officer)).andExpect(status().isForbidden());
		mvc.perform(
				as(post("/criteria/sets/{id}/indicators/17.1/remove", draft.id()), officer).param("version", version))
			.andExpect(status().isForbidden());
		mvc.perform(as(post("/criteria/sets/{id}/copy", draft.id()), officer).param("code", "T_TRAI_PHEP")
			.param("province", "49")
			.param("at", "30/06/2025")).andExpect(status().isForbidden());
		mvc.perform(as(post("/criteria/titles"), officer).param("code", "T_TRAI_PHEP")
			.param("name", "Trái phép")
			.param("unitLevel", "3")).andExpect(status().isForbidden());
		SetSummary after = CatalogTestSets.summary(catalog, draft.id());
		assertThat(after.rowVersion()).isEqualTo(draft.rowVersion());
		assertThat(after.status()).isEqualTo("DRAFT");
		assertThat(CatalogTestSets.document(catalog, draft.id()).name()).isEqualTo(draft.name());
	}

	@Test
	void shouldLetAdministratorsAddAndRetireTitles() throws Exception {
		String code = TestData.unique("T_DANH_HIEU_");
		mvc.perform(get("/criteria/titles").with(user("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thêm danh hiệu")));
		mvc.perform(as(post("/criteria/titles"), "admin").param("code", code)
			.param("name", "Xã kiểm thử văn minh")
			.param("unitLevel", "3")).andExpect(redirectedUrl("/criteria/titles"));
		mvc.perform(as(post("/criteria/titles"), "admin").param("code", code)
			.param("name", "Lần hai")
			.param("unitLevel", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đã có danh hiệu mã " + code)));
		mvc.perform(as(post("/criteria/titles/{code}/retire", code), "admin").param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phải nêu lý do ngừng dùng danh hiệu")));
		mvc.perform(as(post("/criteria/titles/XA_NTM/retire"), "admin").param("reason", "Thử"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Không ngừng dùng được danh hiệu")));
		mvc.perform(as(post("/criteria/titles/{code}/retire", code), "admin").param("reason", "Hết dùng"))
			.andExpect(redirectedUrl("/criteria/titles"));
		assertThat(SystemTask.call(() -> catalog.titles()))
			.anySatisfy(t -> assertThat(t.code() + " " + t.retired()).isEqualTo(code + " true"));
	}

	@Test
	void shouldRecordAndRevokeTitlesFromTheUnitPage() throws Exception {
		UserView office = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		UnitRef commune = CatalogTestSets.quietCommune(units, data, 0);
		UserView communeOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		mvc.perform(get("/units/{id}", commune.id()).with(user(office.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Danh hiệu đã được công nhận"),
					containsString("Ghi nhận danh hiệu"), containsString("Xã nông thôn mới kiểu mẫu"))));
		mvc.perform(get("/units/{id}", commune.id()).with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("Danh hiệu đã được công nhận"), not(containsString("Ghi nhận danh hiệu")))));

		// bad input comes back on the unit page, nothing recorded
		mvc.perform(
				as(post("/units/{id}/titles", commune.id()), office.username()).param("titleCode", "XA_NTM_KIEU_MAU")
					.param("year", "2024")
					.param("decidedOn", "31/02/2024"))
			.andExpect(redirectedUrl("/units/" + commune.id()))
			.andExpect(flash().attribute("titleError", containsString("31/02/2024")));
		mvc.perform(as(post("/units/{id}/titles", commune.id()), office.username()).param("titleCode", "THON_NTM")
			.param("year", "2024")).andExpect(flash().attribute("titleError", containsString("khác cấp đơn vị")));
		mvc.perform(
				as(post("/units/{id}/titles", commune.id()), office.username()).param("titleCode", "XA_NTM_KIEU_MAU")
					.param("year", "hai nghìn"))
			.andExpect(flash().attribute("titleError", containsString("Năm danh hiệu không hợp lệ")));

		mvc.perform(
				as(post("/units/{id}/titles", commune.id()), office.username()).param("titleCode", "XA_NTM_KIEU_MAU")
					.param("year", "2024")
					.param("decidedOn", "01/06/2024")
					.param("decisionNumber", "1234/QĐ-UBND"))
			.andExpect(redirectedUrl("/units/" + commune.id()))
			.andExpect(flash().attribute("saved", true));
		vn.ntm.recognition.TitleAward award = SystemTask.call(() -> titles.historyOf(commune.id()))
			.stream()
			.filter(a -> a.titleCode().equals("XA_NTM_KIEU_MAU") && a.year() == 2024)
			.findFirst()
			.orElseThrow();
		mvc.perform(get("/units/{id}", commune.id()).param("at", "10/06/2024").with(user(office.username())))
			.andExpect(content().string(allOf(containsString("1234/QĐ-UBND"), containsString("ngày 01/06/2024"),
					containsString("năm 2024"), containsString("Đang giữ tại 10/06/2024"))));

		// commune officers do not record titles
		mvc.perform(as(post("/units/{id}/titles/{award}/revoke", commune.id(), award.id()), communeOfficer.username())
			.param("revokedOn", "20/06/2024")
			.param("version", String.valueOf(award.rowVersion()))).andExpect(status().isForbidden());
		mvc.perform(as(post("/units/{id}/titles", commune.id()), communeOfficer.username())
			.param("titleCode", "XA_NTM_NANG_CAO")
			.param("year", "2024")).andExpect(status().isForbidden());

		mvc.perform(as(post("/units/{id}/titles/{award}/revoke", commune.id(), award.id()), office.username())
			.param("revokedOn", "")
			.param("version", String.valueOf(award.rowVersion())))
			.andExpect(flash().attribute("titleError", containsString("Phải nhập ngày thu hồi")));
		mvc.perform(as(post("/units/{id}/titles/{award}/revoke", commune.id(), award.id()), office.username())
			.param("revokedOn", "20/06/2024")
			.param("decision", "99/QĐ-UBND")
			.param("reason", "Không duy trì được tiêu chí 17")
			.param("version", String.valueOf(award.rowVersion())))
			.andExpect(redirectedUrl("/units/" + commune.id()))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(get("/units/{id}", commune.id()).with(user(office.username())))
			.andExpect(content().string(allOf(containsString("Thu hồi từ 20/06/2024"), containsString("99/QĐ-UBND"))));
		// a second revocation with the old version is refused as a concurrent change
		mvc.perform(as(post("/units/{id}/titles/{award}/revoke", commune.id(), award.id()), office.username())
			.param("revokedOn", "21/06/2024")
			.param("reason", "Lần hai")
			.param("version", String.valueOf(award.rowVersion())))
			.andExpect(flash().attribute("titleError", containsString("thu hồi từ ngày 20/06/2024")));
	}

}
