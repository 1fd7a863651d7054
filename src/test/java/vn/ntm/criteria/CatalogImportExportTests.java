package vn.ntm.criteria;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Catalog files: a shipped set exported as .xlsx, .yaml and .json reads back as the same
 * set and imports again as a new draft; a broken workbook is refused row by row in
 * Vietnamese with nothing saved; a file over the limit is refused in words, not with a
 * server error.
 */
@IntegrationTest
class CatalogImportExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CriteriaCatalog catalog;

	@LocalServerPort
	int port;

	UserView viewer;

	SetSummary qd318;

	@BeforeEach
	void setUp() {
		viewer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "24");
		qd318 = CatalogTestSets.shipped(catalog, "QD318_XA_NTM");
	}

	private byte[] export(String format, String contentType) throws Exception {
		return mvc.perform(get("/criteria/sets/{id}/export.{format}", qd318.id(), format).with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString(contentType)))
			.andExpect(header().string("Content-Disposition",
					allOf(containsString("attachment"), containsString("QD318_XA_NTM-v1." + format))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private MvcResult upload(String name, byte[] content) throws Exception {
		return mvc
			.perform(multipart("/criteria/import")
				.file(new MockMultipartFile("file", name, "application/octet-stream", content))
				.with(user("admin"))
				.with(csrf()))
			.andReturn();
	}

	private long imported(String name, byte[] content) throws Exception {
		MvcResult result = upload(name, content);
		assertThat(result.getResponse().getRedirectedUrl()).as(result.getResponse().getContentAsString())
			.startsWith("/criteria/sets/");
		String location = result.getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private int setCount() {
		return SystemTask.call(() -> catalog.sets().size());
	}

	/** The document as it was shipped, under another code, as a draft. */
	private SetDocument shippedAs(String code) {
		SetDocument d = CatalogTestSets.document(catalog, qd318.id());
		return new SetDocument(code, 1, d.name(), d.nameEn(), d.title(), d.unitLevel(), d.unitTypes(), d.validFrom(),
				d.validTo(), d.decision(), d.legalBasis(), d.owner(), d.refines(), d.thresholdScheme(),
				d.thresholdRules(), d.prerequisites(), d.revocation(), d.sourceStatus(), d.sources(), d.note(), "DRAFT",
				d.groups(), d.criteria());
	}

	@Test
	void shouldExportYamlAndImportItAgainAsANewDraft() throws Exception {
		String yaml = new String(export("yaml", "application/yaml"), StandardCharsets.UTF_8);
		assertThat(yaml).contains("code: QD318_XA_NTM", "status: PUBLISHED", "Môi trường và an toàn thực phẩm");
		String code = CatalogTestSets.uniqueCode("YAML");
		long id = imported("bo-tieu-chi.yaml",
				yaml.replaceFirst("code: QD318_XA_NTM", "code: " + code).getBytes(StandardCharsets.UTF_8));
		SetSummary draft = CatalogTestSets.summary(catalog, id);
		assertThat(draft.isDraft()).isTrue();
		assertThat(draft.version()).isEqualTo(1);
		assertThat(CatalogTestSets.document(catalog, id)).isEqualTo(shippedAs(code));
	}

	@Test
	void shouldExportJsonAndImportItAgainAsANewDraft() throws Exception {
		String json = new String(export("json", "application/json"), StandardCharsets.UTF_8);
		assertThat(json).contains("\"QD318_XA_NTM\"", "\"for\"");
		String code = CatalogTestSets.uniqueCode("JSON");
		long id = imported("bo-tieu-chi.JSON",
				json.replaceFirst("\"code\"\\s*:\\s*\"QD318_XA_NTM\"", "\"code\": \"" + code + "\"")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(CatalogTestSets.document(catalog, id)).isEqualTo(shippedAs(code));
	}

	@Test
	void shouldExportXlsxAndImportItAgainAsANewDraft() throws Exception {
		byte[] xlsx = export("xlsx", "spreadsheetml");
		String code = CatalogTestSets.uniqueCode("XLSX");
		byte[] renamed = edit(xlsx,
				workbook -> cell(workbook.getSheet("Bộ tiêu chí"), "Mã", "Giá trị").setCellValue(code));
		long id = imported("Bo tieu chi.xlsx", renamed);
		assertThat(CatalogTestSets.document(catalog, id)).isEqualTo(shippedAs(code));
		// a second import of the same code is its next version
		SystemTask.run(() -> catalog.retire(id, "Kiểm thử phiên bản tiếp theo", catalog.summary(id).rowVersion()));
		long next = imported("lan-hai.xlsx", renamed);
		assertThat(CatalogTestSets.summary(catalog, next).label()).isEqualTo(code + " v2");
	}

	@Test
	void shouldRefuseABrokenWorkbookRowByRowAndSaveNothing() throws Exception {
		byte[] xlsx = export("xlsx", "spreadsheetml");
		String code = CatalogTestSets.uniqueCode("BROKEN");
		int[] thresholdRow = new int[1];
		byte[] broken = edit(xlsx, workbook -> {
			cell(workbook.getSheet("Bộ tiêu chí"), "Mã", "Giá trị").setCellValue(code);
			Sheet indicators = workbook.getSheet("Chỉ tiêu");
			cell(indicators, "17.1", "Kiểu").setCellValue("PHAN_TRAM");
			Sheet requirements = workbook.getSheet("Ngưỡng");
			int op = column(requirements, "Phép so sánh");
			for (Row row : requirements) {
				if (row.getRowNum() > 0 && row.getCell(op) != null && "GE".equals(row.getCell(op).toString())) {
					row.createCell(column(requirements, "Giá trị")).setCellValue("tám mươi");
					thresholdRow[0] = row.getRowNum() + 1;
					break;
				}
			}
		});
		assertThat(thresholdRow[0]).isPositive();
		int before = setCount();
		MvcResult result = upload("hong.xlsx", broken);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String page = result.getResponse().getContentAsString();
		assertThat(page).contains("Tệp &quot;hong.xlsx&quot;", "chưa lưu gì", "Chỉ tiêu, dòng", "cột Kiểu", "PHAN_TRAM",
				"Ngưỡng, dòng " + thresholdRow[0] + ", cột Giá trị", "tám mươi", "không phải là số");
		assertThat(setCount()).isEqualTo(before);
		assertThat(SystemTask.call(() -> catalog.sets()).stream().map(SetSummary::code)).doesNotContain(code);

		// cells that read well but break the rules are placed on their rows too
		String[] repeated = new String[1];
		byte[] invalid = edit(xlsx, workbook -> {
			cell(workbook.getSheet("Bộ tiêu chí"), "Mã", "Giá trị").setCellValue(code);
			Sheet indicators = workbook.getSheet("Chỉ tiêu");
			repeated[0] = indicators.getRow(1).getCell(column(indicators, "Mã")).getStringCellValue();
			cell(indicators, "17.1", "Mã").setCellValue(repeated[0]);
		});
		page = upload("trung-ma.xlsx", invalid).getResponse().getContentAsString();
		assertThat(page).contains("Chỉ tiêu, dòng", "Mã chỉ tiêu " + repeated[0] + " bị trùng");
		assertThat(setCount()).isEqualTo(before);
	}

	@Test
	void shouldRefuseFilesItCannotRead() throws Exception {
		int before = setCount();
		assertThat(upload("rac.xlsx", "không phải excel".getBytes(StandardCharsets.UTF_8)).getResponse()
			.getContentAsString()).contains("không phải là bảng tính Excel");
		assertThat(upload("bo.csv", "a;b".getBytes(StandardCharsets.UTF_8)).getResponse().getContentAsString())
			.contains("chỉ nhận tệp .xlsx, .yaml, .yml hoặc .json");
		assertThat(upload("bo.yaml", "code: X\nrequirement: 1\n".getBytes(StandardCharsets.UTF_8)).getResponse()
			.getContentAsString()).contains("Trường &quot;requirement&quot; không có trong định dạng bộ tiêu chí");
		mvc.perform(multipart("/criteria/import").with(user("admin")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chưa chọn tệp")));
		assertThat(setCount()).isEqualTo(before);
	}

	@Test
	void shouldRefuseAFileOverTheLimitInWords() throws Exception {
		byte[] big = new byte[SetFile.MAX_BYTES + 1024];
		int before = setCount();
		assertThat(upload("lon.xlsx", big).getResponse().getContentAsString()).contains("Tệp vượt quá 5 MB");
		// through the real server and the API as well: 422 with the reason, not a server
		// error
		String boundary = "ntmboundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.yaml\"\r\n"
				+ "Content-Type: application/yaml\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(big);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		String auth = Base64.getEncoder().encodeToString(("admin:NtmDemo@2026").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/criteria-sets"))
				.header("Authorization", "Basic " + auth)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("Tệp vượt quá 5 MB");
		assertThat(setCount()).isEqualTo(before);
	}

	@Test
	void shouldShowTheImportPageToThoseWhoMayImport() throws Exception {
		mvc.perform(get("/criteria/import").with(user("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Nhập bộ tiêu chí"), containsString("Tối đa 5 MB"))));
		mvc.perform(get("/criteria/import").with(user(viewer.username()))).andExpect(status().isForbidden());
		mvc.perform(multipart("/criteria/import")
			.file(new MockMultipartFile("file", "x.yaml", "application/yaml",
					"code: X".getBytes(StandardCharsets.UTF_8)))
			.with(user(viewer.username()))
			.with(csrf())).andExpect(status().isForbidden());
	}

	// Workbooks

	private static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> change) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			change.accept(workbook);
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static int column(Sheet sheet, String header) {
		for (Cell cell : sheet.getRow(0)) {
			if (header.equals(cell.getStringCellValue())) {
				return cell.getColumnIndex();
			}
		}
		throw new AssertionError("no column " + header + " in " + sheet.getSheetName());
	}

	/**
	 * The cell in column {@code header} of the row whose first or second cell reads
	 * {@code key} (the field of the set sheet, the code of an indicator).
	 */
	private static Cell cell(Sheet sheet, String key, String header) {
		int column = column(sheet, header);
		for (Row row : sheet) {
			for (int i = 0; i < 2; i++) {
				Cell first = row.getCell(i);
				if (row.getRowNum() > 0 && first != null && key.equals(first.toString())) {
					Cell cell = row.getCell(column);
					return cell != null ? cell : row.createCell(column);
				}
			}
		}
		throw new AssertionError("no row " + key + " in " + sheet.getSheetName());
	}

}
