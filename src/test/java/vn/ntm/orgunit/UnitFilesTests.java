package vn.ntm.orgunit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing unit lists (all or nothing, with row-level Vietnamese errors) and exporting
 * them, read back from the real files.
 */
@IntegrationTest
class UnitFilesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UnitImports imports;

	@Autowired
	UnitManagement units;

	@LocalServerPort
	int port;

	UserView officer;

	UnitRef commune;

	@BeforeEach
	void setUp() {
		officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		commune = data.unit("07870", TestData.AFTER_REFORM);
	}

	private ImportJobView uploadAndWait(String name, byte[] content) throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", name, "application/octet-stream", content);
		String location = mvc.perform(multipart("/units/import").file(file).with(user(officer.username())).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		return waitFor(id, "READY", "INVALID", "FAILED", "APPLIED");
	}

	private ImportJobView waitFor(UUID id, String... statuses) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			ImportJobView job = asOfficer(() -> imports.job(id));
			if (List.of(statuses).contains(job.status())) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

	private <T> T asOfficer(java.util.function.Supplier<T> work) {
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
				officer.username(), null, List.of()));
		var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
		}
	}

	private List<String> villageNames() {
		return SystemTask.call(() -> units.children(commune.id(), LocalDate.now()))
			.stream()
			.map(UnitRef::name)
			.toList();
	}

	@Test
	void shouldImportAValidCsvAfterPreviewAndAuditEveryRow() throws Exception {
		String a = TestData.unique("Nhập A ");
		String b = TestData.unique("Nhập B ");
		String csv = "Mã,Tên,Loại,Mã đơn vị cấp trên,Hiệu lực từ ngày,Ghi chú\n" + ",\"" + a
				+ "\",Thôn,07870,01/01/2026,\n" + ",\"" + b + "\",thon,07870,,ghi chú\n";
		ImportJobView job = uploadAndWait("thon.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.status()).isEqualTo("READY");
		assertThat(job.errors()).isEmpty();
		assertThat(job.preview()).hasSize(2).allSatisfy(line -> assertThat(line).contains("Xã Xuân Cẩm"));
		assertThat(villageNames()).doesNotContain(a, b);
		mvc.perform(post("/units/import/{id}/apply", job.id()).with(user(officer.username())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		ImportJobView applied = waitFor(job.id(), "APPLIED", "FAILED");
		assertThat(applied.status()).isEqualTo("APPLIED");
		assertThat(villageNames()).contains(a, b);
	}

	@Test
	void shouldRejectAFileWithBadRowsNamingRowAndColumnAndSaveNothing() throws Exception {
		String good = TestData.unique("Tốt ");
		String csv = "Mã,Tên,Loại,Mã đơn vị cấp trên,Hiệu lực từ ngày\n" //
				+ ",\"" + good + "\",Thôn,07870,\n" // row 2: fine
				+ ",Không Cha,Thôn,99999,\n" // row 3: unknown parent
				+ ",Sai Loại,Làng,07870,\n" // row 4: unknown type
				+ ",,Thôn,07870,\n" // row 5: no name
				+ ",Sai Ngày,Thôn,07870,31/02/2026\n" // row 6: impossible date
				+ ",\"" + good + "\",Thôn,07870,\n" // row 7: repeats row 2
				+ ",Ngoài Phạm Vi,Thôn,07249,01/01/2024\n"; // row 8: Xuân Lương, outside
															// the officer's scope
		ImportJobView job = uploadAndWait("loi.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.status()).isEqualTo("INVALID");
		assertThat(job.errors()).extracting(ImportJobView.RowError::row).contains(3, 4, 5, 6, 7, 8);
		assertThat(job.errors()).filteredOn(e -> e.row() == 3)
			.singleElement()
			.satisfies(e -> assertThat(e.message()).contains("99999"));
		assertThat(job.errors()).filteredOn(e -> e.row() == 4)
			.singleElement()
			.satisfies(e -> assertThat(e.column()).isEqualTo("Loại"));
		assertThat(job.errors()).filteredOn(e -> e.row() == 6)
			.singleElement()
			.satisfies(e -> assertThat(e.message()).contains("31/02/2026").contains("ngày/tháng/năm"));
		assertThat(job.errors()).filteredOn(e -> e.row() == 8)
			.singleElement()
			.satisfies(e -> assertThat(e.message()).contains("ngoài phạm vi"));
		assertThat(villageNames()).doesNotContain(good);
		mvc.perform(post("/units/import/{id}/apply", job.id()).with(user(officer.username())).with(csrf()))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void shouldRejectAFileWithoutTheRequiredColumns() throws Exception {
		ImportJobView job = uploadAndWait("cot.csv", "Tên,Loại\nA,Thôn\n".getBytes(StandardCharsets.UTF_8));
		assertThat(job.status()).isEqualTo("INVALID");
		assertThat(job.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("Mã đơn vị cấp trên"));
	}

	@Test
	void shouldRejectAZipBomb() throws Exception {
		ImportJobView job = uploadAndWait("bom.xlsx", zipBomb());
		assertThat(job.status()).isEqualTo("INVALID");
		assertThat(job.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("zip bomb"));
	}

	@Test
	void shouldRejectAFileThatIsNotASpreadsheet() throws Exception {
		ImportJobView job = uploadAndWait("rac.xlsx", "không phải excel".getBytes(StandardCharsets.UTF_8));
		assertThat(job.status()).isEqualTo("INVALID");
		assertThat(job.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("Không đọc được tệp"));
	}

	@Test
	void shouldRefuseAnUploadLargerThanTheLimit() throws Exception {
		byte[] big = new byte[21 * 1024 * 1024];
		String boundary = "ntmboundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(big);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		String auth = Base64.getEncoder()
			.encodeToString((officer.username() + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/units/imports"))
				.header("Authorization", "Basic " + auth)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("20 MB");
	}

	@Test
	void shouldExportTheImportFormatToRealFiles() throws Exception {
		String name = TestData.unique("Xuất ");
		data.village(commune.id(), name);
		byte[] xlsx = mvc.perform(get("/units/{id}/export.xlsx", commune.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> names = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Mã");
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Tên");
			assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Loại");
			assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Mã đơn vị cấp trên");
			assertThat(header.getCell(4).getStringCellValue()).isEqualTo("Hiệu lực từ ngày");
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					names.add(row.getCell(1).getStringCellValue());
					assertThat(row.getCell(3).getStringCellValue()).isEqualTo("07870");
				}
			}
		}
		assertThat(names).contains(name, "Mai Hạ");
		String csv = new String(mvc.perform(get("/units/{id}/export.csv", commune.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
		assertThat(records.get(0).get(1)).isEqualTo("Tên");
		assertThat(records).anySatisfy(r -> assertThat(r.get(1)).isEqualTo(name));
	}

	@Test
	void shouldNotLetANameRunAsAFormulaWhenTheCsvIsOpenedInExcel() throws Exception {
		String name = TestData.unique("=HYPERLINK(\"http://x\";\"Thôn ") + "\")";
		data.village(commune.id(), name);
		String csv = new String(mvc.perform(get("/units/{id}/export.csv", commune.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
		assertThat(records).anySatisfy(r -> assertThat(r.get(1)).isEqualTo("'" + name));
		assertThat(records).noneSatisfy(r -> assertThat(r.get(1)).isEqualTo(name));
	}

	@Test
	void shouldReimportAnEditedExport() throws Exception {
		UnitRef other = data.unit("07246", TestData.AFTER_REFORM);
		UserView officer2 = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870", "07246");
		byte[] xlsx = mvc.perform(get("/units/{id}/export.xlsx", commune.id()).with(user(officer2.username())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String renamed = TestData.unique("Khứ Hồi ");
		ByteArrayOutputStream edited = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int r = sheet.getLastRowNum(); r >= 2; r--) {
				sheet.removeRow(sheet.getRow(r));
			}
			sheet.getRow(1).getCell(1).setCellValue(renamed);
			sheet.getRow(1).getCell(3).setCellValue(other.code());
			workbook.write(edited);
		}
		officer = officer2;
		ImportJobView job = uploadAndWait("khu-hoi.xlsx", edited.toByteArray());
		assertThat(job.errors()).isEmpty();
		assertThat(job.status()).isEqualTo("READY");
		assertThat(job.preview()).singleElement()
			.satisfies(p -> assertThat(p).contains(renamed).contains("Xuân Lương"));
	}

	/** A valid workbook whose sheet inflates from a few kilobytes to 60 MB. */
	private byte[] zipBomb() throws Exception {
		byte[] template = mvc.perform(get("/units/import/template.xlsx").with(user(officer.username())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("template", ".xlsx");
		java.nio.file.Files.write(file, template);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry : java.util.Collections.list(in.entries())) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					zip.write(
							("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
								.getBytes(StandardCharsets.UTF_8));
					byte[] spaces = new byte[1024 * 1024];
					java.util.Arrays.fill(spaces, (byte) ' ');
					for (int i = 0; i < 60; i++) {
						zip.write(spaces);
					}
					zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
				}
				else {
					try (java.io.InputStream content = in.getInputStream(entry)) {
						content.transferTo(zip);
					}
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	static String read(byte[] bytes) throws IOException {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
