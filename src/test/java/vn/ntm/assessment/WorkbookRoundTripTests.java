package vn.ntm.assessment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.criteria.engine.CriterionResult;
import vn.ntm.criteria.engine.Status;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Excel round trip of assessments with real .xlsx files: the template of Tam Kỳ's
 * communes (units, indicators, the bar for each unit, validations, protection, hidden
 * keys) read back with POI; a filled template previewed and applied, changing the
 * evaluation; malformed files, a 50 MB file, a zip bomb, a renamed text file, a locked
 * assessment and a change made after the download all refused with their place and
 * nothing changed in the database.
 */
@IntegrationTest
class WorkbookRoundTripTests {

	private static final String VALUES = "Nhập liệu";

	private static final String CLAIMS = "Kết quả tiêu chí";

	private static final int VALUE = 8;

	private static final int NUMERATOR = 9;

	private static final int DENOMINATOR = 10;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	long tamKy;

	long ntm;

	long city;

	final RequestPostProcessor tamky = user("tamky");

	@BeforeEach
	void setUp() {
		tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		ntm = data.setId("QD318_XA_NTM");
		city = data.setId("QD320_TX_TP_HTNV");
	}

	@Test
	void shouldWriteTheTemplateOfTamKysCommunesWithTheirBarsValidationsAndKeys() throws Exception {
		byte[] xlsx = template(tamKy, ntm, 2021, "children");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
					workbook.getSheetName(3)))
				.containsExactly("Hướng dẫn", VALUES, CLAIMS, "_khoa");
			assertThat(workbook.getSheetVisibility(3)).isEqualTo(SheetVisibility.VERY_HIDDEN);
			assertThat(text(workbook.getSheet("Hướng dẫn"), 0, 0)).contains("QD318_XA_NTM v1", "năm 2021", "4 đơn vị");
			XSSFSheet values = workbook.getSheet(VALUES);
			assertThat(row(values, 0)).startsWith("Mã đơn vị", "Đơn vị", "Tiêu chí", "Mã chỉ tiêu", "Chỉ tiêu",
					"Đơn vị tính/loại", "Yêu cầu với đơn vị", "Giá trị hiện có", "Giá trị", "Tử số", "Mẫu số",
					"Ghi chú", "Nguồn");
			// four communes × 44 indicators, grouped by unit then criterion
			assertThat(values.getLastRowNum()).isEqualTo(4 * 44);
			List<String> codes = new ArrayList<>();
			for (int r = 1; r <= values.getLastRowNum(); r++) {
				String code = text(values, r, 0);
				if (!codes.contains(code)) {
					codes.add(code);
				}
			}
			assertThat(codes).hasSize(4).contains("20359", "20371", "20362");
			int tamThanh31 = find(values, "20359", "3.1");
			assertThat(row(values, tamThanh31)).contains("Xã Tam Thanh", "3", "Tỷ lệ (%)", "≥ 80%");
			assertThat(text(values, find(values, "20359", "3.2"), 5)).isEqualTo("Có/Không");
			// key columns locked, value columns open, the sheet protected without a
			// password
			assertThat(values.getProtect()).isTrue();
			assertThat(values.getCTWorksheet().getSheetProtection().isSetPassword()).isFalse();
			assertThat(values.getRow(tamThanh31).getCell(3).getCellStyle().getLocked()).isTrue();
			assertThat(values.getRow(tamThanh31).getCell(VALUE).getCellStyle().getLocked()).isFalse();
			assertThat(values.getRow(tamThanh31).getCell(NUMERATOR).getCellStyle().getLocked()).isFalse();
			assertThat(values.isColumnHidden(13)).isTrue();
			assertThat(values.getPaneInformation().isFreezePane()).isTrue();
			assertThat(values.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			// validations: yes/no lists, 0–100 for shares, whole counts, with Vietnamese
			// prompts
			List<? extends DataValidation> validations = values.getDataValidations();
			assertThat(validations).anySatisfy(v -> {
				assertThat(v.getValidationConstraint().getValidationType())
					.isEqualTo(DataValidationConstraint.ValidationType.LIST);
				assertThat(v.getValidationConstraint().getExplicitListValues()).containsExactly("Có", "Không");
				assertThat(v.getPromptBoxText()).contains("Chọn");
			});
			assertThat(validations).anySatisfy(v -> {
				assertThat(v.getValidationConstraint().getValidationType())
					.isEqualTo(DataValidationConstraint.ValidationType.DECIMAL);
				assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("0");
				assertThat(v.getValidationConstraint().getFormula2()).isEqualTo("100");
				assertThat(v.getRegions().getCellRangeAddresses()).anySatisfy(range -> {
					assertThat(range.isInRange(tamThanh31, VALUE)).isTrue();
				});
				assertThat(v.getPromptBoxText()).contains("phần trăm");
			});
			assertThat(validations).anySatisfy(v -> {
				assertThat(v.getValidationConstraint().getValidationType())
					.isEqualTo(DataValidationConstraint.ValidationType.INTEGER);
				assertThat(v.getRegions().getCellRangeAddresses()).anySatisfy(range -> {
					assertThat(range.isInRange(tamThanh31, DENOMINATOR)).isTrue();
				});
			});
			XSSFSheet claims = workbook.getSheet(CLAIMS);
			assertThat(row(claims, 0)).containsExactly("Mã đơn vị", "Đơn vị", "Tiêu chí", "Tên tiêu chí",
					"Kết quả hiện có", "Kết quả");
			assertThat(claims.getLastRowNum()).isEqualTo(4 * 19);
			assertThat(claims.getDataValidations())
				.anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues()).containsExactly("Đạt",
						"Chưa đạt"));
			Sheet keys = workbook.getSheet("_khoa");
			assertThat(text(keys, 0, 0)).isEqualTo("NTM-MAU-NHAP-DANH-GIA");
			assertThat((long) keys.getRow(0).getCell(1).getNumericCellValue()).isEqualTo(ntm);
		}
	}

	@Test
	void shouldShowTheBarOfTheCityAndMarkComputedIndicatorsReadOnly() throws Exception {
		byte[] xlsx = template(tamKy, city, 2021, "unit");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			XSSFSheet values = workbook.getSheet(VALUES);
			int share = find(values, "502", "1");
			assertThat(text(values, share, 5)).contains("tự tính, không nhập");
			assertThat(text(values, share, 6)).isEqualTo("≥ 100%");
			assertThat(values.getRow(share).getCell(VALUE).getCellStyle().getLocked()).isTrue();
			assertThat(text(values, find(values, "502", "5.2"), 5)).isEqualTo("Số lượng (người)");
		}
	}

	@Test
	void shouldApplyAFilledTemplateAllAtOnceAndChangeTheEvaluation() throws Exception {
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		assertThat(criterionStatus(tamThanh, ntm, 2021, "3")).isNotEqualTo(Status.MET);
		byte[] filled = fill(template(tamKy, ntm, 2021, "children"), workbook -> {
			Sheet values = workbook.getSheet(VALUES);
			set(values, find(values, "20359", "3.1"), VALUE, 90.5);
			set(values, find(values, "20359", "3.2"), VALUE, "Có");
			set(values, find(values, "20359", "3.2"), 11, "Biên bản kiểm tra");
			set(values, find(values, "20362", "3.1"), NUMERATOR, 1276);
			set(values, find(values, "20362", "3.1"), DENOMINATOR, 1413);
			set(values, find(values, "20362", "10"), VALUE, "52,3");
			Sheet claims = workbook.getSheet(CLAIMS);
			set(claims, find(claims, "20359", "1"), 5, "Đạt");
		});
		JsonNode job = upload(filled, "tam-ky-2021.xlsx");
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("READY");
		assertThat(job.get("errors")).isEmpty();
		assertThat(job.get("changes")).hasSize(5);
		assertThat(job.toString()).contains("\"code\":\"3.1\"", "\"after\":\"90,5%\"", "\"after\":\"Có\"",
				"90,3% (1.276/1.413)", "\"after\":\"52,3 triệu đồng/người/năm\"", "\"code\":\"TC 1\"");
		// nothing is applied before "Áp dụng"
		assertThat(SystemTask.call(() -> assessments.find(tamThanh, ntm, 2021))).isEmpty();

		mvc.perform(post("/api/v1/assessments/uploads/{id}/apply", job.get("id").asString()).with(tamky).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPLIED"))
			.andExpect(jsonPath("$.summary").value("Đã áp dụng 5 thay đổi cho 2 đơn vị."));

		AssessmentView saved = SystemTask.call(() -> assessments.find(tamThanh, ntm, 2021)).orElseThrow();
		assertThat(saved.updatedBy()).isEqualTo("tamky");
		assertThat(saved.valueCount()).isEqualTo(2);
		assertThat(criterionStatus(tamThanh, ntm, 2021, "3")).isEqualTo(Status.MET);
		CriterionResult first = criterion(tamThanh, ntm, 2021, "1");
		assertThat(first.status()).isEqualTo(Status.MET);
		assertThat(first.basis()).isEqualTo(CriterionResult.Basis.DIRECT);
		var input = SystemTask.call(() -> assessments.input(saved.id()));
		assertThat(input.values().get("3.1").display()).isEqualTo("90,5");
		long other = data.unit("20362", TestData.BEFORE_REFORM).id();
		var otherInput = SystemTask
			.call(() -> assessments.input(assessments.find(other, ntm, 2021).orElseThrow().id()));
		assertThat(otherInput.values().get("3.1").display()).isEqualTo("90,3% (1.276/1.413)");
		// audited through the facade
		assertThat(jdbc
			.sql("select count(*) from audit_event where entity_type = 'assessment' and entity_id = :id"
					+ " and actor = 'tamky'")
			.param("id", String.valueOf(saved.id()))
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
		// applying twice is refused
		mvc.perform(post("/api/v1/assessments/uploads/{id}/apply", job.get("id").asString()).with(tamky).with(csrf()))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void shouldRefuseWrongUnitsTextInNumbersUnknownCodesAndComputedIndicatorsNamingEachCell() throws Exception {
		AssessmentView before = openWith(tamKy, city, 2022, "{\"5.2\": {\"number\": 1000}}");
		byte[] filled = fill(template(tamKy, city, 2022, "unit"), workbook -> {
			Sheet values = workbook.getSheet(VALUES);
			set(values, find(values, "502", "5.2"), VALUE, "85%");
			set(values, find(values, "502", "5.1"), VALUE, "12 m2");
			set(values, find(values, "502", "5.4"), VALUE, "khoảng 80");
			set(values, find(values, "502", "4.1"), VALUE, 120);
			set(values, find(values, "502", "4.2"), NUMERATOR, 10);
			set(values, find(values, "502", "4.2"), DENOMINATOR, 5);
			set(values, find(values, "502", "1"), VALUE, 100);
			int renamed = find(values, "502", "5.5");
			set(values, renamed, 3, "9.9");
			set(values, renamed, VALUE, 3);
			int foreign = find(values, "502", "2");
			set(values, foreign, 0, "99999");
			set(values, foreign, VALUE, 7);
			Sheet claims = workbook.getSheet(CLAIMS);
			set(claims, 1, 2, "42");
			set(claims, 1, 5, "Đạt");
			set(claims, 2, 5, "Tốt");
		});
		JsonNode job = upload(filled, "tam-ky-loi.xlsx");
		assertThat(job.get("status").asString()).isEqualTo("INVALID");
		Map<String, String> errors = errors(job);
		assertThat(errors).containsEntry(VALUES + "!" + (find(filled, "502", "5.2") + 1) + "!Giá trị",
				"Chỉ tiêu 5.2 (Số lượng) không phải tỷ lệ: không nhập \"85%\" dạng phần trăm.");
		assertThat(errors.get(VALUES + "!" + (find(filled, "502", "5.1") + 1) + "!Giá trị"))
			.isEqualTo("Chỉ tiêu 5.1 (Số lượng có đơn vị): \"12 m2\" có kèm đơn vị; chỉ nhập số (đơn vị tính: m²).");
		assertThat(errors.get(VALUES + "!" + (find(filled, "502", "5.4") + 1) + "!Giá trị"))
			.isEqualTo("Chỉ tiêu 5.4 (Số lượng có đơn vị): \"khoảng 80\" không phải là số.");
		// the engine's rules, the same words as on the entry page and in the API
		assertThat(errors.get(VALUES + "!" + (find(filled, "502", "4.1") + 1) + "!Giá trị"))
			.isEqualTo("Chỉ tiêu 4.1 — Giá trị: tỷ lệ 120% phải từ 0 đến 100%.");
		assertThat(errors.get(VALUES + "!" + (find(filled, "502", "4.2") + 1) + "!Tử số"))
			.isEqualTo("Chỉ tiêu 4.2 — Tử số: tử số (10) lớn hơn mẫu số (5).");
		assertThat(errors.get(VALUES + "!" + (find(filled, "502", "1") + 1) + "!Giá trị"))
			.contains("Chỉ tiêu 1 được tính tự động");
		assertThat(errors).containsValue("Mã chỉ tiêu \"9.9\" không có trong bộ tiêu chí QD320_TX_TP_HTNV.");
		assertThat(errors).containsValue("Mã đơn vị \"99999\" không thuộc phạm vi của mẫu nhập liệu này.");
		assertThat(errors.get(CLAIMS + "!2!Tiêu chí"))
			.isEqualTo("Tiêu chí \"42\" không có trong bộ tiêu chí QD320_TX_TP_HTNV.");
		assertThat(errors.get(CLAIMS + "!3!Kết quả")).contains("phải là \"Đạt\" hoặc \"Chưa đạt\", không phải \"Tốt\"");
		// no "Áp dụng" while there are errors
		mvc.perform(post("/api/v1/assessments/uploads/{id}/apply", job.get("id").asString()).with(tamky).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		// the page shows the errors and a disabled button
		mvc.perform(get("/assessments/uploads/{id}", job.get("id").asString()).with(tamky))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("tử số (10) lớn hơn mẫu số (5)")))
			.andExpect(content().string(containsString("id=\"upload-apply\" disabled")));
		assertUnchanged(before, "5.2", "1.000");
	}

	/**
	 * Issue 10: an indicator written "Không đạt" with its reason (no figure) in the
	 * template comes back as stated, decides its criterion and is named in its reason;
	 * the rules for figures are the engine's (Xã Cẩm Kim, Hội An, 2024).
	 */
	@Test
	void shouldTakeIndicatorsStatedWithoutTheirFigureAndRefuseWhatTheEngineRefuses() throws Exception {
		RequestPostProcessor province = user(
				data.user(vn.ntm.security.Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "503").username());
		long camKim = data.unit("20425", TestData.BEFORE_REFORM).id();
		byte[] template = template(camKim, ntm, 2024, "unit", province);
		byte[] wrong = fill(template, workbook -> {
			Sheet values = workbook.getSheet(VALUES);
			set(values, find(values, "20425", "15.3"), VALUE, "Không đạt");
			set(values, find(values, "20425", "15.1"), NUMERATOR, 15);
			set(values, find(values, "20425", "15.1"), DENOMINATOR, 10);
			set(values, find(values, "20425", "3.1"), VALUE, "1,234,567");
			set(values, find(values, "20425", "6.3"), VALUE, -20);
		});
		JsonNode invalid = upload(wrong, "cam-kim-loi.xlsx", province);
		assertThat(invalid.get("status").asString()).as(invalid.toString()).isEqualTo("INVALID");
		Map<String, String> errors = errors(invalid);
		assertThat(errors.get(VALUES + "!" + (find(wrong, "20425", "15.3") + 1) + "!Ghi chú"))
			.isEqualTo("Chỉ tiêu 15.3 — Ghi chú (lý do): ghi Đạt/Không đạt không kèm số liệu thì phải nêu lý do.");
		assertThat(errors.get(VALUES + "!" + (find(wrong, "20425", "15.1") + 1) + "!Tử số"))
			.isEqualTo("Chỉ tiêu 15.1 — Tử số: tử số (15) lớn hơn mẫu số (10).");
		assertThat(errors.get(VALUES + "!" + (find(wrong, "20425", "3.1") + 1) + "!Giá trị")).contains("1,234,567",
				"không phải là số");
		assertThat(errors.get(VALUES + "!" + (find(wrong, "20425", "6.3") + 1) + "!Giá trị"))
			.isEqualTo("Chỉ tiêu 6.3 — Giá trị: tỷ lệ -20% phải từ 0 đến 100%.");

		byte[] filled = fill(template, workbook -> {
			Sheet values = workbook.getSheet(VALUES);
			set(values, find(values, "20425", "15.3"), VALUE, "Không đạt");
			set(values, find(values, "20425", "15.3"), 11, "Báo cáo tiến độ 6 tháng nêu 15.3 chưa đạt");
			set(values, find(values, "20425", "15.1"), VALUE, "Đạt");
			set(values, find(values, "20425", "15.1"), 11, "BHXH huyện xác nhận");
		});
		JsonNode job = upload(filled, "cam-kim.xlsx", province);
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("READY");
		assertThat(job.toString()).contains("\"after\":\"Không đạt\"", "\"after\":\"Đạt\"");
		mvc.perform(
				post("/api/v1/assessments/uploads/{id}/apply", job.get("id").asString()).with(province).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPLIED"));
		AssessmentView saved = SystemTask.call(() -> assessments.find(camKim, ntm, 2024)).orElseThrow();
		ValueInput stated = SystemTask.call(() -> assessments.values(saved.id())).get("15.3");
		assertThat(stated.verdict()).isFalse();
		assertThat(stated.note()).isEqualTo("Báo cáo tiến độ 6 tháng nêu 15.3 chưa đạt");
		CriterionResult fifteen = criterion(camKim, ntm, 2024, "15");
		assertThat(fifteen.status()).isEqualTo(Status.NOT_MET);
		assertThat(fifteen.failingIndicators()).containsExactly("15.3");
		// the round trip: the next template shows the stated results as they are
		byte[] again = template(camKim, ntm, 2024, "unit", province);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(again))) {
			Sheet values = workbook.getSheet(VALUES);
			assertThat(text(values, find(values, "20425", "15.3"), 7)).isEqualTo("Không đạt");
			assertThat(text(values, find(values, "20425", "15.1"), 7)).isEqualTo("Đạt");
		}
	}

	@Test
	void shouldRefuseA50MegabyteFileAZipBombAndARenamedTextFileBeforeReadingThem() throws Exception {
		AssessmentView before = openWith(tamKy, city, 2023, "{\"5.2\": {\"number\": 2000}}");
		long jobs = jobCount();
		byte[] big = new byte[50 * 1024 * 1024];
		big[0] = 'P';
		big[1] = 'K';
		mvc.perform(multipart("/api/v1/assessments/uploads")
			.file(new MockMultipartFile("file", "lon.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE, big))
			.with(tamky)
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(
					"Tệp quá lớn (52,4 MB): chỉ nhận tệp đến 10 MB. Hãy chia tệp theo đơn vị hoặc xóa các trang thừa."));
		mvc.perform(multipart("/api/v1/assessments/uploads")
			.file(new MockMultipartFile("file", "ghi-chu.xlsx", "text/plain",
					"Đây là ghi chú, không phải bảng tính".getBytes(StandardCharsets.UTF_8)))
			.with(tamky)
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("\"ghi-chu.xlsx\" không phải tệp Excel .xlsx")));
		// the page answers the same in words
		mvc.perform(multipart("/assessments/uploads")
			.file(new MockMultipartFile("file", "ghi-chu.xlsx", "text/plain", "abc".getBytes(StandardCharsets.UTF_8)))
			.with(tamky)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("không phải tệp Excel .xlsx")));
		assertThat(jobCount()).isEqualTo(jobs);

		byte[] template = fill(template(tamKy, city, 2023, "unit"), workbook -> {
			Sheet values = workbook.getSheet(VALUES);
			set(values, find(values, "502", "5.2"), VALUE, 5000);
		});
		byte[] bomb = inflate(template, "xl/worksheets/sheet2.xml", 60 * 1024 * 1024);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		JsonNode job = upload(bomb, "bom.xlsx");
		assertThat(job.get("status").asString()).isEqualTo("INVALID");
		assertThat(job.get("errors").get(0).get("message").asString()).isEqualTo(
				"Tệp bị từ chối: nội dung giải nén lớn bất thường so với dung lượng tệp (nghi tệp nén độc hại).");
		assertUnchanged(before, "5.2", "2.000");
	}

	@Test
	void shouldRefuseALockedAssessmentAndNameWhoChangedOneAfterTheDownload() throws Exception {
		// a submitted assessment
		long tamPhu = data.unit("20371", TestData.BEFORE_REFORM).id();
		AssessmentView locked = openWith(tamPhu, ntm, 2021, "{\"3.1\": {\"number\": 70}}");
		jdbc.sql("update assessment set status = 'SUBMITTED' where id = :id").param("id", locked.id()).update();
		try {
			byte[] filled = fill(template(tamPhu, ntm, 2021, "unit"), workbook -> {
				Sheet values = workbook.getSheet(VALUES);
				set(values, find(values, "20371", "3.1"), VALUE, 95);
			});
			JsonNode job = upload(filled, "tam-phu.xlsx");
			assertThat(job.get("status").asString()).isEqualTo("INVALID");
			assertThat(errors(job)).containsValue(
					"Kỳ đánh giá của Xã Tam Phú đang ở trạng thái \"Đã nộp, chờ kiểm tra\": không sửa được (chỉ sửa khi đang nhập hoặc bị trả lại).");
			assertUnchanged(locked, "3.1", "70");
		}
		finally {
			jdbc.sql("update assessment set status = 'DRAFT' where id = :id").param("id", locked.id()).update();
		}

		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		AssessmentView read = openWith(tamThanh, ntm, 2022, "{\"3.1\": {\"number\": 60}}");
		byte[] filled = fill(template(tamThanh, ntm, 2022, "unit"), workbook -> {
			Sheet values = workbook.getSheet(VALUES);
			set(values, find(values, "20359", "3.1"), VALUE, 88);
		});
		// someone else saves after the download
		mvc.perform(put("/api/v1/assessments/{id}/entries", read.id()).with(user("tamthanh"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"values\": {\"3.1\": {\"number\": 65}}, \"expectedVersion\": " + read.rowVersion() + "}"))
			.andExpect(status().isOk());
		AssessmentView changed = SystemTask.call(() -> assessments.get(read.id()));
		JsonNode job = upload(filled, "tam-thanh.xlsx");
		assertThat(job.get("status").asString()).isEqualTo("INVALID");
		assertThat(errors(job).values()).anySatisfy(
				message -> assertThat(message).startsWith("Kỳ đánh giá của Xã Tam Thanh đã được tamthanh sửa lúc ")
					.endsWith("sau khi mẫu được tải về: hãy tải mẫu mới và điền lại."));
		assertUnchanged(changed, "3.1", "65");

		// a change between the check and "Áp dụng": refused when applying, nothing saved
		byte[] again = fill(template(tamThanh, ntm, 2022, "unit"), workbook -> {
			Sheet values = workbook.getSheet(VALUES);
			set(values, find(values, "20359", "3.1"), VALUE, 88);
			set(values, find(values, "20359", "3.2"), VALUE, "Có");
		});
		JsonNode ready = upload(again, "tam-thanh-2.xlsx");
		assertThat(ready.get("status").asString()).isEqualTo("READY");
		mvc.perform(put("/api/v1/assessments/{id}/entries", read.id()).with(user("tamthanh"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"values\": {\"3.1\": {\"number\": 66}}, \"expectedVersion\": " + changed.rowVersion() + "}"))
			.andExpect(status().isOk());
		AssessmentView last = SystemTask.call(() -> assessments.get(read.id()));
		mvc.perform(post("/api/v1/assessments/uploads/{id}/apply", ready.get("id").asString()).with(tamky).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("tamthanh")))
			.andExpect(jsonPath("$.summary").value("Đã hủy toàn bộ; số liệu giữ nguyên như trước."))
			// a failed job says only that nothing was saved: no preview of what it would
			// have
			// changed
			.andExpect(jsonPath("$.changes").isEmpty());
		assertUnchanged(last, "3.1", "66");
		assertThat(SystemTask.call(() -> assessments.input(read.id())).values()).doesNotContainKey("3.2");
	}

	@Test
	void shouldShowTheLinksOnTheMatrixAndTheEvaluationPage() throws Exception {
		mvc.perform(get("/units/{id}/evaluations/matrix", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(tamky))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tải mẫu nhập liệu (.xlsx)")))
			.andExpect(content().string(containsString("scope=children")))
			.andExpect(content().string(containsString("Tải lên tệp đã điền")));
		// no template of units outside one's own, answered as problem JSON
		mvc.perform(get("/api/v1/units/{id}/assessments/template.xlsx", data.unit("02314", TestData.BEFORE_REFORM).id())
			.param("set", String.valueOf(ntm))
			.param("year", "2021")
			.with(tamky)).andExpect(status().isForbidden()).andExpect(header().doesNotExist("Content-Disposition"));
		mvc.perform(get("/api/v1/units/{id}/assessments/template.xlsx", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2021")
			.param("scope", "all")
			.with(tamky))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("scope=children")));
		mvc.perform(get("/assessments/uploads/new").with(tamky))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tải lên và kiểm tra")));
	}

	// helpers

	private byte[] template(long unit, long set, int year, String scope) throws Exception {
		return template(unit, set, year, scope, tamky);
	}

	private byte[] template(long unit, long set, int year, String scope, RequestPostProcessor who) throws Exception {
		return mvc
			.perform(get("/api/v1/units/{id}/assessments/template.xlsx", unit).param("set", String.valueOf(set))
				.param("year", String.valueOf(year))
				.param("scope", scope)
				.with(who))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private JsonNode upload(byte[] xlsx, String name) throws Exception {
		return upload(xlsx, name, tamky);
	}

	private JsonNode upload(byte[] xlsx, String name, RequestPostProcessor who) throws Exception {
		String created = mvc
			.perform(multipart("/api/v1/assessments/uploads")
				.file(new MockMultipartFile("file", name, MediaType.APPLICATION_OCTET_STREAM_VALUE, xlsx))
				.with(who)
				.with(csrf()))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = json.readTree(created).get("id").asString();
		for (int i = 0; i < 600; i++) {
			JsonNode job = json.readTree(mvc.perform(get("/api/v1/assessments/uploads/{id}", id).with(who))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
			if (!"VALIDATING".equals(job.get("status").asString())) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the upload was not checked in time");
	}

	private static Map<String, String> errors(JsonNode job) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		job.get("errors")
			.forEach(e -> errors.put(
					e.get("sheet").asString() + "!" + e.get("row").asInt() + "!" + e.get("column").asString(),
					e.get("message").asString()));
		return errors;
	}

	private AssessmentView openWith(long unit, long set, int year, String values) throws Exception {
		AssessmentView view = SystemTask.call(() -> assessments.find(unit, set, year)
			.orElseGet(() -> assessments.open(new NewAssessment(unit, set, year, null, null, null))));
		mvc.perform(put("/api/v1/assessments/{id}/entries", view.id()).with(tamky)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"values\": " + values + ", \"expectedVersion\": " + view.rowVersion() + "}"))
			.andExpect(status().isOk());
		return SystemTask.call(() -> assessments.get(view.id()));
	}

	private void assertUnchanged(AssessmentView before, String code, String display) {
		AssessmentView now = SystemTask.call(() -> assessments.get(before.id()));
		assertThat(now.rowVersion()).isEqualTo(before.rowVersion());
		assertThat(now.updatedAt()).isEqualTo(before.updatedAt());
		assertThat(now.valueCount()).isEqualTo(before.valueCount());
		assertThat(SystemTask.call(() -> assessments.input(before.id())).values().get(code).display())
			.isEqualTo(display);
	}

	private long jobCount() {
		return jdbc.sql("select count(*) from assessment_upload_job").query(Long.class).single();
	}

	private Status criterionStatus(long unit, long set, int year, String number) {
		return criterion(unit, set, year, number).status();
	}

	private CriterionResult criterion(long unit, long set, int year, String number) {
		return SystemTask.call(() -> assessments.evaluate(unit, set, year))
			.evaluation()
			.criteria()
			.stream()
			.filter(c -> c.number().equals(number))
			.findFirst()
			.orElseThrow();
	}

	private static byte[] fill(byte[] xlsx, Consumer<XSSFWorkbook> change) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			change.accept(workbook);
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * The template with the sheet's XML padded by a long run of spaces (compresses
	 * ~1000×).
	 */
	private static byte[] inflate(byte[] xlsx, String entryName, int spaces) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				byte[] content = in.readAllBytes();
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(entryName)) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int at = xml.indexOf("<sheetData");
					zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
					byte[] blank = new byte[1024 * 1024];
					java.util.Arrays.fill(blank, (byte) ' ');
					for (int i = 0; i < spaces / blank.length; i++) {
						zip.write(blank);
					}
					zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
				}
				else {
					zip.write(content);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static int find(byte[] xlsx, String unit, String code) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			return find(workbook.getSheet(VALUES), unit, code);
		}
	}

	/** The 0-based row of a unit's indicator (or criterion, on the results sheet). */
	private static int find(Sheet sheet, String unit, String code) {
		int column = sheet.getSheetName().equals(CLAIMS) ? 2 : 3;
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			if (unit.equals(text(sheet, r, 0)) && code.equals(text(sheet, r, column))) {
				return r;
			}
		}
		throw new AssertionError("no row for " + unit + " " + code);
	}

	private static void set(Sheet sheet, int row, int column, Object value) {
		Row r = sheet.getRow(row);
		Cell cell = r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
		if (value instanceof Number number) {
			cell.setCellValue(number.doubleValue());
		}
		else {
			cell.setCellValue(String.valueOf(value));
		}
	}

	private static String text(Sheet sheet, int row, int column) {
		Row r = sheet.getRow(row);
		return r == null || r.getCell(column) == null ? "" : new DataFormatter().formatCellValue(r.getCell(column));
	}

	private static List<String> row(Sheet sheet, int row) {
		List<String> cells = new ArrayList<>();
		for (Cell cell : sheet.getRow(row)) {
			cells.add(new DataFormatter().formatCellValue(cell));
		}
		return cells;
	}

	private static RequestPostProcessor csrf() {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
	}

}
