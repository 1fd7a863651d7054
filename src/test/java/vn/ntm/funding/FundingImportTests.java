package vn.ntm.funding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ntm.orgunit.Merge;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.shared.Money;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.shared.VnText;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import of capital plans, works, allocations and disbursements from real .xlsx files
 * built here with POI, run on the job facility: a good file saved exactly, a file with
 * one bad row (or one row a rule refuses) saving nothing and naming the row, another
 * unit's rows refused, the progress as the page polls it, and the template's round trip.
 */
@IntegrationTest
class FundingImportTests {

	static final String[] PLAN_HEADERS = { "Đơn vị", "Năm", "Nguồn vốn", "Loại", "Số tiền (triệu đồng)",
			"Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Chuyển từ năm", "Hạn giải ngân", "Đơn vị nhận",
			"Ghi chú" };

	static final String[] WORK_HEADERS = { "Đơn vị", "Tên công trình", "Mã dự án", "Chủ đầu tư", "Tiêu chí",
			"Tổng mức đầu tư (triệu đồng)", "Vốn đối ứng yêu cầu (triệu đồng)", "Ngày giao vốn",
			"Ngày lựa chọn nhà thầu", "Ngày hoàn thành", "Ngày quyết toán", "Giá trị quyết toán (triệu đồng)",
			"Ghi chú" };

	static final String[] ALLOCATION_HEADERS = { "Mã dự án", "Vốn năm", "Nguồn vốn", "Số tiền (triệu đồng)",
			"Số quyết định", "Ngày quyết định" };

	static final String[] PAYMENT_HEADERS = { "Mã dự án", "Ngày giải ngân", "Vốn năm", "Nguồn vốn", "Số tiền (đồng)",
			"Ghi chú" };

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestData data;

	@Autowired
	UnitManagement units;

	static Money tr(String text) {
		return Money.of(text, MoneyUnit.TRIEU);
	}

	/** A workbook of sheets, each a header and rows (numbers, dates and texts). */
	static final class Book {

		private final Map<String, List<Object[]>> sheets = new LinkedHashMap<>();

		Book sheet(String name, String[] headers, Object[]... rows) {
			List<Object[]> all = new ArrayList<>();
			all.add(headers);
			all.addAll(List.of(rows));
			sheets.put(name, all);
			return this;
		}

		byte[] bytes() throws Exception {
			try (XSSFWorkbook book = new XSSFWorkbook()) {
				CellStyle date = book.createCellStyle();
				date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
				for (Map.Entry<String, List<Object[]>> s : sheets.entrySet()) {
					Sheet sheet = book.createSheet(s.getKey());
					for (int r = 0; r < s.getValue().size(); r++) {
						fill(sheet.createRow(r), s.getValue().get(r), date);
					}
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				book.write(out);
				return out.toByteArray();
			}
		}

	}

	static void fill(Row row, Object[] values, CellStyle date) {
		for (int c = 0; c < values.length; c++) {
			Object v = values[c];
			if (v == null) {
				continue;
			}
			Cell cell = row.createCell(c);
			if (v instanceof Number n) {
				cell.setCellValue(n.doubleValue());
			}
			else if (v instanceof LocalDate d) {
				cell.setCellValue(d);
				cell.setCellStyle(date);
			}
			else {
				cell.setCellValue(String.valueOf(v));
			}
		}
	}

	record Commune(UnitRef unit, UserView officer) {
	}

	Commune commune(String name) {
		UnitRef unit = data.commune("502", name);
		return new Commune(unit, data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, unit.code()));
	}

	/** Uploads through the API (202) and returns the job. */
	UUID upload(long unitId, String username, byte[] xlsx) throws Exception {
		MvcResult result = mvc
			.perform(multipart("/api/v1/funding/units/{id}/imports", unitId)
				.file(new MockMultipartFile("file", "nguon-von.xlsx", XLSX, xlsx))
				.with(user(username))
				.with(csrf()))
			.andExpect(status().isAccepted())
			.andReturn();
		Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
			.matcher(result.getResponse().getContentAsString());
		assertThat(m.find()).isTrue();
		return UUID.fromString(m.group(1));
	}

	String jobStatus(UUID job) {
		return jdbc.sql("select status from funding_import_job where id = :id")
			.param("id", job)
			.query(String.class)
			.single();
	}

	/** Waits for the job to finish, returns its state as the API gives it. */
	String finished(UUID job, String username) throws Exception {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> List.of("DONE", "REJECTED", "FAILED").contains(jobStatus(job)));
		return mvc.perform(get("/api/v1/funding/imports/{id}", job).with(user(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	int count(String sql, Object id) {
		return jdbc.sql(sql).param("id", id).query(Integer.class).single();
	}

	Money sum(String sql, Object id) {
		BigDecimal dong = jdbc.sql(sql).param("id", id).query(BigDecimal.class).single();
		return new Money(dong == null ? BigDecimal.ZERO : dong);
	}

	/**
	 * Plans by code and by name without diacritics, two works, three allocations,
	 * payments.
	 */
	Book goodFile(Commune a, String code1, String code2) {
		String folded = VnText.searchKey(a.unit().fullName());
		UnitRef village = data.village(a.unit().id(), "Điều Chuyển " + TestData.unique(""));
		return new Book()
			.sheet("Kế hoạch vốn", PLAN_HEADERS,
					new Object[] { a.unit().code(), 2025, "NST", "Giao vốn", "1.500", "15/QĐ-UBND", "15/01/2025",
							"UBND tỉnh Quảng Nam", null, null, null, "vốn giao đầu năm" },
					new Object[] { folded, 2025, "Ngân sách xã", "Bổ sung", 200.25, "20/QĐ-UBND",
							LocalDate.of(2025, 3, 1), "UBND xã", null, null, null, null },
					new Object[] { a.unit().code(), 2025, "nst", "Cắt giảm", "100,5", "30/QĐ-UBND", "01/06/2025",
							"UBND tỉnh Quảng Nam", null, null, null, null },
					new Object[] { a.unit().code(), 2025, "NSTW_DTPT", "Chuyển nguồn", "300", "5/QĐ-UBND", "10/01/2025",
							"UBND tỉnh Quảng Nam", 2024, "31/12/2025", null, null },
					new Object[] { a.unit().code(), 2025, "NST", "Điều chuyển", "100", "50/QĐ-UBND", "01/07/2025",
							"UBND huyện", null, null, village.name(), "điều chuyển cho thôn" })
			.sheet("Công trình", WORK_HEADERS,
					new Object[] { a.unit().code(), "Đường trục thôn Một", code1, "UBND xã", "2", "2.000", "200",
							"15/01/2025", LocalDate.of(2025, 3, 1), "30/09/2025", "15/11/2025", "1.950,75", null },
					new Object[] { folded, "Nhà văn hóa thôn Hai", code2, "UBND xã", "6", 800, null, "20/01/2025", null,
							null, null, null, null })
			.sheet("Phân bổ vốn", ALLOCATION_HEADERS,
					new Object[] { code1, 2025, "NST", "1.200", "40/QĐ-UBND", "20/01/2025" },
					new Object[] { code1, 2025, "NSX", 200, "41/QĐ-UBND", "20/01/2025" },
					new Object[] { code2, 2025, "NST", "300,123456", "42/QĐ-UBND", "25/01/2025" })
			.sheet("Giải ngân", PAYMENT_HEADERS,
					new Object[] { code1, "10/05/2025", 2025, "NST", "1.000.000.000", "đợt 1" },
					new Object[] { code2, LocalDate.of(2025, 6, 2), 2025, "NST", 123456, "tạm ứng" });
	}

	@Test
	void aGoodFileIsSavedExactlyAndAudited() throws Exception {
		Commune a = commune("Xã Nhập Vốn");
		String code1 = TestData.unique("NV-");
		String code2 = TestData.unique("NV-");
		UUID job = upload(a.unit().id(), a.officer().username(), goodFile(a, code1, code2).bytes());
		String json = finished(job, a.officer().username());
		assertThat(jobStatus(job)).as(json).isEqualTo("DONE");
		assertThat(json).contains("\"plans\":5", "\"works\":2", "\"allocations\":3", "\"disbursements\":2",
				"\"totalRows\":12", "\"processedRows\":12");
		long unit = a.unit().id();
		assertThat(count("select count(*) from capital_transaction where unit_id = :id", unit)).isEqualTo(5);
		// the reallocation: both halves, with the decision's issuer
		assertThat(jdbc.sql("""
				select string_agg(kind || ' ' || (amount / 1000000)::int || ' ' || issuer, ', ' order by kind)
				from capital_transaction
				where transfer_group = (select transfer_group from capital_transaction where unit_id = :id
				    and kind = 'TRANSFER_OUT')
				""").param("id", unit).query(String.class).single())
			.isEqualTo("TRANSFER_IN 100 UBND huyện, TRANSFER_OUT 100 UBND huyện");
		assertThat(sum("select sum(amount) from capital_transaction where unit_id = :id and kind = 'ASSIGN'", unit))
			.isEqualTo(tr("1.500"));
		assertThat(sum("select sum(amount) from capital_transaction where unit_id = :id and kind = 'SUPPLEMENT'"
				+ " and source_code = 'NSX'", unit))
			.isEqualTo(tr("200,25"));
		assertThat(sum("select sum(amount) from capital_transaction where unit_id = :id and kind = 'CUT'", unit))
			.isEqualTo(tr("100,5"));
		assertThat(jdbc.sql("""
				select from_year || ' ' || deadline from capital_transaction where unit_id = :id and kind = 'CARRY_IN'
				""").param("id", unit).query(String.class).single()).isEqualTo("2024 2025-12-31");
		assertThat(jdbc.sql("""
				select decision || ' ' || decided_on || ' ' || issuer from capital_transaction
				where unit_id = :id and kind = 'ASSIGN'
				""").param("id", unit).query(String.class).single())
			.isEqualTo("15/QĐ-UBND 2025-01-15 UBND tỉnh Quảng Nam");
		// the works, with completion and settlement, allocations and payments to the đồng
		assertThat(count("select count(*) from funding_work where unit_id = :id", unit)).isEqualTo(2);
		assertThat(jdbc.sql("""
				select name || '|' || investor || '|' || criterion || '|' || contractor_selected_on || '|'
				    || completed_on || '|' || settled_on
				from funding_work where project_code = :id
				""").param("id", code1).query(String.class).single())
			.isEqualTo("Đường trục thôn Một|UBND xã|2|2025-03-01|2025-09-30|2025-11-15");
		assertThat(sum("select settlement_amount from funding_work where project_code = :id", code1))
			.isEqualTo(tr("1.950,75"));
		assertThat(sum("select total_investment from funding_work where project_code = :id", code1))
			.isEqualTo(tr("2.000"));
		assertThat(sum("select counterpart_required from funding_work where project_code = :id", code1))
			.isEqualTo(tr("200"));
		assertThat(sum("select sum(a.amount) from work_allocation a join funding_work w on w.id = a.work_id"
				+ " where w.unit_id = :id", unit))
			.isEqualTo(tr("1.700,123456"));
		assertThat(sum("select sum(a.amount) from work_allocation a join funding_work w on w.id = a.work_id"
				+ " where w.project_code = :id", code2))
			.isEqualTo(Money.ofDong(300_123_456));
		assertThat(sum("select sum(d.amount) from disbursement d join funding_work w on w.id = d.work_id"
				+ " where w.unit_id = :id", unit))
			.isEqualTo(Money.ofDong(1_000_123_456));
		// each line audited as the officer, and the import itself
		assertThat(jdbc
			.sql("select count(*) from audit_event where actor = :id and entity_type in"
					+ " ('capital_transaction', 'funding_work', 'work_allocation', 'disbursement', 'funding_import')")
			.param("id", a.officer().username())
			.query(Integer.class)
			.single()).isEqualTo(5 + 2 + 1 + 3 + 2 + 1);
		// the job page reads what was saved
		mvc.perform(get("/funding/imports/{id}", job).with(user(a.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đã lưu 5 dòng kế hoạch vốn, 2 công trình")))
			.andExpect(content().string(not(containsString("every 1s"))));
		// somebody else's job is not shown
		Commune other = commune("Xã Khác");
		mvc.perform(get("/api/v1/funding/imports/{id}", job).with(user(other.officer().username())))
			.andExpect(status().isForbidden());
	}

	@Test
	void oneBadRowSavesNothingAndIsNamed() throws Exception {
		Commune a = commune("Xã Lỗi Dòng");
		String code1 = TestData.unique("LD-");
		String code2 = TestData.unique("LD-");
		Book book = goodFile(a, code1, code2);
		// row 3 of the plans: an unknown source
		book.sheet("Kế hoạch vốn", PLAN_HEADERS,
				new Object[] { a.unit().code(), 2025, "NST", "Giao vốn", "1.500", "15/QĐ-UBND", "15/01/2025", null,
						null, null, null, null },
				new Object[] { a.unit().code(), 2025, "KHÔNG CÓ", "Bổ sung", "20", "20/QĐ-UBND", "01/03/2025", null,
						null, null, null, null });
		UUID job = upload(a.unit().id(), a.officer().username(), book.bytes());
		String json = finished(job, a.officer().username());
		assertThat(jobStatus(job)).isEqualTo("REJECTED");
		assertThat(json).contains("Kế hoạch vốn — Dòng 3, cột 'Nguồn vốn': Nguồn vốn \\\"KHÔNG CÓ\\\" không có");
		assertNothingSaved(a, code1, code2);
		// every row right, but a payment beyond its allocation: refused while saving, the
		// plans and works already recorded in the transaction are not kept
		Book over = goodFile(a, code1, code2);
		over.sheet("Giải ngân", PAYMENT_HEADERS,
				new Object[] { code1, "10/05/2025", 2025, "NST", "1.000.000.000", "đợt 1" },
				new Object[] { code1, "11/05/2025", 2025, "NST", "200.000.001", "vượt vốn" });
		UUID second = upload(a.unit().id(), a.officer().username(), over.bytes());
		String refused = finished(second, a.officer().username());
		assertThat(jobStatus(second)).isEqualTo("REJECTED");
		assertThat(refused).contains("Giải ngân — Dòng 3: Không thể giải ngân");
		assertNothingSaved(a, code1, code2);
		assertThat(count("select count(*) from audit_event where entity_type = 'funding_import' and entity_label = :id",
				a.unit().fullName()))
			.isZero();
	}

	void assertNothingSaved(Commune a, String code1, String code2) {
		assertThat(count("select count(*) from capital_transaction where unit_id = :id", a.unit().id())).isZero();
		assertThat(count("select count(*) from funding_work where unit_id = :id", a.unit().id())).isZero();
		assertThat(count("select count(*) from funding_work where project_code = :id", code1)).isZero();
		assertThat(count("select count(*) from funding_work where project_code = :id", code2)).isZero();
	}

	@Test
	void anotherUnitsRowsAreRefused() throws Exception {
		Commune a = commune("Xã Của Mình");
		Commune b = commune("Xã Của Người");
		byte[] file = new Book()
			.sheet("Kế hoạch vốn", PLAN_HEADERS,
					new Object[] { a.unit().code(), 2025, "NST", "Giao vốn", "100", "1/QĐ", "15/01/2025", null, null,
							null, null, null },
					new Object[] { b.unit().code(), 2025, "NST", "Giao vốn", "100", "1/QĐ", "15/01/2025", null, null,
							null, null, null })
			.bytes();
		UUID job = upload(a.unit().id(), a.officer().username(), file);
		String json = finished(job, a.officer().username());
		assertThat(jobStatus(job)).isEqualTo("REJECTED");
		assertThat(json).contains("Kế hoạch vốn — Dòng 3, cột 'Đơn vị': Không tìm thấy đơn vị \\\"" + b.unit().code());
		assertThat(count("select count(*) from capital_transaction where unit_id in (:id)",
				List.of(a.unit().id(), b.unit().id())))
			.isZero();
		// the upload itself is refused on another unit's page
		mvc.perform(multipart("/api/v1/funding/units/{id}/imports", b.unit().id())
			.file(new MockMultipartFile("file", "x.xlsx", XLSX, file))
			.with(user(a.officer().username()))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/funding/units/{id}/imports/template.xlsx", b.unit().id()).with(user(a.officer().username())))
			.andExpect(status().isForbidden());
	}

	@Test
	void aMergedCommunesRowsGoToItsSuccessor() throws Exception {
		Commune ended = commune("Xã Sáp Nhập");
		Commune successor = commune("Xã Kế Thừa");
		LocalDate date = LocalDate.of(2026, 7, 1);
		SystemTask.call(() -> units.merge(new Merge(List.of(ended.unit().id(), successor.unit().id()), date,
				successor.unit().id(), null, "NQ sắp xếp thử", null)));
		byte[] file = new Book()
			.sheet("Kế hoạch vốn", PLAN_HEADERS,
					new Object[] { ended.unit().code(), 2026, "NST", "Giao vốn", "250", "7/QĐ", "15/01/2026", null,
							null, null, null, null })
			.bytes();
		UUID job = upload(successor.unit().id(), successor.officer().username(), file);
		String json = finished(job, successor.officer().username());
		assertThat(jobStatus(job)).as(json).isEqualTo("DONE");
		assertThat(sum("select sum(amount) from capital_transaction where unit_id = :id", successor.unit().id()))
			.isEqualTo(tr("250"));
		assertThat(count("select count(*) from capital_transaction where unit_id = :id", ended.unit().id())).isZero();
	}

	@Test
	void progressIsVisibleWhileTheJobRuns() throws Exception {
		Commune a = commune("Xã Tiến Độ");
		Object[][] rows = new Object[250][];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = new Object[] { a.unit().code(), 2025, "NST", "Kế hoạch", "1,5", "QĐ " + i, "15/01/2025", null,
					null, null, null, null };
		}
		UUID job = upload(a.unit().id(), a.officer().username(),
				new Book().sheet("Kế hoạch vốn", PLAN_HEADERS, rows).bytes());
		// the page shows the job at once, and polls its status until it has finished
		mvc.perform(get("/funding/imports/{id}", job).with(user(a.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("funding-import-status")));
		List<Integer> seen = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			String html = mvc.perform(get("/funding/imports/{id}/status", job).with(user(a.officer().username())))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Matcher m = Pattern.compile("Đã kiểm tra (\\d+)/(\\d+) dòng").matcher(html);
			assertThat(m.find()).as(html).isTrue();
			seen.add(Integer.valueOf(m.group(1)));
			if (!html.contains("Đã lưu 250 dòng")) {
				assertThat(html).contains("hx-get", "every 1s");
			}
			assertThat(html).contains("Đã lưu 250 dòng kế hoạch vốn");
		});
		assertThat(seen).isSorted().last().isEqualTo(250);
		assertThat(sum("select sum(amount) from capital_transaction where unit_id = :id", a.unit().id()))
			.isEqualTo(tr("375"));
	}

	@Test
	void theTemplateRoundTrip() throws Exception {
		Commune a = commune("Xã Mẫu Nhập");
		byte[] template = mvc
			.perform(get("/funding/units/{id}/imports/template.xlsx", a.unit().id()).with(user(a.officer().username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String code = TestData.unique("MN-");
		byte[] filled;
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(book.getSheetName(0)).isEqualTo("Hướng dẫn");
			List<String> notes = new ArrayList<>();
			book.getSheetAt(0).forEach(row -> row.forEach(cell -> notes.add(cell.getStringCellValue())));
			assertThat(notes).contains("NST", "Ngân sách tỉnh", a.unit().code(), a.unit().fullName());
			assertThat(book.getSheet("Kế hoạch vốn").getRow(0).getCell(4).getStringCellValue())
				.isEqualTo("Số tiền (triệu đồng) *");
			assertThat(book.getSheet("Công trình").getRow(0).getCell(1).getStringCellValue())
				.isEqualTo("Tên công trình *");
			CellStyle date = book.createCellStyle();
			fill(book.getSheet("Kế hoạch vốn").createRow(1), new Object[] { a.unit().code(), 2025, "NSX", "Giao vốn",
					"8.321,7", "9/QĐ-UBND", "02/02/2025", "UBND huyện" }, date);
			fill(book.getSheet("Công trình").createRow(1),
					new Object[] { a.unit().fullName(), "Kênh mương nội đồng", code, "UBND xã", "3", "450,5" }, date);
			fill(book.getSheet("Phân bổ vốn").createRow(1),
					new Object[] { code, 2025, "Ngân sách xã", "450,5", "10/QĐ-UBND", "03/02/2025" }, date);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			filled = out.toByteArray();
		}
		MvcResult result = mvc
			.perform(multipart("/funding/units/{id}/imports", a.unit().id())
				.file(new MockMultipartFile("file", "mau-da-dien.xlsx", XLSX, filled))
				.with(user(a.officer().username()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/funding/imports/*"))
			.andReturn();
		UUID job = UUID.fromString(result.getResponse().getRedirectedUrl().replace("/funding/imports/", ""));
		String json = finished(job, a.officer().username());
		assertThat(jobStatus(job)).as(json).isEqualTo("DONE");
		assertThat(sum("select sum(amount) from capital_transaction where unit_id = :id", a.unit().id()))
			.isEqualTo(tr("8.321,7"));
		assertThat(sum("select sum(a.amount) from work_allocation a join funding_work w on w.id = a.work_id"
				+ " where w.project_code = :id", code))
			.isEqualTo(tr("450,5"));
		// the summary reads them
		FundingViews.Summary s = SystemTask
			.call(() -> funding.summary(a.unit().id(), 2025, 2025, LocalDate.of(2025, 12, 31)));
		assertThat(s.totalOf(2025).assigned()).isEqualTo(tr("8.321,7"));
		assertThat(s.totalOf(2025).allocated()).isEqualTo(tr("450,5"));
	}

	@Autowired
	FundingManagement funding;

	@Test
	void anEmptyOrForeignFileIsRefusedInWords() throws Exception {
		Commune a = commune("Xã Tệp Lạ");
		byte[] foreign = new Book().sheet("Sheet1", new String[] { "A", "B" }, new Object[] { "x", 1 }).bytes();
		UUID job = upload(a.unit().id(), a.officer().username(), foreign);
		assertThat(finished(job, a.officer().username())).contains("Tệp không có trang nào của mẫu");
		byte[] missing = new Book().sheet("Kế hoạch vốn", new String[] { "Đơn vị", "Năm" }, new Object[] { "x", 1 })
			.bytes();
		UUID second = upload(a.unit().id(), a.officer().username(), missing);
		assertThat(finished(second, a.officer().username())).contains("Kế hoạch vốn — Dòng 1, cột 'Nguồn vốn':");
		UUID third = upload(a.unit().id(), a.officer().username(), "not a workbook".getBytes());
		assertThat(finished(third, a.officer().username())).contains("Không đọc được tệp .xlsx");
	}

}
