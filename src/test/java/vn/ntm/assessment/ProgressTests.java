package vn.ntm.assessment;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
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
 * The progress of submissions and appraisals across Tam Kỳ's communes for QĐ 318 in 2023:
 * statuses and checks written with SQL (the workflow actions are the lead's), whom each
 * waits for and since when, returned criteria with their reasons, totals, the status
 * filter, longest waiting first — on the page, in the .xlsx and in the API. The seeded
 * assessments start as drafts and are put back as the seed loads them (approved) after
 * each test.
 */
@IntegrationTest
class ProgressTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	long tamKy;

	long ntm;

	Map<String, Long> ids;

	@BeforeEach
	void setUp() {
		tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		ntm = data.setId("QD318_XA_NTM");
		ids = Map.of("phu", assessment("20371"), "ngoc", assessment("20389"), "thanh", assessment("20359"), "thang",
				assessment("20362"));
		// the seeds are history (approved); this year's path starts from drafts
		jdbc.sql("update assessment set status = 'DRAFT', status_at = null, status_by = null where id = any(:ids)")
			.param("ids", ids.values().toArray(Long[]::new))
			.update();
	}

	private long assessment(String code) {
		return jdbc.sql("select id from assessment where unit_id = :unit and set_id = :set and year = 2023")
			.param("unit", data.unit(code, TestData.BEFORE_REFORM).id())
			.param("set", ntm)
			.query(Long.class)
			.single();
	}

	@AfterEach
	void restore() {
		data.restoreSeedHistory(ids.values());
	}

	private void setStatus(String who, String status, int daysAgo) {
		jdbc.sql("""
				update assessment set status = :status, status_at = now() - make_interval(days => :days),
				    status_by = 'tamky' where id = :id
				""").param("status", status).param("days", daysAgo).param("id", ids.get(who)).update();
	}

	private void check(String who, String criterion, String verdict, String reason) {
		jdbc.sql("""
				insert into assessment_check (assessment_id, criterion_number, verdict, reason, checked_by, checked_at,
				    checked_in)
				values (:id, :criterion, :verdict, :reason, 'soyte', now(), 0)
				""")
			.param("id", ids.get(who))
			.param("criterion", criterion)
			.param("verdict", verdict)
			.param("reason", reason)
			.update();
	}

	/**
	 * Tam Thanh submitted 10 days ago, criteria 3 and 15 not checked yet and 16 returned;
	 * Tam Ngọc reviewed 5 days ago; Tam Phú approved 2 days ago; Tam Thăng still a draft.
	 */
	private void path() {
		setStatus("thanh", "SUBMITTED", 10);
		for (int i = 1; i <= 19; i++) {
			if (i != 3 && i != 15 && i != 16) {
				check("thanh", String.valueOf(i), "AGREED", null);
			}
		}
		check("thanh", "16", "RETURNED", "Thiếu biên bản bình xét thôn văn hóa");
		setStatus("ngoc", "REVIEWED", 5);
		setStatus("phu", "APPROVED", 2);
	}

	private ResultActions page(String path, String... params) throws Exception {
		var request = get(path, tamKy).param("set", String.valueOf(ntm)).param("year", "2023");
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request.with(user("tamky")));
	}

	@Test
	void shouldShowWhomEachCommuneWaitsForLongestWaitingFirst() throws Exception {
		path();
		String html = page("/units/{id}/assessments/progress").andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("Tiến độ nộp và thẩm định hồ sơ các đơn vị thuộc Thành phố Tam Kỳ"),
					containsString("Cán bộ phụ trách tiêu chí kiểm tra"),
					containsString("Chưa kiểm tra 2 tiêu chí: 3, 15"),
					containsString("Tiêu chí 16: Thiếu biên bản bình xét thôn văn hóa (soyte,"),
					containsString("Cấp tỉnh thẩm định"), containsString("Đã xong"),
					containsString("Cấp xã (đơn vị nhập, nộp hoặc sửa hồ sơ)"), containsString("id=\"to-matrix\""))))
			.andExpect(content()
				.string(matchesPattern("(?s).*Xã Tam Thanh.*>10<.*Xã Tam Ngọc.*>5<.*Xã Tam Phú.*>2<.*Xã Tam Thăng.*")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html)
			.containsPattern("data-state=\"SUBMITTED\"[^>]*>\\s*<span>Đã nộp, chờ kiểm tra</span>\\s*"
					+ "<span class=\"badge[^\"]*\">1</span>")
			.containsPattern(
					"data-state=\"DRAFT\"[^>]*>\\s*<span>Đang nhập</span>\\s*<span class=\"badge[^\"]*\">1</span>")
			.containsPattern("data-state=\"NONE\"[^>]*>\\s*<span>Chưa mở kỳ đánh giá</span>\\s*"
					+ "<span class=\"badge[^\"]*\">0</span>");
		// the matrix and the list of units link here
		mvc.perform(get("/units/{id}/evaluations/matrix", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user("tamky"))).andExpect(content().string(containsString("id=\"to-progress\"")));
		mvc.perform(get("/units/{id}/evaluations/within", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user("tamky"))).andExpect(content().string(containsString("id=\"to-progress\"")));
	}

	@Test
	void shouldWaitForTheLevelAboveOnceEveryCriterionIsAgreed() throws Exception {
		setStatus("thanh", "SUBMITTED", 3);
		for (int i = 1; i <= 19; i++) {
			check("thanh", String.valueOf(i), "AGREED", null);
		}
		setStatus("thang", "RETURNED", 1);
		jdbc.sql("""
				insert into assessment_step (assessment_id, action, from_status, to_status, reason, actor, at)
				values (:id, 'RETURN', 'SUBMITTED', 'RETURNED', 'Bổ sung số liệu tiêu chí 2', 'tamky', now())
				""").param("id", ids.get("thang")).update();
		page("/units/{id}/assessments/progress", "status", "submitted").andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Xã Tam Thanh"), containsString("Cấp trên thẩm tra"),
					not(containsString(">Xã Tam Thăng<")), not(containsString("Chưa kiểm tra")))));
		page("/units/{id}/assessments/progress", "status", "RETURNED").andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString(">Xã Tam Thăng<"), containsString("Lý do trả lại: Bổ sung số liệu tiêu chí 2"),
							not(containsString(">Xã Tam Thanh<")))));
		page("/units/{id}/assessments/progress", "status", "LOST").andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(containsString("Giá trị &quot;LOST&quot; không hợp lệ cho ô &quot;Trạng thái hồ sơ&quot;")));
	}

	@Test
	void shouldSayWhenNoAssessmentWasOpened() throws Exception {
		// QĐ 318 nâng cao in 2024: the communes other tests have not opened
		long nangCao = data.setId("QD318_XA_NTM_NC");
		int opened = jdbc.sql("""
				select count(*) from assessment where set_id = :set and year = 2024 and unit_id = any(:units)
				""")
			.param("set", nangCao)
			.param("units",
					java.util.stream.Stream.of("20371", "20389", "20359", "20362")
						.map(code -> data.unit(code, TestData.BEFORE_REFORM).id())
						.toArray(Long[]::new))
			.query(Integer.class)
			.single();
		mvc.perform(get("/units/{id}/assessments/progress", tamKy).param("set", String.valueOf(nangCao))
			.param("year", "2024")
			.with(user("tamky")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Chưa mở kỳ đánh giá"), containsString("Xã Tam Thanh"))))
			.andExpect(content().string(matchesPattern(
					"(?s).*data-state=\"NONE\"[^>]*>\\s*<span>Chưa mở kỳ đánh giá</span>\\s*<span class=\"badge[^\"]*\">"
							+ (4 - opened) + "</span>.*")));
	}

	@Test
	void shouldWriteTheSameAsAnXlsx() throws Exception {
		path();
		byte[] xlsx = page("/units/{id}/assessments/progress.xlsx").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		DataFormatter f = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("Tiến độ đánh giá");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
				.startsWith("Tiến độ nộp và thẩm định hồ sơ các đơn vị thuộc Thành phố Tam Kỳ — QD318_XA_NTM v")
				.contains("năm 2023");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("Đã nộp, chờ kiểm tra: 1")
				.contains("Đã thẩm định, phê duyệt: 1");
			assertThat(f.formatCellValue(sheet.getRow(3).getCell(0))).isEqualTo("Đơn vị");
			assertThat(f.formatCellValue(sheet.getRow(3).getCell(4))).isEqualTo("Đang chờ");
			var first = sheet.getRow(4);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Xã Tam Thanh");
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("Đã nộp, chờ kiểm tra");
			assertThat(first.getCell(2).getStringCellValue()).matches("\\d{2}/\\d{2}/\\d{4}");
			assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(10.0);
			assertThat(first.getCell(4).getStringCellValue()).isEqualTo("Cán bộ phụ trách tiêu chí kiểm tra");
			assertThat(first.getCell(5).getStringCellValue()).isEqualTo("3, 15");
			assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(1.0);
			assertThat(first.getCell(7).getStringCellValue())
				.isEqualTo("Tiêu chí 16: Thiếu biên bản bình xét thôn văn hóa");
			assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Xã Tam Ngọc");
			assertThat(sheet.getRow(7).getCell(0).getStringCellValue()).isEqualTo("Xã Tam Thăng");
		}
		byte[] submitted = page("/units/{id}/assessments/progress.xlsx", "status", "SUBMITTED").andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(submitted))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Xã Tam Thanh");
		}
	}

	@Test
	void shouldAnswerTheSameInTheApi() throws Exception {
		path();
		mvc.perform(get("/api/v1/units/{id}/assessments/progress", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(httpBasic("tamky", "NtmDemo@2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.SUBMITTED").value(1))
			.andExpect(jsonPath("$.totals.NONE").value(0))
			.andExpect(
					jsonPath("$.rows[*].label", contains("Xã Tam Thanh", "Xã Tam Ngọc", "Xã Tam Phú", "Xã Tam Thăng")))
			.andExpect(jsonPath("$.rows[0].status").value("SUBMITTED"))
			.andExpect(jsonPath("$.rows[0].statusText").value("Đã nộp, chờ kiểm tra"))
			.andExpect(jsonPath("$.rows[0].days").value(10))
			.andExpect(jsonPath("$.rows[0].waitingFor").value("CRITERION_OFFICERS"))
			.andExpect(jsonPath("$.rows[0].uncheckedCriteria", contains("3", "15")))
			.andExpect(jsonPath("$.rows[0].returned[0].criterion").value("16"))
			.andExpect(jsonPath("$.rows[0].returned[0].reason").value("Thiếu biên bản bình xét thôn văn hóa"))
			.andExpect(jsonPath("$.rows[1].waitingFor").value("APPRAISAL"))
			.andExpect(jsonPath("$.rows[2].waitingFor").value("DONE"))
			.andExpect(jsonPath("$.rows[3].waitingFor").value("UNIT"));
	}

	@Test
	void shouldRefuseOfficersOfACommune() throws Exception {
		UserView outsider = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07885");
		for (String path : List.of("/units/{id}/assessments/progress", "/units/{id}/assessments/progress.xlsx",
				"/api/v1/units/{id}/assessments/progress")) {
			for (String who : List.of(outsider.username(), "tamthanh")) {
				mvc.perform(get(path, tamKy).param("set", String.valueOf(ntm)).param("year", "2023").with(user(who)))
					.andExpect(status().isForbidden());
			}
		}
	}

}
