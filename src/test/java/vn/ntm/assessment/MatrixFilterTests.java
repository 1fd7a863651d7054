package vn.ntm.assessment;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The matrix's set selector, filters (region, title, assessment status) and sorting by a
 * criterion's column, the same on the page, in the .xlsx and in the API; Tam Kỳ's four
 * communes against QĐ 318 in 2023. Tam Thanh's assessment is put back as a draft after
 * each test.
 */
@IntegrationTest
class MatrixFilterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	long tamKy;

	long ntm;

	long tamThanh2023;

	@BeforeEach
	void setUp() {
		tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		ntm = data.setId("QD318_XA_NTM");
		tamThanh2023 = jdbc.sql("select id from assessment where unit_id = :unit and set_id = :set and year = 2023")
			.param("unit", data.unit("20359", TestData.BEFORE_REFORM).id())
			.param("set", ntm)
			.query(Long.class)
			.single();
	}

	/** The seed assessments are history: approved as of their document (seed 000). */
	@AfterEach
	void restore() {
		data.restoreSeedHistory(java.util.List.of(tamThanh2023));
	}

	private ResultActions page(String path, String... params) throws Exception {
		var request = get(path, tamKy).param("set", String.valueOf(ntm)).param("year", "2023");
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request.with(user("tamky")));
	}

	@Test
	void shouldOfferTheSetsAndFiltersOfTheChildren() throws Exception {
		page("/units/{id}/evaluations/matrix").andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<select id=\"set\""), containsString("QD318_XA_NTM_NC v"),
					containsString("Vùng kinh tế - xã hội"), containsString("value=\"DHNTB\""),
					containsString("Đã được công nhận"), containsString("Đã nộp, chờ kiểm tra"),
					containsString("Chưa mở kỳ đánh giá"), containsString("Theo tiêu chí 16"))));
	}

	@Test
	void shouldFilterByRegionTitleAndStatus() throws Exception {
		page("/units/{id}/evaluations/matrix", "cls", "DHNTB").andExpect(content().string(containsString("4 đơn vị.")));
		page("/units/{id}/evaluations/matrix", "cls", "TDMNPB")
			.andExpect(content().string(allOf(containsString("0 đơn vị."), not(containsString(">Xã Tam Thanh<")))));
		page("/units/{id}/evaluations/matrix", "title", "QUALIFIES")
			.andExpect(content().string(allOf(containsString("1 đơn vị."), containsString(">Xã Tam Phú<"))));
		page("/units/{id}/evaluations/matrix", "title", "DOES_NOT_QUALIFY")
			.andExpect(content().string(allOf(containsString("3 đơn vị."), not(containsString(">Xã Tam Phú<")))));
		// the four communes hold the title (NTM 2015–2018, seed 000)
		page("/units/{id}/evaluations/matrix", "title", "HELD")
			.andExpect(content().string(containsString("4 đơn vị.")));
		page("/units/{id}/evaluations/matrix", "title", "NOT_HELD")
			.andExpect(content().string(containsString("0 đơn vị.")));
		jdbc.sql("update assessment set status = 'SUBMITTED', status_at = now() where id = :id")
			.param("id", tamThanh2023)
			.update();
		page("/units/{id}/evaluations/matrix", "status", "SUBMITTED")
			.andExpect(content().string(allOf(containsString("1 đơn vị."), containsString(">Xã Tam Thanh<"),
					containsString("Đã nộp, chờ kiểm tra"))));
		page("/units/{id}/evaluations/matrix", "status", "APPROVED")
			.andExpect(content().string(allOf(containsString("3 đơn vị."), not(containsString(">Xã Tam Thanh<")))));
		page("/units/{id}/evaluations/matrix", "status", "NONE")
			.andExpect(content().string(containsString("0 đơn vị.")));
		page("/units/{id}/evaluations/matrix", "status", "LOST").andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(containsString("Giá trị &quot;LOST&quot; không hợp lệ cho ô &quot;Trạng thái hồ sơ&quot;")));
	}

	@Test
	void shouldSortByACriterionsColumn() throws Exception {
		// who fails 16 first, then by name
		page("/units/{id}/evaluations/matrix", "sort", "c:16", "dir", "asc").andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*Xã Tam Thanh.*Xã Tam Ngọc.*Xã Tam Phú.*Xã Tam Thăng.*")))
			.andExpect(content().string(containsString("aria-sort=\"ascending\"")));
		// who meets 19 first
		page("/units/{id}/evaluations/matrix", "sort", "c:19", "dir", "desc")
			.andExpect(content().string(matchesPattern("(?s).*Xã Tam Phú.*Xã Tam Ngọc.*Xã Tam Thanh.*Xã Tam Thăng.*")));
		page("/units/{id}/evaluations/matrix", "sort", "c:99").andExpect(status().isUnprocessableContent());
	}

	@Test
	void shouldExportTheSameRowsInTheSameOrder() throws Exception {
		jdbc.sql("update assessment set status = 'SUBMITTED', status_at = now() where id = :id")
			.param("id", tamThanh2023)
			.update();
		byte[] sorted = page("/units/{id}/evaluations/matrix.xlsx", "sort", "c:16", "dir", "asc")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sorted))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Xã Tam Thanh");
			assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Xã Tam Ngọc");
			assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Xã Tam Thăng");
		}
		byte[] filtered = page("/units/{id}/evaluations/matrix.xlsx", "status", "APPROVED", "title", "DOES_NOT_QUALIFY",
				"cls", "DHNTB")
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(filtered))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
				.contains("(Vùng kinh tế - xã hội: Duyên hải Nam Trung Bộ)")
				.contains("(danh hiệu: Chưa đủ điều kiện)")
				.contains("(trạng thái hồ sơ: Đã thẩm định, phê duyệt)");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Xã Tam Ngọc");
			assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Xã Tam Thăng");
			assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Số đơn vị đạt");
		}
		// the page's download link carries the filters and order
		page("/units/{id}/evaluations/matrix", "status", "APPROVED", "sort", "c:16", "dir", "asc")
			.andExpect(content().string(containsString("status=APPROVED&amp;sort=c:16&amp;dir=asc")));
	}

	@Test
	void shouldFilterAndSortTheSameInTheApi() throws Exception {
		jdbc.sql("update assessment set status = 'SUBMITTED', status_at = now() where id = :id")
			.param("id", tamThanh2023)
			.update();
		mvc.perform(get("/api/v1/units/{id}/evaluations/matrix", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.param("sort", "c:16")
			.param("dir", "asc")
			.with(httpBasic("tamky", "NtmDemo@2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sort").value("c:16"))
			.andExpect(jsonPath("$.dir").value("asc"))
			.andExpect(
					jsonPath("$.rows[*].label", contains("Xã Tam Thanh", "Xã Tam Ngọc", "Xã Tam Phú", "Xã Tam Thăng")))
			.andExpect(jsonPath("$.rows[0].status").value("SUBMITTED"))
			.andExpect(jsonPath("$.rows[0].thresholdClass").value("DHNTB"))
			.andExpect(jsonPath("$.rows[0].holdsTitle").value(true))
			.andExpect(jsonPath("$.rows[0].title").value("DOES_NOT_QUALIFY"))
			.andExpect(jsonPath("$.rows[1].status").value("APPROVED"));
		mvc.perform(get("/api/v1/units/{id}/evaluations/matrix", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.param("status", "APPROVED")
			.param("title", "QUALIFIES")
			.with(httpBasic("tamky", "NtmDemo@2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.filters.status").value("APPROVED"))
			.andExpect(jsonPath("$.rows[*].label", contains("Xã Tam Phú")));
	}

	@Test
	void shouldRefuseOfficersOfACommune() throws Exception {
		UserView outsider = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07885");
		for (String who : new String[] { "tamthanh", outsider.username() }) {
			mvc.perform(get("/units/{id}/evaluations/matrix", tamKy).param("set", String.valueOf(ntm))
				.param("year", "2023")
				.param("status", "DRAFT")
				.with(user(who))).andExpect(status().isForbidden());
		}
	}

}
