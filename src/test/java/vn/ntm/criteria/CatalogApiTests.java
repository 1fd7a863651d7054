package vn.ntm.criteria;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog API: sets as documents, drafts saved with the version read (409 when
 * someone saved in between), refusals as 422 with every problem, titles recorded and
 * revoked; each limited to what the caller may do.
 */
@IntegrationTest
class CatalogApiTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	UnitManagement units;

	RequestPostProcessor admin = httpBasic("admin", "NtmDemo@2026");

	UserView communeOfficer;

	UserView office;

	@BeforeEach
	void setUp() {
		communeOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		office = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
	}

	private static RequestPostProcessor basic(UserView user) {
		return httpBasic(user.username(), TestData.PASSWORD);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
	}

	/** The shipped QD318 document as JSON under another code, far in the future. */
	private ObjectNode document(String code) throws Exception {
		SetSummary qd318 = CatalogTestSets.shipped(catalog, "QD318_XA_NTM");
		String text = mvc.perform(get("/api/v1/criteria-sets/{id}", qd318.id()).with(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		ObjectNode document = (ObjectNode) JSON.readTree(text);
		document.put("code", code);
		document.put("validFrom", "2096-01-01");
		document.put("validTo", "2099-12-31");
		document.remove("status");
		return document;
	}

	private JsonNode read(String text) {
		return JSON.readTree(text);
	}

	@Test
	void shouldListAndFilterSets() throws Exception {
		var viewer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "24");
		mvc.perform(get("/api/v1/criteria-sets").param("code", "QD318_XA_NTM").with(basic(viewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", everyItem(is("QD318_XA_NTM"))))
			.andExpect(jsonPath("$[*].version", hasItem(1)))
			.andExpect(jsonPath("$[0].rowVersion").exists());
		mvc.perform(
				get("/api/v1/criteria-sets").param("status", "PUBLISHED").param("unitLevel", "4").with(basic(viewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].unitLevel", everyItem(is(4))))
			.andExpect(jsonPath("$[*].code", hasItem("BG16_2023_THON_NTM")));
		mvc.perform(get("/api/v1/criteria-sets").param("code", "KHONG_CO").with(basic(viewer)))
			.andExpect(jsonPath("$", empty()));
		SetSummary qd51 = CatalogTestSets.shipped(catalog, "QD51_2025_XA_NTM");
		mvc.perform(get("/api/v1/criteria-sets/{id}", qd51.id()).with(basic(viewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("QD51_2025_XA_NTM"))
			.andExpect(jsonPath("$.validFrom").value("2026-01-01"))
			.andExpect(jsonPath("$.thresholdScheme").value("NHOM_XA"))
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.criteria", hasSize(10)));
		mvc.perform(get("/api/v1/criteria-sets/{id}", 987654321L).with(basic(viewer)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("Không tìm thấy bộ tiêu chí")));
		mvc.perform(get("/api/v1/criteria-sets")).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldRefuseABrokenDocumentWithEveryProblem() throws Exception {
		ObjectNode document = document(CatalogTestSets.uniqueCode("API_BAD"));
		document.put("unitLevel", 9);
		ObjectNode first = (ObjectNode) document.get("criteria").get(0);
		first.put("kind", "TIEU_CHI");
		mvc.perform(json(post("/api/v1/criteria-sets"), document).with(admin))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("chưa lưu gì")))
			.andExpect(jsonPath("$.problems[*].message", hasItem(containsString("Cấp đơn vị 9 không hợp lệ"))))
			.andExpect(jsonPath("$.problems[*].where", hasItem(containsString("Tiêu chí 1"))))
			.andExpect(jsonPath("$.problems[*].message", hasItem(containsString("TIEU_CHI"))));
		// a misspelt field is refused, not dropped
		ObjectNode misspelt = document(CatalogTestSets.uniqueCode("API_BAD"));
		misspelt.put("requirement", "≥ 80");
		mvc.perform(json(post("/api/v1/criteria-sets"), misspelt).with(admin))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].message", containsString("\"requirement\"")));
		// English on request
		mvc.perform(json(post("/api/v1/criteria-sets"), document).with(admin).cookie(new Cookie("NTM_LANG", "en")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("nothing was saved")));
	}

	@Test
	void shouldKeepANationalCodeOutOfAProvincesHands() throws Exception {
		String code = CatalogTestSets.uniqueCode("KEEP");
		ObjectNode document = document(code);
		long id = read(mvc.perform(json(post("/api/v1/criteria-sets"), document).with(admin))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
		int version = read(mvc.perform(get("/api/v1/criteria-sets/{id}/summary", id).with(admin))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).get("rowVersion").asInt();
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/publish", id), java.util.Map.of("expectedVersion", version))
			.with(admin)).andExpect(status().isOk());

		// the same code imported as the province's own: refused, the national version
		// stays
		document.putObject("owner").put("code", "49").put("at", "2024-06-30");
		mvc.perform(json(post("/api/v1/criteria-sets"), document).with(basic(office)))
			.andExpect(status().is4xxClientError())
			.andExpect(content().string(containsString(code)));
		mvc.perform(get("/api/v1/criteria-sets/{id}/summary", id).with(admin))
			.andExpect(jsonPath("$.status").value("PUBLISHED"));
	}

	@Test
	void shouldRefuseABodyOverTheLimitBeforeReadingIt() throws Exception {
		byte[] huge = new byte[7 * 1024 * 1024];
		java.util.Arrays.fill(huge, (byte) ' ');
		huge[0] = '{';
		huge[huge.length - 1] = '}';
		mvc.perform(post("/api/v1/criteria-sets").contentType(MediaType.APPLICATION_JSON).content(huge).with(admin))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().string(containsString("6 MB")));
	}

	@Test
	void shouldImportSaveWithTheVersionReadAndPublish() throws Exception {
		String code = CatalogTestSets.uniqueCode("API");
		ObjectNode document = document(code);
		String created = mvc.perform(json(post("/api/v1/criteria-sets"), document).with(admin))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/criteria-sets/")))
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		long id = read(created).get("id").asLong();
		int version = read(created).get("rowVersion").asInt();

		// the province office may not change a national draft
		document.put("name", "Đổi tên trái phép");
		mvc.perform(json(put("/api/v1/criteria-sets/{id}", id),
				java.util.Map.of("expectedVersion", version, "document", document))
			.with(basic(office))).andExpect(status().isForbidden());

		document.put("name", "Bộ tiêu chí kiểm thử API");
		String saved = mvc
			.perform(json(put("/api/v1/criteria-sets/{id}", id),
					java.util.Map.of("expectedVersion", version, "document", document))
				.with(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Bộ tiêu chí kiểm thử API"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		int newVersion = read(saved).get("rowVersion").asInt();
		assertThat(newVersion).isGreaterThan(version);

		// a second save with the version read before is a concurrent change
		document.put("name", "Bản ghi đè");
		mvc.perform(json(put("/api/v1/criteria-sets/{id}", id),
				java.util.Map.of("expectedVersion", version, "document", document))
			.with(admin))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.changedBy").value("admin"))
			.andExpect(jsonPath("$.detail", containsString("admin")));
		mvc.perform(json(put("/api/v1/criteria-sets/{id}", id), java.util.Map.of("document", document)).with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.expectedVersion").exists());
		assertThat(CatalogTestSets.document(catalog, id).name()).isEqualTo("Bộ tiêu chí kiểm thử API");

		mvc.perform(json(post("/api/v1/criteria-sets/{id}/publish", id), java.util.Map.of("expectedVersion", version))
			.with(admin)).andExpect(status().isConflict());
		mvc.perform(
				json(post("/api/v1/criteria-sets/{id}/publish", id), java.util.Map.of("expectedVersion", newVersion))
					.with(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"));
		mvc.perform(json(put("/api/v1/criteria-sets/{id}", id),
				java.util.Map.of("expectedVersion", newVersion + 1, "document", document))
			.with(admin))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("đã ban hành")));

		// a new version, compared with the first
		String next = mvc.perform(post("/api/v1/criteria-sets/{id}/versions", id).with(admin))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		long nextId = read(next).get("id").asLong();
		mvc.perform(get("/api/v1/criteria-sets/compare").param("left", String.valueOf(id))
			.param("right", String.valueOf(nextId))
			.with(basic(communeOfficer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.left.version").value(1))
			.andExpect(jsonPath("$.right.version").value(2))
			.andExpect(jsonPath("$.fields", empty()))
			.andExpect(jsonPath("$.criteria[*].state", everyItem(is("SAME"))));

		// retire the draft, with a reason
		int draftVersion = read(next).get("rowVersion").asInt();
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/retire", nextId),
				java.util.Map.of("expectedVersion", draftVersion))
			.with(admin)).andExpect(status().isBadRequest());
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/retire", nextId),
				java.util.Map.of("reason", "Không cần nữa", "expectedVersion", draftVersion))
			.with(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETIRED"))
			.andExpect(jsonPath("$.retireReason").value("Không cần nữa"));
	}

	@Test
	void shouldCopyForAProvinceAndKeepOthersOut() throws Exception {
		String source = CatalogTestSets.uniqueCode("API_SRC");
		SetSummary national = CatalogTestSets.publishedCopy(catalog, "QD318_XA_NTM", source, LocalDate.of(2096, 1, 1),
				LocalDate.of(2099, 12, 31));
		String code = CatalogTestSets.uniqueCode("API_QNA");
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/copy", national.id()),
				java.util.Map.of("code", code, "province", "49", "at", "2024-06-30"))
			.with(basic(office)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.ownerName").value("Tỉnh Quảng Nam"))
			.andExpect(jsonPath("$.refinesId").value(national.id()))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		// another province's code is out of the office's reach
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/copy", national.id()),
				java.util.Map.of("code", CatalogTestSets.uniqueCode("API_BG"), "province", "24", "at", "2024-06-30"))
			.with(basic(office)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].message", containsString("Không có tỉnh mang mã 24")));
		// a commune officer changes nothing
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/copy", national.id()),
				java.util.Map.of("code", CatalogTestSets.uniqueCode("API_X"), "province", "49", "at", "2024-06-30"))
			.with(basic(communeOfficer))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/criteria-sets/{id}/versions", national.id()).with(basic(communeOfficer)))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/publish", national.id()),
				java.util.Map.of("expectedVersion", national.rowVersion()))
			.with(basic(communeOfficer))).andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/criteria-sets"), document(CatalogTestSets.uniqueCode("API_Y")))
			.with(basic(communeOfficer))).andExpect(status().isForbidden());
		// nor does a province office with a national document
		mvc.perform(
				json(post("/api/v1/criteria-sets"), document(CatalogTestSets.uniqueCode("API_Z"))).with(basic(office)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("quản trị hệ thống")));
	}

	@Test
	void shouldLetASuccessorProvinceReadButNotKeepItsPredecessorsSets() throws Exception {
		// Quảng Nam's office makes a set of its own, before the 2025 merger into Đà Nẵng
		String source = CatalogTestSets.uniqueCode("API_SRC");
		SetSummary national = CatalogTestSets.publishedCopy(catalog, "QD318_XA_NTM", source, LocalDate.of(2096, 1, 1),
				LocalDate.of(2099, 12, 31));
		String code = CatalogTestSets.uniqueCode("API_QNA");
		String created = mvc
			.perform(json(post("/api/v1/criteria-sets/{id}/copy", national.id()),
					java.util.Map.of("code", code, "province", "49", "at", "2024-06-30"))
				.with(basic(office)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		long id = read(created).get("id").asLong();
		int version = read(created).get("rowVersion").asInt();
		ObjectNode document = (ObjectNode) read(mvc.perform(get("/api/v1/criteria-sets/{id}", id).with(basic(office)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		document.remove("status");

		// Đà Nẵng's office reads it (it was formed from Quảng Nam)...
		UserView daNang = data.user(Role.PROVINCE_OFFICE, TestData.AFTER_REFORM, "48");
		mvc.perform(get("/api/v1/criteria-sets/{id}", id).with(basic(daNang)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(code));
		mvc.perform(get("/criteria/sets/{id}", id).with(user(daNang.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/criteria/sets/" + id + "/edit"))));
		// ...but changes, publishes, versions or retires nothing of it, as with units and
		// assessments
		document.put("name", "Đà Nẵng sửa bộ của Quảng Nam");
		mvc.perform(json(put("/api/v1/criteria-sets/{id}", id),
				java.util.Map.of("expectedVersion", version, "document", document))
			.with(basic(daNang)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("tự ban hành")));
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/publish", id), java.util.Map.of("expectedVersion", version))
			.with(basic(daNang))).andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/retire", id),
				java.util.Map.of("reason", "Thử", "expectedVersion", version))
			.with(basic(daNang))).andExpect(status().isForbidden());
		mvc.perform(get("/criteria/sets/{id}/edit", id).with(user(daNang.username())))
			.andExpect(status().isForbidden());
		// nor makes new sets in Quảng Nam's name
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/copy", national.id()),
				java.util.Map.of("code", CatalogTestSets.uniqueCode("API_QNB"), "province", "49", "at", "2024-06-30"))
			.with(basic(daNang))).andExpect(status().isForbidden());
		assertThat(CatalogTestSets.document(catalog, id).name()).doesNotContain("Đà Nẵng");
		// its own province's sets it keeps
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/copy", national.id()),
				java.util.Map.of("code", CatalogTestSets.uniqueCode("API_DNG"), "province", "48"))
			.with(basic(daNang)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ownerName").value("Thành phố Đà Nẵng"));
		// and Quảng Nam's own office still keeps Quảng Nam's
		mvc.perform(json(post("/api/v1/criteria-sets/{id}/publish", id), java.util.Map.of("expectedVersion", version))
			.with(basic(office))).andExpect(status().isOk());
		mvc.perform(post("/api/v1/criteria-sets/{id}/versions", id).with(basic(daNang)))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldRecordAndRevokeTitlesWithinScope() throws Exception {
		UnitRef commune = CatalogTestSets.quietCommune(units, data, 1);
		UserView communeOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		UnitRef hungMy = data.unit("02314", TestData.BEFORE_REFORM);
		mvc.perform(get("/api/v1/titles").with(basic(communeOfficer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("XA_NTM")))
			.andExpect(jsonPath("$[*].code", hasItem("THON_NTM_KIEU_MAU")));
		String award = mvc
			.perform(json(post("/api/v1/units/{id}/titles", commune.id()),
					java.util.Map.of("titleCode", "XA_NTM_NANG_CAO", "year", 2024, "decidedOn", "2024-05-20",
							"decisionNumber", "2222/QĐ-UBND"))
				.with(basic(office)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.titleCode").value("XA_NTM_NANG_CAO"))
			.andExpect(jsonPath("$.decidedOn").value("2024-05-20"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		long awardId = read(award).get("id").asLong();
		int version = read(award).get("rowVersion").asInt();
		mvc.perform(get("/api/v1/units/{id}/titles", commune.id()).with(basic(communeOfficer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) awardId)));
		// the same title and year again is refused
		mvc.perform(json(post("/api/v1/units/{id}/titles", commune.id()),
				java.util.Map.of("titleCode", "XA_NTM_NANG_CAO", "year", 2024))
			.with(basic(office)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("năm 2024")));
		mvc.perform(json(post("/api/v1/units/{id}/titles", commune.id()), java.util.Map.of("year", 2024))
			.with(basic(office))).andExpect(status().isBadRequest());
		// the commune officer reads but does not record
		mvc.perform(json(post("/api/v1/units/{id}/titles", commune.id()),
				java.util.Map.of("titleCode", "XA_NTM", "year", 2019))
			.with(basic(communeOfficer))).andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/title-awards/{id}/revoke", awardId),
				java.util.Map.of("revokedOn", "2024-06-25", "expectedVersion", version))
			.with(basic(communeOfficer))).andExpect(status().isForbidden());
		// units outside the caller's scope
		mvc.perform(get("/api/v1/units/{id}/titles", hungMy.id()).with(basic(office)))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/units/{id}/titles", hungMy.id()),
				java.util.Map.of("titleCode", "XA_NTM", "year", 2019))
			.with(basic(office))).andExpect(status().isForbidden());

		mvc.perform(json(post("/api/v1/title-awards/{id}/revoke", awardId),
				java.util.Map.of("revokedOn", "2024-06-25", "decision", "15/QĐ-UBND", "reason", "Không duy trì",
						"expectedVersion", version))
			.with(basic(office)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revokedOn").value("2024-06-25"))
			.andExpect(jsonPath("$.revocationDecision").value("15/QĐ-UBND"));
		mvc.perform(json(post("/api/v1/title-awards/{id}/revoke", awardId),
				java.util.Map.of("revokedOn", "2024-06-26", "reason", "Lần hai", "expectedVersion", version))
			.with(basic(office)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("đã bị thu hồi từ ngày 25/06/2024")));
		mvc.perform(get("/api/v1/units/{id}/titles", commune.id()).with(basic(office)))
			.andExpect(jsonPath("$[?(@.id == " + awardId + ")].revokedOn", hasItem("2024-06-25")));
	}

	@Test
	void shouldLetOnlyAdministratorsAddTitles() throws Exception {
		String code = TestData.unique("T_API_DH_");
		mvc.perform(
				json(post("/api/v1/titles"), java.util.Map.of("code", code, "name", "Thôn kiểm thử", "unitLevel", 4))
					.with(basic(office)))
			.andExpect(status().isForbidden());
		mvc.perform(
				json(post("/api/v1/titles"), java.util.Map.of("code", code, "name", "Thôn kiểm thử", "unitLevel", 4))
					.with(admin))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value(code));
		mvc.perform(get("/api/v1/titles").with(basic(office))).andExpect(jsonPath("$[*].code", hasItem(code)));
		mvc.perform(
				json(post("/api/v1/titles/{code}/retire", code), java.util.Map.of("reason", "Hết dùng")).with(admin))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/titles").with(basic(office)))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].retired", hasItem(true)))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].retired", not(hasItem(false))));
	}

}
