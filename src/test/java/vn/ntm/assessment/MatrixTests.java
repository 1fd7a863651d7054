package vn.ntm.assessment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assessment matrix of a parent: Tam Kỳ's four communes against QĐ 318 in 2023 as
 * seeds 000 and 001 write them, on the page, in the .xlsx and in the API, with the
 * totals, the "below" filter, sorting, and nothing for users outside the city.
 */
@IntegrationTest
class MatrixTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	long tamKy;

	long ntm;

	@BeforeEach
	void setUp() {
		tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		ntm = data.setId("QD318_XA_NTM");
	}

	private ResultActions page(String path, String... params) throws Exception {
		var request = get(path, tamKy).param("set", String.valueOf(ntm)).param("year", "2023");
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request.with(user("tamky")));
	}

	@Test
	void shouldShowTheCommunesOfTamKyWithTheDocumentsNotationAndTheTotals() throws Exception {
		String html = page("/units/{id}/evaluations/matrix").andExpect(status().isOk())
			.andExpect(content().string(matchesPattern(
					"(?s).*Xã Tam Phú.*>19<.*Xã Tam Ngọc.*18 \\(19\\).*Xã Tam Thanh.*17 \\(16, 19\\).*Xã Tam Thăng.*17 \\(2, 19\\).*")))
			.andExpect(content().string(allOf(containsString("4 đơn vị."), containsString("id=\"matrix-totals\""),
					containsString("1 trên 4 đơn vị đạt tiêu chí 19"), containsString("17/19"),
					containsString("<span class=\"visually-hidden\">Không đạt</span>"),
					containsString("title=\"Tiêu chí 16: Không đạt\""), containsString("id=\"to-within\""),
					containsString("matrix.xlsx?set="))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the totals row: criterion 19 met by Tam Phú only, criterion 1 by all four
		assertThat(html).containsPattern("data-criterion=\"19\"[^>]*>1</td>")
			.containsPattern("data-criterion=\"1\"[^>]*>4</td>");
		// the list of units links to the matrix
		page("/units/{id}/evaluations/within").andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"to-matrix\"")));
	}

	@Test
	void shouldKeepUnitsBelowACountAndSortByName() throws Exception {
		page("/units/{id}/evaluations/matrix", "below", "18").andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Xã Tam Thanh"), containsString("Xã Tam Thăng"),
					not(containsString(">Xã Tam Phú<")), not(containsString(">Xã Tam Ngọc<")),
					containsString("2 đơn vị."))));
		page("/units/{id}/evaluations/matrix", "sort", "name", "dir", "desc").andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*Xã Tam Thăng.*Xã Tam Thanh.*Xã Tam Phú.*Xã Tam Ngọc.*")));
		page("/units/{id}/evaluations/matrix", "sort", "met", "dir", "asc").andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*Xã Tam Thanh.*Xã Tam Thăng.*Xã Tam Ngọc.*Xã Tam Phú.*")));
	}

	@Test
	void shouldWriteTheSameTableAsAnXlsx() throws Exception {
		byte[] xlsx = page("/units/{id}/evaluations/matrix.xlsx").andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")))
			.andExpect(header().string("Content-Disposition",
					allOf(containsString("attachment; filename=\"ma-tran-danh-gia-thanh-pho-tam-ky-QD318_XA_NTM-v"),
							containsString("-2023.xlsx\""), containsString("filename*=UTF-8''Ma%20tr%E1%BA%ADn"))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("Ma trận đánh giá");
			assertThat(sheet).isNotNull();
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("Thành phố Tam Kỳ")
				.contains("QD318_XA_NTM")
				.contains("2023");
			List<String> header = cells(sheet.getRow(2), formatter);
			assertThat(header).startsWith("Đơn vị", "1", "2")
				.endsWith("19", "Kết quả", "Số tiêu chí đạt", "Tổng số tiêu chí", "Chỉ tiêu đạt");
			int notation = header.indexOf("Kết quả");
			int c16 = header.indexOf("16");
			int c19 = header.indexOf("19");
			List<List<String>> rows = new ArrayList<>();
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				rows.add(cells(sheet.getRow(r), formatter));
			}
			assertThat(rows).hasSize(5);
			assertThat(rows.subList(0, 4)).extracting(row -> row.get(0))
				.containsExactly("Xã Tam Phú", "Xã Tam Ngọc", "Xã Tam Thanh", "Xã Tam Thăng");
			assertThat(rows.subList(0, 4)).extracting(row -> row.get(notation))
				.containsExactly("19", "18 (19)", "17 (16, 19)", "17 (2, 19)");
			assertThat(rows.get(2).get(c16)).isEqualTo("Không đạt");
			assertThat(rows.get(2).get(c19)).isEqualTo("Không đạt");
			assertThat(rows.get(0).get(c19)).isEqualTo("Đạt");
			// the met count is a number cell
			assertThat(sheet.getRow(5).getCell(notation + 1).getNumericCellValue()).isEqualTo(17.0);
			assertThat(rows.get(4).get(0)).isEqualTo("Số đơn vị đạt");
			assertThat(sheet.getRow(7).getCell(c19).getNumericCellValue()).isEqualTo(1.0);
			assertThat(sheet.getRow(7).getCell(1).getNumericCellValue()).isEqualTo(4.0);
		}
		byte[] below = page("/units/{id}/evaluations/matrix.xlsx", "below", "18").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(below))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Xã Tam Thanh");
			assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Xã Tam Thăng");
			assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Số đơn vị đạt");
		}
	}

	private static List<String> cells(Row row, DataFormatter formatter) {
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
		}
		return cells;
	}

	@Test
	void shouldAnswerTheSameInTheApi() throws Exception {
		mvc.perform(get("/api/v1/units/{id}/evaluations/matrix", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(httpBasic("tamky", "NtmDemo@2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rootId").value(tamKy))
			.andExpect(jsonPath("$.year").value(2023))
			.andExpect(jsonPath("$.set.id").value(ntm))
			.andExpect(jsonPath("$.criteria.length()").value(19))
			.andExpect(jsonPath("$.criteria[0].number").value("1"))
			.andExpect(jsonPath("$.criteria[0].name").isString())
			.andExpect(
					jsonPath("$.rows[*].label", contains("Xã Tam Phú", "Xã Tam Ngọc", "Xã Tam Thanh", "Xã Tam Thăng")))
			.andExpect(jsonPath("$.rows[*].notation", contains("19", "18 (19)", "17 (16, 19)", "17 (2, 19)")))
			.andExpect(jsonPath("$.rows[2].met").value(17))
			.andExpect(jsonPath("$.rows[2].total").value(19))
			.andExpect(jsonPath("$.rows[2].cells['16']").value("NOT_MET"))
			.andExpect(jsonPath("$.rows[0].cells['19']").value("MET"))
			.andExpect(jsonPath("$.totals['19']").value(1))
			.andExpect(jsonPath("$.totals['1']").value(4));
		mvc.perform(get("/api/v1/units/{id}/evaluations/matrix", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.param("below", "18")
			.with(httpBasic("tamky", "NtmDemo@2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[*].label", contains("Xã Tam Thanh", "Xã Tam Thăng")))
			.andExpect(jsonPath("$.totals['19']").value(0));
	}

	@Test
	void shouldRefuseUsersOutsideTheCity() throws Exception {
		UserView outsider = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07885");
		for (String path : List.of("/units/{id}/evaluations/matrix", "/units/{id}/evaluations/matrix.xlsx",
				"/api/v1/units/{id}/evaluations/matrix")) {
			mvc.perform(get(path, tamKy).param("set", String.valueOf(ntm))
				.param("year", "2023")
				.with(user(outsider.username()))).andExpect(status().isForbidden());
		}
	}

}
