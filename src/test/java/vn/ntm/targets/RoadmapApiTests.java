package vn.ntm.targets;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roadmap API and pages: a target entered (201), a stale change refused (409), a bad
 * value refused naming its field (422), another unit's officer refused (403); the board
 * with its statuses, reasons and the seed's conflicts; the .xlsx read back; a copy
 * between plans; the board page with its legend and date picker.
 */
@IntegrationTest
class RoadmapApiTests {

	static final String SOURCE = "KH số .../KH-UBND tháng 01/2024 của UBND tỉnh Quảng Nam";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ObjectMapper json;

	@Test
	void shouldEnterThroughTheApiRefusingStaleBadAndForeignRequests() throws Exception {
		UnitRef commune = data.commune("502", "Xã Lộ Trình");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		String body = """
				{"titleCode": "XA_NTM_NANG_CAO", "year": %d, "source": "%s", "dossierDue": "2025-05-30"%s}
				""";
		String path = "/api/v1/units/{id}/roadmap/targets";

		mvc.perform(post(path, commune.id()).with(user(other.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(2025, SOURCE, ""))).andExpect(status().isForbidden());
		MvcResult created = mvc
			.perform(post(path, commune.id()).with(user(officer.username()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(2025, SOURCE, "")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.titleName").value("Xã đạt chuẩn nông thôn mới nâng cao"))
			.andExpect(jsonPath("$.rowVersion").value(0))
			.andReturn();
		long id = json.readTree(created.getResponse().getContentAsString()).get("id").asLong();
		mvc.perform(put(path + "/{t}", commune.id(), id).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(2026, SOURCE, ", \"expectedVersion\": 0"))).andExpect(status().isOk());
		mvc.perform(put(path + "/{t}", commune.id(), id).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(2027, SOURCE, ", \"expectedVersion\": 0"))).andExpect(status().isConflict());
		mvc.perform(post(path, commune.id()).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(1990, "Nguồn khác", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Năm đạt chuẩn: 1990")));
		mvc.perform(get(path, commune.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].year").value(2026))
			.andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/v1/units/{id}/roadmap", commune.id()).with(user(other.username())))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldShowTheBoardWithReasonsAndConflictsAndExportIt() throws Exception {
		UserView city = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();

		MvcResult board = mvc
			.perform(get("/api/v1/units/{id}/roadmap", tamKy).param("at", "31/12/2024").with(user(city.username())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.at").value("2024-12-31"))
			.andExpect(jsonPath("$.years", hasItem(2025)))
			.andExpect(jsonPath("$.conflicts[0].text", containsString("NTM kiểu mẫu năm 2024 theo")))
			.andReturn();
		JsonNode targets = json.readTree(board.getResponse().getContentAsString()).get("targets");
		assertThat(targets.size()).isGreaterThanOrEqualTo(10);
		targets.forEach(t -> {
			assertThat(t.get("status").asString()).isIn("ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK");
			assertThat(t.get("reason").asString()).contains(": mục tiêu ");
		});
		// Tam Phú's NTM nâng cao of 2025: 15/19 in 2023, the city's plan wants 18 in 2024
		assertThat(targets.valueStream()
			.filter(t -> t.get("target").get("unitName").asString().startsWith("Xã Tam Phú")
					&& t.get("target").get("titleCode").asString().equals("XA_NTM_NANG_CAO"))
			.map(t -> t.get("reason").asString())
			.toList()).isNotEmpty().allSatisfy(r -> assertThat(r).contains("hiện đạt 15/19", "thiếu 2, 5, 13, 19"));
		mvc.perform(get("/api/v1/units/{id}/roadmap/conflicts", tamKy).with(user(city.username())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].titleCode", hasItem("XA_NTM_KIEU_MAU")));

		byte[] xlsx = mvc
			.perform(get("/units/{id}/roadmap.xlsx", tamKy).param("at", "31/12/2024").with(user(city.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet lines = book.getSheet("Lộ trình");
			assertThat(lines.getRow(0).getCell(0).getStringCellValue()).contains("tại ngày 31/12/2024");
			assertThat(lines.getRow(1).getCell(6).getStringCellValue()).isEqualTo("Lý do");
			assertThat(lines.getLastRowNum() - 1).isEqualTo(targets.size());
			assertThat(lines.getRow(2).getCell(6).getStringCellValue()).contains(": mục tiêu ");
			assertThat(book.getSheet("Bảng lộ trình").getRow(0).getCell(1).getStringCellValue()).isEqualTo("2024");
			assertThat(book.getSheet("Xung đột").getLastRowNum()).isGreaterThanOrEqualTo(2);
		}

		mvc.perform(get("/units/{id}/roadmap", tamKy).param("at", "31/12/2024").with(user(city.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("roadmap-legend")))
			.andExpect(content().string(containsString("Có nguy cơ chậm")))
			.andExpect(content().string(containsString("value=\"31/12/2024\"")))
			.andExpect(content().string(containsString("roadmap-conflicts")));
	}

	@Test
	void shouldSayWhereXaDaiChanhStandsWithItsDossierAndDeadline() throws Exception {
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "506");
		long daiLoc = data.unit("506", TestData.BEFORE_REFORM).id();

		MvcResult board = mvc
			.perform(get("/api/v1/units/{id}/roadmap", daiLoc).param("at", "18/10/2024")
				.param("title", "XA_NTM")
				.with(user(district.username())))
			.andExpect(status().isOk())
			.andReturn();
		JsonNode targets = json.readTree(board.getResponse().getContentAsString()).get("targets");
		String reason = targets.valueStream()
			.filter(t -> t.get("target").get("unitName").asString().startsWith("Xã Đại Chánh"))
			.map(t -> t.get("reason").asString())
			.findFirst()
			.orElseThrow();
		assertThat(reason).startsWith("Xã Đại Chánh").contains(": mục tiêu NTM 2024, ", "hồ sơ", "hạn nộp ");
	}

	@Test
	void shouldCopyTheProvincesTargetsIntoTheCommunesOwnPlanAndEnterOnThePage() throws Exception {
		UnitRef commune = data.commune("502", "Xã Sao Chép");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		String path = "/units/" + commune.id() + "/roadmap/targets";

		mvc.perform(post(path).with(user(officer.username()))
			.with(csrf())
			.param("unitId", String.valueOf(commune.id()))
			.param("titleCode", "XA_NTM")
			.param("year", "hai nghìn")
			.param("source", SOURCE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Năm đạt chuẩn: phải là số nguyên")));
		mvc.perform(post(path).with(user(officer.username()))
			.with(csrf())
			.param("unitId", String.valueOf(commune.id()))
			.param("titleCode", "XA_NTM")
			.param("year", "2024")
			.param("dossierDue", "30/10/2024")
			.param("source", SOURCE)).andExpect(redirectedUrl(path));
		mvc.perform(post("/api/v1/units/{id}/roadmap/copy", commune.id()).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"fromSource": "%s", "toSource": "KH của UBND xã năm 2024"}
					""".formatted(SOURCE))).andExpect(status().isOk()).andExpect(jsonPath("$.copied").value(1));
		mvc.perform(get("/api/v1/units/{id}/roadmap/targets", commune.id()).with(user(officer.username())))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[*].source", hasItem("KH của UBND xã năm 2024")));
		// copied again: the destination keeps what it has
		mvc.perform(post("/api/v1/units/{id}/roadmap/copy", commune.id()).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"fromSource": "%s", "toSource": "KH của UBND xã năm 2024"}
					""".formatted(SOURCE))).andExpect(jsonPath("$.copied").value(0));
		mvc.perform(put("/api/v1/units/{id}/roadmap/criteria", commune.id()).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"titleCode": "XA_NTM", "year": 2024, "criteriaCount": 17, "source": "KH của UBND xã năm 2024"}
					""")).andExpect(status().isOk()).andExpect(jsonPath("$.criteriaCount").value(17));
		mvc.perform(put("/api/v1/units/{id}/roadmap/criteria", commune.id()).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"titleCode": "XA_NTM", "year": 2024, "criteriaCount": 19, "source": "KH của UBND xã năm 2024"}
					""")).andExpect(status().isConflict());
		mvc.perform(get(path).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("roadmap-target-form")))
			.andExpect(content().string(containsString("KH của UBND xã năm 2024")));
	}

}
