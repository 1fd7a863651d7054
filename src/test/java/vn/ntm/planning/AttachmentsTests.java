package vn.ntm.planning;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ntm.planning.PlanningTests.as;

/**
 * Files attached to progress reports and submitted reports: a real PDF and a real .xlsx
 * through the API and the page forms, given back byte for byte (the workbook read again)
 * to those who read the task or the duty and to nobody else, refusals that name the field
 * and the file and save nothing, every file audited. The test profile limits files to 1
 * MB.
 */
@IntegrationTest
class AttachmentsTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	ReportingDuties duties;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	UserView district;

	UserView commune;

	UserView otherCommune;

	long tamKy;

	long tamThanh;

	@BeforeEach
	void setUp() {
		district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		otherCommune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314");
		tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
	}

	static RequestPostProcessor basic(UserView user) {
		return httpBasic(user.username(), TestData.PASSWORD);
	}

	/** A task of Tam Kỳ's plan that concerns Tam Thanh: 2,5 km of road. */
	long task() {
		long planId = as(district, () -> planning.createPlan(new PlanForm(tamKy, null, null, "UBND thành phố Tam Kỳ",
				2026, 2026, TestData.unique("Kế hoạch đính kèm "), null, null, null, null)));
		return as(district,
				() -> planning.addTask(planId,
						new TaskForm(null, "1", "Bê tông hóa đường thôn Hòa Thượng", null, false, "2", null,
								List.of(tamThanh), null, "Phạm Thị Dung", "Công chức Địa chính", district.id(), null,
								"quý IV/2026", new BigDecimal("2.5"), "km", null, null, null)));
	}

	/**
	 * A one-page PDF as a PDF writer makes it: catalog, pages, a page with its content
	 * stream and font, and a cross-reference table with the objects' byte offsets.
	 */
	static byte[] pdf(String text) {
		String stream = "BT /F1 18 Tf 72 760 Td (" + text + ") Tj ET";
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
						+ " /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
		StringBuilder out = new StringBuilder("%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(out.length());
			out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
		}
		int xref = out.length();
		out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		offsets.forEach(offset -> out.append(String.format("%010d 00000 n \n", offset)));
		out.append("trailer\n<< /Size ")
			.append(objects.size() + 1)
			.append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref)
			.append("\n%%EOF\n");
		return out.toString().getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] xlsx(String text) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var row = workbook.createSheet("Khối lượng").createRow(0);
			row.createCell(0).setCellValue(text);
			row.createCell(1).setCellValue(1.25);
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static String firstCell(byte[] workbook) throws IOException {
		try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			return read.getSheet("Khối lượng").getRow(0).getCell(0).getStringCellValue();
		}
	}

	static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("files", name, "application/octet-stream", content);
	}

	static long id(String json, String path) {
		return Long.parseLong(com.jayway.jsonpath.JsonPath.read(json, path).toString());
	}

	/** The API with HTTP Basic, the pages with a session's user. */
	byte[] download(String path, UserView reader, String type) throws Exception {
		return mvc.perform(get(path).with(path.startsWith("/api/") ? basic(reader) : user(reader.username())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", type))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	@Test
	void shouldAttachARealPdfAndWorkbookToAProgressReportForTheTasksReadersOnly() throws Exception {
		long taskId = task();
		byte[] pdf = pdf("Bien ban nghiem thu " + System.nanoTime());
		byte[] sheet = xlsx("Đã đổ bê tông 1,25 km đường thôn Hòa Thượng");

		mvc.perform(
				multipart("/api/v1/tasks/{id}/progress", taskId).file(file("Biên bản nghiệm thu đường thôn.pdf", pdf))
					.file(file("Khối lượng đã làm.xlsx", sheet))
					.param("quantityDone", "1.25")
					.param("note", "Đã đổ xong 1,25 km")
					.param("expectedVersion", "0")
					.with(basic(commune)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.progress").value(50));

		// the lead above lists the report's files with name, size and type
		String reports = mvc.perform(get("/api/v1/tasks/{id}/progress", taskId).with(basic(district)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].attachments", hasSize(2)))
			.andExpect(jsonPath("$[0].attachments[0].fileName").value("Biên bản nghiệm thu đường thôn.pdf"))
			.andExpect(jsonPath("$[0].attachments[0].contentType").value("application/pdf"))
			.andExpect(jsonPath("$[0].attachments[0].size").value(pdf.length))
			.andExpect(jsonPath("$[0].attachments[1].fileName").value("Khối lượng đã làm.xlsx"))
			.andExpect(jsonPath("$[0].attachments[1].contentType").value(XLSX))
			.andExpect(jsonPath("$[0].attachments[1].size").value(sheet.length))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long pdfId = id(reports, "$[0].attachments[0].id");
		long sheetId = id(reports, "$[0].attachments[1].id");

		// and gets the bytes back: the PDF as sent, the workbook read again
		assertThat(download("/api/v1/tasks/attachments/" + pdfId + "/content", district, "application/pdf"))
			.isEqualTo(pdf);
		byte[] back = download("/api/v1/tasks/attachments/" + sheetId + "/content", district, XLSX);
		assertThat(back).isEqualTo(sheet);
		assertThat(firstCell(back)).isEqualTo("Đã đổ bê tông 1,25 km đường thôn Hòa Thượng");
		// the page's link, for the commune that reported
		mvc.perform(get("/tasks/attachments/{id}", pdfId).with(user(commune.username())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					containsString("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20nghi%E1%BB%87m%20thu")));
		mvc.perform(get("/tasks/{id}", taskId).with(user(district.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Biên bản nghiệm thu đường thôn.pdf"),
					containsString("/tasks/attachments/" + sheetId), containsString("Khối lượng đã làm.xlsx"))));

		// a commune that may not see the task may not download its files either
		mvc.perform(get("/api/v1/tasks/attachments/{id}/content", pdfId).with(basic(otherCommune)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/tasks/attachments/{id}", sheetId).with(user(otherCommune.username())))
			.andExpect(status().isForbidden());
		// nor is a file of a progress report one of a submitted report
		mvc.perform(get("/api/v1/duties/attachments/{id}/content", pdfId).with(basic(district)))
			.andExpect(status().isNotFound());

		// each file is in the audit trail, naming the task
		assertThat(jdbc
			.sql("select summary from audit_event where entity_type = 'plan_attachment' and entity_id in (:ids)"
					+ " order by id")
			.param("ids", List.of(String.valueOf(pdfId), String.valueOf(sheetId)))
			.query(String.class)
			.list()).hasSize(2)
			.allSatisfy(summary -> assertThat(summary).contains("Bê tông hóa đường thôn Hòa Thượng"))
			.anySatisfy(summary -> assertThat(summary).contains("Khối lượng đã làm.xlsx"));
	}

	@Test
	void shouldRefuseAFileOfAnotherKindOrTooLargeNamingTheFieldAndSaveNothing() throws Exception {
		long taskId = task();
		mvc.perform(multipart("/api/v1/tasks/{id}/progress", taskId)
			.file(file("ghi chú.pdf", "Chỉ là chữ.\n".getBytes(StandardCharsets.UTF_8)))
			.param("percent", "30")
			.param("expectedVersion", "0")
			.with(basic(commune)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(allOf(containsString("Tệp đính kèm"), containsString("ghi chú.pdf"),
					containsString("text/plain"))));
		byte[] large = new byte[1024 * 1024 + 1];
		Arrays.fill(large, (byte) ' ');
		byte[] head = pdf("lon");
		System.arraycopy(head, 0, large, 0, head.length);
		mvc.perform(multipart("/api/v1/tasks/{id}/progress", taskId).file(file("Bản đồ quy hoạch.pdf", large))
			.param("percent", "30")
			.param("expectedVersion", "0")
			.with(basic(commune)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(allOf(containsString("Tệp đính kèm"),
					containsString("Bản đồ quy hoạch.pdf"), containsString("1 MB"))));
		// nothing saved: no report, the task as it was
		mvc.perform(get("/api/v1/tasks/{id}/progress", taskId).with(basic(commune)))
			.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get("/api/v1/tasks/{id}", taskId).with(basic(commune)))
			.andExpect(jsonPath("$.progress").value(0))
			.andExpect(jsonPath("$.version").value(0));

		// the page form: the refusal on the page, then the report with its file
		mvc.perform(multipart("/tasks/{id}/progress", taskId).file(file("ảnh.png", "không phải ảnh".getBytes()))
			.param("percent", "30")
			.param("expectedVersion", "0")
			.with(user(commune.username()))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Tệp đính kèm"), containsString("ảnh.png"))));
		mvc.perform(multipart("/tasks/{id}/progress", taskId).file(file("Biên bản.pdf", pdf("bien ban")))
			.file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
			.param("percent", "30")
			.param("note", "Đã khởi công")
			.param("expectedVersion", "0")
			.with(user(commune.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/tasks/{id}/progress", taskId).with(basic(district)))
			.andExpect(jsonPath("$[0].note").value("Đã khởi công"))
			.andExpect(jsonPath("$[0].attachments", hasSize(1)))
			.andExpect(jsonPath("$[0].attachments[0].fileName").value("Biên bản.pdf"));
	}

	@Test
	void shouldAttachFilesToASubmittedReportForTheUnitsOfTheDutyOnly() throws Exception {
		long duty = as(commune,
				() -> duties.create(
						new DutyForm(tamThanh, tamKy, "UBND thành phố Tam Kỳ", TestData.unique("Báo cáo tháng có tệp "),
								"ngày 5 hằng tháng", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), null)));
		byte[] sheet = xlsx("Số liệu tháng 2/2024: 12/19 tiêu chí");
		byte[] pdf = pdf("Bao cao thang 2 " + System.nanoTime());

		String json = mvc
			.perform(multipart("/api/v1/duties/{id}/reports", duty).file(file("Số liệu tháng 2.xlsx", sheet))
				.file(file("Báo cáo tháng 2.pdf", pdf))
				.param("dueOn", "2024-02-05")
				.param("submittedOn", "2024-02-04")
				.param("content", "Đạt 12/19 tiêu chí")
				.with(basic(commune)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.occurrences[1].state").value("ON_TIME"))
			.andExpect(jsonPath("$.occurrences[1].attachments", hasSize(2)))
			.andExpect(jsonPath("$.occurrences[1].attachments[0].fileName").value("Số liệu tháng 2.xlsx"))
			.andExpect(jsonPath("$.occurrences[1].attachments[0].contentType").value(XLSX))
			.andExpect(jsonPath("$.occurrences[1].attachments[1].size").value(pdf.length))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long sheetId = id(json, "$.occurrences[1].attachments[0].id");
		long pdfId = id(json, "$.occurrences[1].attachments[1].id");

		// the unit owed reads the files
		byte[] back = download("/api/v1/duties/attachments/" + sheetId + "/content", district, XLSX);
		assertThat(firstCell(back)).isEqualTo("Số liệu tháng 2/2024: 12/19 tiêu chí");
		assertThat(download("/plans/duties/attachments/" + pdfId, district, "application/pdf")).isEqualTo(pdf);
		// another commune does not
		mvc.perform(get("/api/v1/duties/attachments/{id}/content", sheetId).with(basic(otherCommune)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/plans/duties/attachments/{id}", pdfId).with(user(otherCommune.username())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/tasks/attachments/{id}/content", sheetId).with(basic(district)))
			.andExpect(status().isNotFound());

		// a refused file refuses the report
		mvc.perform(multipart("/api/v1/duties/{id}/reports", duty).file(file("báo cáo.xlsx", "chữ".getBytes()))
			.param("dueOn", "2024-03-05")
			.param("content", "x")
			.with(basic(commune)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					jsonPath("$.detail").value(allOf(containsString("Tệp đính kèm"), containsString("báo cáo.xlsx"))));
		// the page form, with a file
		mvc.perform(multipart("/plans/duties/{id}/reports", duty).file(file("Báo cáo tháng 3.pdf", pdf("thang 3")))
			.param("dueOn", "2024-03-05")
			.param("submittedOn", "06/03/2024")
			.param("content", "Đạt 13/19 tiêu chí")
			.with(user(commune.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/plans/duties/{id}", duty).with(user(district.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Số liệu tháng 2.xlsx"),
					containsString("Báo cáo tháng 3.pdf"), containsString("/plans/duties/attachments/" + pdfId))));
		assertThat(jdbc
			.sql("select count(*) from audit_event a join plan_attachment f on a.entity_id = f.id::text"
					+ " join report_submission s on s.id = f.submission_id"
					+ " where a.entity_type = 'plan_attachment' and s.duty_id = :duty")
			.param("duty", duty)
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

}
