package vn.ntm.recognition;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The survey's result file (uploaded through the documents store, served to the unit's
 * readers only, a stale version refused), the questions edited on the page (rows added,
 * removed, renamed; each invalid row named; a stale version refused with 409 through the
 * API; audited), the unit page's panel and the .xlsx of the surveys below a parent, read
 * back.
 */
@IntegrationTest
class SurveyFilesAndExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AuditLog audit;

	private static final String BODY = """
			{"households": 1500, "surveyed": 1307, "satisfied": 1115, "conductedBy": "Ủy ban MTTQ Việt Nam xã",
			 "questions": [{"question": "Hạ tầng giao thông", "satisfied": 1200, "asked": 1307},
			               {"question": "Môi trường", "satisfied": 1100, "asked": 1307}]%s}
			""";

	static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
				+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private void record(UserView officer, UnitRef commune, int year) throws Exception {
		mvc.perform(put("/api/v1/units/{id}/surveys/{year}", commune.id(), year).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(BODY.formatted(""))).andExpect(status().isOk());
	}

	@Test
	void shouldKeepTheResultFileForTheUnitsReadersOnly() throws Exception {
		UnitRef commune = data.commune("502", "Xã Biên Bản");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		UserView viewer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "502");
		String result = "/api/v1/units/" + commune.id() + "/surveys/2024/result";
		MockMultipartFile file = new MockMultipartFile("file", "Biên bản lấy ý kiến.pdf", "application/pdf", pdf());

		// the survey first
		mvc.perform(
				multipart(result).file(file).param("expectedVersion", "0").with(user(officer.username())).with(csrf()))
			.andExpect(status().isNotFound());
		record(officer, commune, 2024);
		mvc.perform(
				multipart(result).file(file).param("expectedVersion", "0").with(user(other.username())).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(
				multipart(result).file(file).param("expectedVersion", "0").with(user(viewer.username())).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(multipart(result)
			.file(new MockMultipartFile("file", "bien-ban.html", "text/html",
					"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
			.param("expectedVersion", "0")
			.with(user(officer.username()))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Biên bản kết quả lấy ý kiến")));
		String saved = mvc.perform(
				multipart(result).file(file).param("expectedVersion", "0").with(user(officer.username())).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.survey.resultFile.fileName").value("Biên bản lấy ý kiến.pdf"))
			.andExpect(jsonPath("$.survey.version").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long surveyId = Long.parseLong(com.jayway.jsonpath.JsonPath.read(saved, "$.survey.id").toString());
		mvc.perform(
				multipart(result).file(file).param("expectedVersion", "0").with(user(officer.username())).with(csrf()))
			.andExpect(status().isConflict());

		// readers of the unit download it, others do not
		mvc.perform(get(result).with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().bytes(pdf()))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		mvc.perform(get("/units/{id}/surveys/2024/result", commune.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().bytes(pdf()));
		mvc.perform(get(result).with(user(other.username()))).andExpect(status().isForbidden());
		mvc.perform(get("/units/{id}/surveys/2024/result", commune.id()).with(user(other.username())))
			.andExpect(status().isForbidden());
		// the page links it; a reader without the permission sees no upload form
		mvc.perform(get("/units/{id}/surveys/2024", commune.id()).with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("survey-file-link")))
			.andExpect(content().string(not(containsString("survey-file-form"))));
		// recording the counts again keeps the file
		mvc.perform(put("/api/v1/units/{id}/surveys/2024", commune.id()).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(BODY.formatted(", \"expectedVersion\": 1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.survey.resultFile.fileName").value("Biên bản lấy ý kiến.pdf"));

		List<AuditEntry> trail = SystemTask
			.call(() -> audit.historyOf("satisfaction_survey", String.valueOf(surveyId), 10));
		assertThat(trail).anySatisfy(e -> assertThat(e.summary()).contains("Biên bản lấy ý kiến.pdf"));
	}

	@Test
	void shouldEditTheQuestionsOnThePage() throws Exception {
		UnitRef commune = data.commune("502", "Xã Câu Hỏi");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		String path = "/units/" + commune.id() + "/surveys/2024";
		record(officer, commune, 2024);

		// the rows as saved, a row added (nothing saved), a row removed
		mvc.perform(get(path).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"questions[1].satisfied\" value=\"1.100\"")))
			.andExpect(content().string(containsString("survey-question-remove-1")));
		mvc.perform(post(path).with(user(officer.username()))
			.with(csrf())
			.param("households", "1.500")
			.param("surveyed", "1.307")
			.param("satisfied", "1.115")
			.param("conductedBy", "Ủy ban MTTQ Việt Nam xã")
			.param("expectedVersion", "0")
			.param("questions[0].question", "Hạ tầng giao thông")
			.param("questions[0].satisfied", "1.200")
			.param("questions[1].question", "Môi trường")
			.param("questions[1].satisfied", "1.100")
			.param("addQuestion", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("survey-question-remove-2")));

		// an invalid row is named, nothing saved
		mvc.perform(post(path).with(user(officer.username()))
			.with(csrf())
			.param("households", "1.500")
			.param("surveyed", "1.307")
			.param("satisfied", "1.115")
			.param("conductedBy", "Ủy ban MTTQ Việt Nam xã")
			.param("expectedVersion", "0")
			.param("questions[0].question", "Hạ tầng giao thông")
			.param("questions[0].satisfied", "1.200")
			.param("questions[1].question", "Y tế")
			.param("questions[1].satisfied", "1.400"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Câu hỏi thứ 2: số hộ hài lòng (1.400)")));

		// renamed, one removed, one added; the blank "asked" is every household surveyed
		mvc.perform(post(path).with(user(officer.username()))
			.with(csrf())
			.param("households", "1.500")
			.param("surveyed", "1.307")
			.param("satisfied", "1.115")
			.param("conductedBy", "Ủy ban MTTQ Việt Nam xã")
			.param("expectedVersion", "0")
			.param("questions[0].question", "Giao thông nông thôn")
			.param("questions[0].satisfied", "1.250")
			.param("questions[1].question", "")
			.param("questions[1].satisfied", "")
			.param("questions[2].question", "An ninh, trật tự")
			.param("questions[2].asked", "1.300")
			.param("questions[2].satisfied", "1.280")).andExpect(redirectedUrl(path));
		mvc.perform(get("/api/v1/units/{id}/surveys/2024", commune.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.survey.version").value(1))
			.andExpect(jsonPath("$.survey.questions[0].question").value("Giao thông nông thôn"))
			.andExpect(jsonPath("$.survey.questions[0].asked").value(1307))
			.andExpect(jsonPath("$.survey.questions[1].question").value("An ninh, trật tự"))
			.andExpect(jsonPath("$.survey.questions.length()").value(2))
			.andExpect(jsonPath("$.questions[1].text").value("98,5%"))
			.andExpect(jsonPath("$.coverageAgainstBar").value("NO_BAR"));

		// the same edit from a stale page: refused, 409 through the API
		mvc.perform(post(path).with(user(officer.username()))
			.with(csrf())
			.param("households", "1.500")
			.param("surveyed", "1.307")
			.param("satisfied", "1.115")
			.param("conductedBy", "Ủy ban MTTQ Việt Nam xã")
			.param("expectedVersion", "0")
			.param("questions[0].question", "Giao thông"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("alert-danger")));
		mvc.perform(put("/api/v1/units/{id}/surveys/2024", commune.id()).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(BODY.formatted(", \"expectedVersion\": 0"))).andExpect(status().isConflict());
		mvc.perform(put("/api/v1/units/{id}/surveys/2024", commune.id()).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"households": 1500, "surveyed": 1307, "satisfied": 1115, "conductedBy": "MTTQ",
					 "questions": [{"question": "Giao thông", "satisfied": 10, "asked": 20},
					               {"question": "Môi trường", "satisfied": 30, "asked": 20}], "expectedVersion": 1}
					"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Câu hỏi thứ 2")));
	}

	@Test
	void shouldShowThePanelAndExportTheSurveysBelowAParent() throws Exception {
		UnitRef first = data.commune("502", "Xã Xuất Một");
		UnitRef second = data.commune("502", "Xã Xuất Hai");
		UserView one = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, first.code());
		UserView two = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, second.code());
		record(one, first, 2023);
		mvc.perform(put("/api/v1/units/{id}/surveys/2023", second.id()).with(user(two.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"households": 800, "surveyed": 700, "satisfied": 650, "conductedBy": "MTTQ xã"}
					""")).andExpect(status().isOk());
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		UserView city = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");

		// the unit page links the survey of each year, and this year's entry to those who
		// record
		mvc.perform(get("/units/{id}", first.id()).param("at", "31/12/2023").with(user(one.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("surveys-panel")))
			.andExpect(content().string(containsString("/units/" + first.id() + "/surveys/2023")));
		mvc.perform(get("/units/{id}", first.id()).param("at", "31/12/2024").with(user(one.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("survey-enter")));
		mvc.perform(get("/units/{id}", tamKy).param("at", "31/12/2023").with(user(city.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/units/" + tamKy + "/surveys.xlsx?year=2023")))
			.andExpect(content().string(containsString("revocation-risk-link")));

		byte[] xlsx = mvc
			.perform(get("/units/{id}/surveys.xlsx", tamKy).param("year", "2023").with(user(city.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("năm 2023");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Tỷ lệ hộ được lấy ý kiến");
			List<Row> rows = new ArrayList<>();
			sheet.forEach(rows::add);
			Row a = rows.stream()
				.filter(r -> r.getCell(0).getStringCellValue().equals(first.fullName()))
				.findFirst()
				.orElseThrow();
			assertThat(a.getCell(1).getNumericCellValue()).isEqualTo(1500);
			assertThat(a.getCell(2).getNumericCellValue()).isEqualTo(1307);
			assertThat(a.getCell(3).getNumericCellValue()).isCloseTo(1307.0 / 1500,
					org.assertj.core.data.Offset.offset(1e-9));
			assertThat(a.getCell(4).getStringCellValue()).isEqualTo("Chưa có ngưỡng");
			assertThat(a.getCell(5).getNumericCellValue()).isEqualTo(1115);
			assertThat(a.getCell(6).getNumericCellValue()).isCloseTo(1115.0 / 1307,
					org.assertj.core.data.Offset.offset(1e-9));
			assertThat(a.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(a.getCell(8).getStringCellValue()).contains("Hạ tầng giao thông: 1.200/1.307 (91,8%)");
			Row b = rows.stream()
				.filter(r -> r.getCell(0).getStringCellValue().equals(second.fullName()))
				.findFirst()
				.orElseThrow();
			assertThat(b.getCell(6).getNumericCellValue()).isCloseTo(650.0 / 700,
					org.assertj.core.data.Offset.offset(1e-9));
		}
		mvc.perform(get("/units/{id}/surveys", tamKy).param("year", "2023").with(user(city.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/units/" + second.id() + "/surveys/2023")))
			.andExpect(content().string(containsString("650/700 (92,9%)")));
		// a commune officer reads no other commune's: the export of the district is
		// refused
		mvc.perform(get("/units/{id}/surveys.xlsx", tamKy).param("year", "2023").with(user(one.username())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/units/{id}/surveys", tamKy).param("year", "2023").with(user(city.username())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.survey.unitId == " + second.id() + ")].satisfaction.text").value("92,9%"));
	}

}
