package vn.ntm.funding;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.orgunit.Merge;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Money;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Funding on the real database: the seed budgets as their documents give them, the
 * refusal of a payment beyond the allocation (also under concurrent payments), works
 * following a merged commune, access by unit, the demo alerts and the .xlsx read back.
 */
@IntegrationTest
class FundingTests {

	static final LocalDate END_2024 = LocalDate.of(2024, 12, 31);

	@Autowired
	FundingManagement funding;

	@Autowired
	FundingAlerts alerts;

	@Autowired
	UnitManagement units;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static Money ty(String text) {
		return Money.of(text, MoneyUnit.TY);
	}

	static Money tr(String text) {
		return Money.of(text, MoneyUnit.TRIEU);
	}

	@Test
	void seed001BudgetByYearAndSourceAsTheDocumentGivesIt() {
		UnitRef quangNam = data.unit("49", TestData.BEFORE_REFORM);
		FundingViews.Summary s = SystemTask.call(() -> funding.summary(quangNam.id(), 2024, 2025, END_2024));
		assertThat(s.total().planned()).isEqualTo(ty("1.307,608"));
		assertThat(s.total().planned().format(MoneyUnit.TY)).isEqualTo("1.307,608 tỷ đồng");
		assertThat(s.totalOf(2024).planned()).isEqualTo(ty("726,276"));
		assertThat(s.totalOf(2025).planned()).isEqualTo(ty("581,332"));
		// (demo works below the province add lines allocated but not planned)
		assertThat(s.rowsOf(2024)
			.stream()
			.filter(r -> r.planned().isPositive())
			.map(r -> r.source() + "=" + r.planned().figure(MoneyUnit.TY)))
			.containsExactly("NSTW=282,776", "NST=443,5");
		assertThat(s.rowsOf(2025)
			.stream()
			.filter(r -> r.planned().isPositive())
			.map(r -> r.source() + "=" + r.planned().figure(MoneyUnit.TY)))
			.containsExactly("NSTW=314,667", "NST=266,665");
		// the shares, rounded once when shown
		assertThat(s.totalOf(2024).shareOf(s.total().planned()).format(2)).isEqualTo("55,54%");
		FundingViews.DocumentView doc = s.documents().get(0);
		assertThat(doc.totals()).hasSize(9).allMatch(FundingViews.StatedTotal::matches);
		assertThat(doc.totals().stream().map(t -> t.stated().format(MoneyUnit.TY))).contains("597,443 tỷ đồng",
				"710,165 tỷ đồng", "1.307,608 tỷ đồng", "443,5 tỷ đồng");
	}

	@Test
	void seed002NineSourcesAsTheDocumentGivesThem() {
		UnitRef hungMy = data.unit("02314", TestData.BEFORE_REFORM);
		FundingViews.Summary s = SystemTask.call(() -> funding.summary(hungMy.id(), 2024, 2024, END_2024));
		assertThat(s.totalOf(2024).planned().format(MoneyUnit.TRIEU)).isEqualTo("8.321,7 triệu đồng");
		assertThat(s.rowsOf(2024)).hasSize(9);
		assertThat(s.rowsOf(2024).stream().map(r -> r.planned().figure(MoneyUnit.TRIEU))).containsExactly("80",
				"3.494,3", "717,6", "135", "1.650,4", "240", "1.714", "245,4", "45");
		Money total = s.totalOf(2024).planned();
		assertThat(s.rowsOf(2024).stream().map(r -> r.shareOf(total).format(2))).containsExactly("0,96%", "41,99%",
				"8,62%", "1,62%", "19,83%", "2,88%", "20,60%", "2,95%", "0,54%");
		assertThat(s.documents().get(0).totals()).singleElement()
			.satisfies(t -> assertThat(t.matches()).isTrue())
			.satisfies(t -> assertThat(t.wording()).contains("8.321,7 tr.đồng"));
	}

	@Test
	void summaryPageAndWorkbookShowTheDocumentsFigures() throws Exception {
		UnitRef quangNam = data.unit("49", TestData.BEFORE_REFORM);
		mvc.perform(get("/funding/units/{id}", quangNam.id()).param("from", "2024")
			.param("to", "2025")
			.param("at", "2024-12-31")
			.with(user("quangnam")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1.307,608")))
			.andExpect(content().string(containsString("726,276")))
			.andExpect(content().string(containsString("funding-chart")));
		UnitRef hungMy = data.unit("02314", TestData.BEFORE_REFORM);
		byte[] xlsx = mvc
			.perform(get("/funding/units/{id}.xlsx", hungMy.id()).param("from", "2024")
				.param("to", "2024")
				.param("at", "2024-12-31")
				.with(user("hungmy")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			List<String> texts = new ArrayList<>();
			for (Row row : sheet) {
				for (Cell cell : row) {
					texts.add(cell.toString());
				}
			}
			assertThat(texts).contains("Tổng kinh phí thực hiện là: 8.321,7 tr.đồng", "8.321,7 triệu đồng", "41,99%",
					"Vốn Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS và miền núi");
			assertThat(texts.stream().filter(t -> t.equals("3494.3"))).isNotEmpty();
		}
		// another commune's officer reads neither
		mvc.perform(get("/funding/units/{id}", hungMy.id()).with(user("maidinh"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/funding/units/{id}/summary", hungMy.id()).with(user("maidinh")))
			.andExpect(status().isForbidden());
	}

	record Setup(UserView officer, UnitRef commune, long workId) {
	}

	Setup workWithAllocation(String millions) {
		return workWithAllocation(millions, null);
	}

	Setup workWithAllocation(String millions, String projectCode) {
		UnitRef commune = data.commune("502", "Xã Vốn");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, commune.code());
		long work = SystemTask
			.call(() -> funding.createWork(new FundingManagement.NewWork(commune.id(), "Đường thôn kiểm thử", "UBND xã",
					projectCode, "2", tr("500"), null, LocalDate.of(2024, 1, 20), LocalDate.of(2024, 3, 1), null)));
		SystemTask.run(() -> funding.allocate(work,
				new FundingManagement.NewAllocation(2024, "NST", tr(millions), "QĐ thử", LocalDate.of(2024, 1, 20))));
		return new Setup(officer, commune, work);
	}

	int payments(long workId) {
		return jdbc.sql("select count(*) from disbursement where work_id = :id")
			.param("id", workId)
			.query(Integer.class)
			.single();
	}

	@Test
	void disbursementBeyondAllocationIsRefusedAndNothingIsSaved() throws Exception {
		Setup s = workWithAllocation("100");
		SystemTask.run(() -> funding.disburse(s.workId(),
				new FundingManagement.NewDisbursement(LocalDate.of(2024, 5, 1), 2024, "NST", tr("60"), null)));
		assertThatThrownBy(() -> SystemTask.run(() -> funding.disburse(s.workId(),
				new FundingManagement.NewDisbursement(LocalDate.of(2024, 5, 2), 2024, "NST", tr("40,000001"), null))))
			.isInstanceOf(BusinessRuleException.class)
			.hasFieldOrPropertyWithValue("messageKey", "funding.disbursement.exceeds");
		// from a source with nothing allocated
		assertThatThrownBy(() -> SystemTask.run(() -> funding.disburse(s.workId(),
				new FundingManagement.NewDisbursement(LocalDate.of(2024, 5, 2), 2024, "NSX", tr("1"), null))))
			.isInstanceOf(BusinessRuleException.class);
		assertThat(payments(s.workId())).isEqualTo(1);
		// through the API: 422 with the Vietnamese reason
		mvc.perform(post("/api/v1/funding/works/{id}/disbursements", s.workId()).with(user(s.officer().username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"paidOn": "2024-05-03", "year": 2024, "source": "NST", "amount": {"dong": 50000000}}
					"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("chỉ còn 40 triệu đồng")));
		// through the page: the form again with the reason
		mvc.perform(post("/funding/works/{id}/disbursements", s.workId()).with(user(s.officer().username()))
			.with(csrf())
			.param("paidOn", "03/05/2024")
			.param("year", "2024")
			.param("source", "NST")
			.param("amount", "50"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Chưa lưu gì")));
		assertThat(payments(s.workId())).isEqualTo(1);
		// the rest is accepted, and audited
		mvc.perform(post("/api/v1/funding/works/{id}/disbursements", s.workId()).with(user(s.officer().username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"paidOn": "2024-05-03", "year": 2024, "source": "NST", "amount": {"dong": 40000000}}
					""")).andExpect(status().isCreated());
		assertThat(payments(s.workId())).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'disbursement' and actor = :who")
			.param("who", s.officer().username())
			.query(Integer.class)
			.single()).isEqualTo(1);
		// an officer of another commune may not pay it
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07885");
		mvc.perform(post("/api/v1/funding/works/{id}/disbursements", s.workId()).with(user(other.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"paidOn": "2024-05-03", "year": 2024, "source": "NST", "amount": {"dong": 1}}
					""")).andExpect(status().isForbidden());
	}

	@Test
	void concurrentDisbursementsNeverPayMoreThanAllocated() throws Exception {
		Setup s = workWithAllocation("100");
		int threads = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						SystemTask.run(() -> funding.disburse(s.workId(), new FundingManagement.NewDisbursement(
								LocalDate.of(2024, 6, 1), 2024, "NST", tr("40"), null)));
						return true;
					}
					catch (BusinessRuleException refused) {
						return false;
					}
				}));
			}
			start.countDown();
			int accepted = 0;
			for (Future<Boolean> result : results) {
				accepted += result.get() ? 1 : 0;
			}
			assertThat(accepted).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(payments(s.workId())).isEqualTo(2);
	}

	@Test
	void aMergedCommunesWorksAppearUnderItsSuccessorWithTheirHistory() {
		Setup s = workWithAllocation("100");
		UnitRef absorbing = data.commune("502", "Xã Tiếp Nhận");
		LocalDate date = LocalDate.of(2026, 7, 1);
		SystemTask.call(() -> units.merge(new Merge(List.of(s.commune().id(), absorbing.id()), date, absorbing.id(),
				null, "NQ sắp xếp thử", null)));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					SystemTask.call(() -> funding.works(absorbing.id(), date)).stream().map(FundingViews.WorkView::id))
				.contains(s.workId()));
		FundingViews.WorkDetail detail = SystemTask.call(() -> funding.work(s.workId(), date));
		assertThat(detail.work().unitId()).isEqualTo(absorbing.id());
		assertThat(detail.moves()).singleElement().satisfies(m -> {
			assertThat(m.fromUnit()).contains("Xã Vốn");
			assertThat(m.toUnit()).contains("Xã Tiếp Nhận");
			assertThat(m.effectiveDate()).isEqualTo(date);
		});
		// its allocations and payments went with it
		assertThat(detail.allocations()).hasSize(1);
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'funding_unit' and entity_id = :id")
			.param("id", String.valueOf(s.commune().id()))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theDemoDataHasAnExampleOfEachRuleLabelledAsAnIllustration() {
		LocalDate today = LocalDate.now();
		UnitRef tamKy = data.unit("502", TestData.BEFORE_REFORM);
		List<FundingAlert> found = SystemTask.call(() -> alerts.forUnit(tamKy.id(), LocalDate.of(2025, 3, 1)));
		// (other tests' communes under Tam Kỳ raise alerts of their own, not
		// illustrations)
		Set<FundingRule> rules = found.stream()
			.filter(FundingAlert::illustration)
			.map(FundingAlert::rule)
			.collect(Collectors.toSet());
		assertThat(rules).containsAll(EnumSet.complementOf(EnumSet.of(FundingRule.NORM_MAINTENANCE)));
		// 2025's maintenance funds (400 triệu) against 500 triệu per year
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		assertThat(SystemTask.call(() -> alerts.forUnit(tamThanh.id(), today))).extracting(FundingAlert::rule)
			.contains(FundingRule.NORM_MAINTENANCE, FundingRule.CONSTRUCTION_DEBT);
		ConstructionDebt debt = SystemTask.call(() -> alerts.constructionDebt(tamThanh.id(), today));
		assertThat(debt.total()).isEqualTo(tr("300"));
		assertThat(debt.movedToLocal()).isEqualTo(tr("200"));
	}

	@Test
	void worksPageShowsProgressAndAlerts() throws Exception {
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		mvc.perform(get("/funding/units/{id}/works", tamThanh.id()).with(user("tamthanh")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ví dụ minh họa")))
			.andExpect(content().string(containsString("<progress")))
			.andExpect(content().string(containsString("xem xét điều chuyển")));
		UnitRef quangNam = data.unit("49", TestData.BEFORE_REFORM);
		mvc.perform(get("/funding/provinces/{id}/ranking", quangNam.id()).param("year", "2024").with(user("quangnam")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thành phố Tam Kỳ")));
	}

	static byte[] workbook(Object[]... rows) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet("Giải ngân");
			Row header = sheet.createRow(0);
			String[] titles = { "Mã dự án", "Ngày giải ngân", "Vốn năm", "Mã nguồn vốn", "Số tiền (triệu đồng)",
					"Ghi chú" };
			for (int i = 0; i < titles.length; i++) {
				header.createCell(i).setCellValue(titles[i]);
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else {
						row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
					}
				}
			}
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * The disbursement-only file (first sheet, "Mã nguồn vốn") is a run of the funding
	 * import: started through the API (202) or the form (to the import's page), all or
	 * nothing, each problem with its row.
	 */
	@Test
	void disbursementsImportFromXlsxAllOrNothing() throws Exception {
		String code = TestData.unique("KT-");
		Setup s = workWithAllocation("100", code);
		byte[] bad = workbook(new Object[] { code, "10/05/2024", 2024, "NST", "60,5", "đợt 1" },
				new Object[] { code, "11/05/2024", 2024, "NST", 40, "đợt 2 vượt vốn" },
				new Object[] { "KHONG-CO", "31/02/2024", "hai", "ABC", "-1", "" });
		String started = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/api/v1/funding/units/{id}/disbursements.xlsx", s.commune().id())
				.file(new org.springframework.mock.web.MockMultipartFile("file", "giai-ngan.xlsx",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad))
				.with(user(s.officer().username()))
				.with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Location", org.hamcrest.Matchers.startsWith("/api/v1/funding/imports/")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.UUID job = java.util.UUID
			.fromString(started.replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
		assertThat(importFinished(job, s.officer())).isEqualTo("REJECTED");
		mvc.perform(get("/api/v1/funding/imports/{id}", job).with(user(s.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dòng 4")))
			.andExpect(content().string(containsString("KHONG-CO")));
		assertThat(payments(s.workId())).isZero();
		// only the payment beyond the allocation is wrong: still nothing is saved, and
		// its row is named
		byte[] over = workbook(new Object[] { code, "10/05/2024", 2024, "NST", "60,5", "đợt 1" },
				new Object[] { code, "11/05/2024", 2024, "NST", 40, "đợt 2 vượt vốn" });
		String page = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/funding/units/{id}/import", s.commune().id())
				.file(new org.springframework.mock.web.MockMultipartFile("file", "giai-ngan.xlsx",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", over))
				.with(user(s.officer().username()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(page).startsWith("/funding/imports/");
		job = java.util.UUID.fromString(page.substring("/funding/imports/".length()));
		assertThat(importFinished(job, s.officer())).isEqualTo("REJECTED");
		mvc.perform(get(page).with(user(s.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dòng 3")))
			.andExpect(content().string(containsString("chỉ còn 39,5 triệu đồng")));
		assertThat(payments(s.workId())).isZero();
		byte[] good = workbook(new Object[] { code, "10/05/2024", 2024, "NST", "60,5", "đợt 1" },
				new Object[] { code, "11/05/2024", 2024, "NST", 39.5, "đợt 2" });
		started = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/api/v1/funding/units/{id}/disbursements.xlsx", s.commune().id())
				.file(new org.springframework.mock.web.MockMultipartFile("file", "giai-ngan.xlsx",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", good))
				.with(user(s.officer().username()))
				.with(csrf()))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		job = java.util.UUID.fromString(started.replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
		assertThat(importFinished(job, s.officer())).isEqualTo("DONE");
		mvc.perform(get("/api/v1/funding/imports/{id}", job).with(user(s.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"disbursements\":2")));
		assertThat(payments(s.workId())).isEqualTo(2);
		assertThat(SystemTask.call(() -> funding.work(s.workId(), LocalDate.of(2024, 6, 1))).work().disbursed())
			.isEqualTo(tr("100"));
		// the works page leads to the import page, not to a form of its own
		mvc.perform(get("/funding/units/{id}/works", s.commune().id()).with(user(s.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/funding/units/" + s.commune().id() + "/imports")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("import-form"))));
	}

	/** Waits for an import's run to finish; its status. */
	String importFinished(java.util.UUID job, UserView user) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> SystemTask.callAs(user.username(), () -> imports.importJob(job)).finished());
		return SystemTask.callAs(user.username(), () -> imports.importJob(job)).status();
	}

	@Autowired
	FundingImports imports;

}
