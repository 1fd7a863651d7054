package vn.ntm.funding;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.shared.Money;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The funding forms on the real database: each saves and is audited, marks the field it
 * cannot accept (nothing saved), refuses a record changed since it was read (409), and
 * refuses another unit's officer (403) whether shown or sent. Also: the construction debt
 * by the settled value, and demo amounts kept out of the official totals.
 */
@IntegrationTest
class FundingFormsTests {

	@Autowired
	FundingManagement funding;

	@Autowired
	FundingAlerts alerts;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static Money tr(String text) {
		return Money.of(text, MoneyUnit.TRIEU);
	}

	record Commune(UnitRef unit, UserView officer, UserView other) {
	}

	Commune commune() {
		UnitRef unit = data.commune("502", "Xã Biểu Mẫu");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, unit.code());
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07885");
		return new Commune(unit, officer, other);
	}

	long work(Commune c, String allocatedMillions) {
		long work = SystemTask
			.call(() -> funding.createWork(new FundingManagement.NewWork(c.unit().id(), "Đường trục xã biểu mẫu",
					"UBND xã", null, "2", tr("1.000"), null, LocalDate.of(2024, 1, 20), null, null)));
		SystemTask.run(() -> funding.allocate(work, new FundingManagement.NewAllocation(2024, "NST",
				tr(allocatedMillions), "QĐ phân bổ", LocalDate.of(2024, 1, 20))));
		return work;
	}

	int count(String sql, long id) {
		return jdbc.sql(sql).param("id", id).query(Integer.class).single();
	}

	int audits(String entity, String actor) {
		return jdbc.sql("select count(*) from audit_event where entity_type = :entity and actor = :actor")
			.param("entity", entity)
			.param("actor", actor)
			.query(Integer.class)
			.single();
	}

	static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, UserView who) {
		return request.with(user(who.username())).with(csrf());
	}

	@Test
	void workFormCreatesCorrectsAndRefuses() throws Exception {
		Commune c = commune();
		String code = TestData.unique("BM-");
		mvc.perform(get("/funding/units/{id}/works/new", c.unit().id()).with(user(c.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thêm công trình, dự án")));
		// field errors: nothing saved, each field marked
		mvc.perform(as(post("/funding/units/{id}/works/new", c.unit().id()), c.officer()).param("name", " ")
			.param("totalInvestment", "một tỷ")
			.param("allocatedOn", "31/02/2024"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Mục này là bắt buộc"),
					containsString("Số tiền &quot;một tỷ&quot; không hợp lệ"), containsString("31/02/2024"),
					containsString("is-invalid"))));
		assertThat(count("select count(*) from funding_work where unit_id = :id", c.unit().id())).isZero();
		// saved and audited
		mvc.perform(as(post("/funding/units/{id}/works/new", c.unit().id()), c.officer())
			.param("unitId", String.valueOf(c.unit().id()))
			.param("name", "Nhà văn hóa thôn Đông")
			.param("projectCode", code)
			.param("totalInvestment", "1.234,5")
			.param("allocatedOn", "20/01/2024")).andExpect(redirectedUrlPattern("/funding/works/*"));
		long id = jdbc.sql("select id from funding_work where project_code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
		FundingViews.WorkView saved = SystemTask.call(() -> funding.work(id, LocalDate.now())).work();
		assertThat(saved.totalInvestment()).isEqualTo(tr("1.234,5"));
		assertThat(saved.allocatedOn()).isEqualTo(LocalDate.of(2024, 1, 20));
		assertThat(audits("funding_work", c.officer().username())).isEqualTo(1);
		// a project code another work holds: the field says so
		mvc.perform(as(post("/funding/units/{id}/works/new", c.unit().id()), c.officer()).param("name", "Trùng mã")
			.param("projectCode", code))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Mã dự án " + code + " đã dùng cho công trình khác")));
		// corrected at its version; a second form read before that change is refused
		mvc.perform(get("/funding/works/{id}/edit", id).with(user(c.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1.234,5")));
		mvc.perform(as(post("/funding/works/{id}/edit", id), c.officer()).param("name", "Nhà văn hóa thôn Đông (sửa)")
			.param("projectCode", code)
			.param("totalInvestment", "1.300")
			.param("version", String.valueOf(saved.version()))).andExpect(redirectedUrl("/funding/works/" + id));
		mvc.perform(as(post("/funding/works/{id}/edit", id), c.officer()).param("name", "Bản cũ ghi đè")
			.param("version", String.valueOf(saved.version())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(c.officer().username())));
		FundingViews.WorkView now = SystemTask.call(() -> funding.work(id, LocalDate.now())).work();
		assertThat(now.name()).isEqualTo("Nhà văn hóa thôn Đông (sửa)");
		assertThat(now.totalInvestment()).isEqualTo(tr("1.300"));
		// another commune's officer sees neither form and cannot send them
		mvc.perform(get("/funding/units/{id}/works/new", c.unit().id()).with(user(c.other().username())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/funding/works/{id}/edit", id).with(user(c.other().username())))
			.andExpect(status().isForbidden());
		mvc.perform(as(post("/funding/units/{id}/works/new", c.unit().id()), c.other()).param("name", "Xâm nhập"))
			.andExpect(status().isForbidden());
		mvc.perform(as(post("/funding/works/{id}/edit", id), c.other()).param("name", "Xâm nhập")
			.param("version", String.valueOf(now.version()))).andExpect(status().isForbidden());
		assertThat(SystemTask.call(() -> funding.work(id, LocalDate.now())).work().name())
			.isEqualTo("Nhà văn hóa thôn Đông (sửa)");
	}

	@Test
	void disbursementFormMarksTheAmountBeyondTheAllocationAndSavesNothing() throws Exception {
		Commune c = commune();
		long work = work(c, "100");
		mvc.perform(get("/funding/works/{id}", work).with(user(c.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("disburse-form")));
		// unreadable fields
		mvc.perform(as(post("/funding/works/{id}/disbursements", work), c.officer()).param("paidOn", "hôm qua")
			.param("year", "2024")
			.param("source", "NST")
			.param("amount", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Ngày &quot;hôm qua&quot; không hợp lệ"),
					containsString("Mục này là bắt buộc"))));
		// beyond the allocation: the amount field carries the reason, nothing saved
		mvc.perform(as(post("/funding/works/{id}/disbursements", work), c.officer()).param("paidOn", "10/05/2024")
			.param("year", "2024")
			.param("source", "NST")
			.param("amount", "100,5"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(allOf(containsString("id=\"amount-error\""), containsString("chỉ còn 100 triệu đồng"),
						containsString("Chưa lưu gì"), containsString("vốn năm 2024:"))));
		assertThat(count("select count(*) from disbursement where work_id = :id", work)).isZero();
		mvc.perform(as(post("/funding/works/{id}/disbursements", work), c.officer()).param("paidOn", "10/05/2024")
			.param("year", "2024")
			.param("source", "NST")
			.param("amount", "60")).andExpect(redirectedUrl("/funding/works/" + work));
		assertThat(count("select count(*) from disbursement where work_id = :id", work)).isEqualTo(1);
		assertThat(audits("disbursement", c.officer().username())).isEqualTo(1);
		mvc.perform(as(post("/funding/works/{id}/disbursements", work), c.other()).param("paidOn", "10/05/2024")
			.param("year", "2024")
			.param("source", "NST")
			.param("amount", "1")).andExpect(status().isForbidden());
		assertThat(count("select count(*) from disbursement where work_id = :id", work)).isEqualTo(1);
	}

	@Test
	void progressFormRecordsCompletionAndSettlement() throws Exception {
		Commune c = commune();
		long work = work(c, "100");
		SystemTask.run(() -> funding.disburse(work,
				new FundingManagement.NewDisbursement(LocalDate.of(2024, 5, 1), 2024, "NST", tr("70"), null)));
		int version = SystemTask.call(() -> funding.work(work, LocalDate.now())).work().version();
		mvc.perform(get("/funding/works/{id}/progress", work).with(user(c.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Quyết toán dự án hoàn thành")));
		// settled before completion: the settlement date is marked
		mvc.perform(as(post("/funding/works/{id}/progress", work), c.officer()).param("completedOn", "30/06/2024")
			.param("settledOn", "01/06/2024")
			.param("settlementAmount", "90")
			.param("version", String.valueOf(version)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Ngày quyết toán phải sau ngày hoàn thành")));
		mvc.perform(as(post("/funding/works/{id}/progress", work), c.officer()).param("completedOn", "30/06/2024")
			.param("settledOn", "30/09/2024")
			.param("settlementAmount", "90")
			.param("settlementDecision", "QĐ 123/QĐ-UBND phê duyệt quyết toán")
			.param("version", String.valueOf(version))).andExpect(redirectedUrl("/funding/works/" + work));
		FundingViews.WorkDetail detail = SystemTask.call(() -> funding.work(work, LocalDate.now()));
		assertThat(detail.work().settlementAmount()).isEqualTo(tr("90"));
		assertThat(detail.work().settlementDecision()).isEqualTo("QĐ 123/QĐ-UBND phê duyệt quyết toán");
		// the debt follows the settled value: 90 − 70, not 100 − 70
		assertThat(detail.debt()).singleElement().satisfies(d -> assertThat(d.amount()).isEqualTo(tr("20")));
		assertThat(SystemTask.call(() -> alerts.constructionDebt(c.unit().id(), LocalDate.of(2024, 9, 29))).total())
			.isEqualTo(tr("30"));
		assertThat(SystemTask.call(() -> alerts.constructionDebt(c.unit().id(), LocalDate.of(2024, 9, 30))).total())
			.isEqualTo(tr("20"));
		mvc.perform(get("/funding/works/{id}", work).with(user(c.officer().username())))
			.andExpect(content()
				.string(allOf(containsString("QĐ 123/QĐ-UBND"), containsString("Theo giá trị quyết toán"))));
		// a form read before that save is refused, nothing overwritten
		mvc.perform(as(post("/funding/works/{id}/progress", work), c.officer()).param("completedOn", "30/06/2024")
			.param("version", String.valueOf(version))).andExpect(status().isConflict());
		mvc.perform(as(post("/funding/works/{id}/progress", work), c.other()).param("completedOn", "30/06/2024")
			.param("version", String.valueOf(version + 1))).andExpect(status().isForbidden());
		mvc.perform(get("/funding/works/{id}/progress", work).with(user(c.other().username())))
			.andExpect(status().isForbidden());
		assertThat(SystemTask.call(() -> funding.work(work, LocalDate.now())).work().settledOn())
			.isEqualTo(LocalDate.of(2024, 9, 30));
		// settled at what was paid (through the API, with its decision): no debt, and the
		// commune's alert goes
		int now = SystemTask.call(() -> funding.work(work, LocalDate.now())).work().version();
		mvc.perform(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/funding/works/{id}/progress", work), c.officer())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("""
					{"completedOn": "2024-06-30", "settledOn": "2024-09-30", "settlementAmount": {"dong": 70000000},
					 "settlementDecision": "QĐ điều chỉnh quyết toán", "version": %d}
					""".formatted(now))).andExpect(status().isOk());
		assertThat(SystemTask.call(() -> funding.work(work, LocalDate.now())).work().settlementDecision())
			.isEqualTo("QĐ điều chỉnh quyết toán");
		assertThat(SystemTask.call(() -> alerts.forUnit(c.unit().id(), LocalDate.of(2024, 9, 29))))
			.extracting(FundingAlert::rule)
			.contains(FundingRule.CONSTRUCTION_DEBT);
		assertThat(SystemTask.call(() -> alerts.forUnit(c.unit().id(), LocalDate.of(2024, 9, 30))))
			.extracting(FundingAlert::rule)
			.doesNotContain(FundingRule.CONSTRUCTION_DEBT);
	}

	@Test
	void transactionFormRecordsEachKindAsATransaction() throws Exception {
		Commune c = commune();
		UnitRef receiving = data.commune("502", "Xã Nhận Vốn");
		mvc.perform(get("/funding/units/{id}/transactions/new", c.unit().id()).with(user(c.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Giao vốn")));
		// htmx asks for the form again for a carry-over: its fields appear
		mvc.perform(get("/funding/units/{id}/transactions/new", c.unit().id()).param("kind", "CARRY_IN")
			.param("amount", "12")
			.header("HX-Request", "true")
			.with(user(c.officer().username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"fromYear\""), containsString("value=\"12\""))));
		mvc.perform(as(post("/funding/units/{id}/transactions/new", c.unit().id()), c.officer()).param("kind", "ASSIGN")
			.param("year", "2024")
			.param("source", "NST")
			.param("amount", "500")
			.param("decision", "QĐ giao vốn 01")
			.param("decidedOn", "15/01/2024")).andExpect(redirectedUrl("/funding/units/" + c.unit().id()));
		// a cut beyond what was assigned: the amount is marked, nothing saved
		mvc.perform(as(post("/funding/units/{id}/transactions/new", c.unit().id()), c.officer()).param("kind", "CUT")
			.param("year", "2024")
			.param("source", "NST")
			.param("amount", "600"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Không thể cắt giảm 600 triệu đồng")));
		// a carry-over without its deadline
		mvc.perform(
				as(post("/funding/units/{id}/transactions/new", c.unit().id()), c.officer()).param("kind", "CARRY_IN")
					.param("year", "2024")
					.param("fromYear", "2023")
					.param("source", "NST")
					.param("amount", "50"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Mục này là bắt buộc")));
		assertThat(count("select count(*) from capital_transaction where unit_id = :id", c.unit().id())).isEqualTo(1);
		// a reallocation by someone who acts on both communes: both halves recorded
		mvc.perform(post("/funding/units/{id}/transactions/new", c.unit().id()).with(user("admin"))
			.with(csrf())
			.param("kind", "TRANSFER")
			.param("toUnitId", String.valueOf(receiving.id()))
			.param("year", "2024")
			.param("source", "NST")
			.param("amount", "200")
			.param("decision", "QĐ điều chuyển 02")
			.param("decidedOn", "20/10/2024")).andExpect(redirectedUrl("/funding/units/" + c.unit().id()));
		assertThat(count("select count(*) from capital_transaction where unit_id = :id and kind = 'TRANSFER_OUT'",
				c.unit().id()))
			.isEqualTo(1);
		assertThat(count("select count(*) from capital_transaction where unit_id = :id and kind = 'TRANSFER_IN'",
				receiving.id()))
			.isEqualTo(1);
		FundingViews.Summary s = SystemTask.call(() -> funding.summary(c.unit().id(), 2024, 2024, LocalDate.now()));
		assertThat(s.total().assigned()).isEqualTo(tr("300"));
		assertThat(audits("capital_transaction", c.officer().username())).isEqualTo(1);
		// the commune officer may not reallocate to a commune outside its own
		mvc.perform(
				as(post("/funding/units/{id}/transactions/new", c.unit().id()), c.officer()).param("kind", "TRANSFER")
					.param("toUnitId", String.valueOf(receiving.id()))
					.param("year", "2024")
					.param("source", "NST")
					.param("amount", "10")
					.param("decision", "QĐ")
					.param("decidedOn", "21/10/2024"))
			.andExpect(status().isForbidden());
		// nor another commune's officer record anything here
		mvc.perform(get("/funding/units/{id}/transactions/new", c.unit().id()).with(user(c.other().username())))
			.andExpect(status().isForbidden());
		mvc.perform(as(post("/funding/units/{id}/transactions/new", c.unit().id()), c.other()).param("kind", "ASSIGN")
			.param("year", "2024")
			.param("source", "NST")
			.param("amount", "1")).andExpect(status().isForbidden());
		assertThat(count("select count(*) from capital_transaction where unit_id = :id", c.unit().id())).isEqualTo(2);
	}

	@Test
	void ruleSettingsFormForTheProvinceOffice() throws Exception {
		long daNang = data.unit("48", TestData.AFTER_REFORM).id();
		int year = 2031;
		int version = SystemTask.call(() -> funding.ruleRows(daNang, year))
			.stream()
			.filter(r -> r.rule() == FundingRule.BELOW_HALF_AT_MID_YEAR)
			.findFirst()
			.orElseThrow()
			.yearVersion();
		mvc.perform(
				get("/funding/provinces/{id}/rules", daNang).param("year", String.valueOf(year)).with(user("danang")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("rule-form"), containsString("30/06/" + year))));
		// a month beyond 12: the field is named, nothing saved
		mvc.perform(post("/funding/provinces/{id}/rules/{rule}", daNang, "BELOW_HALF_AT_MID_YEAR")
			.param("year", String.valueOf(year))
			.param("scope", "YEAR")
			.param("enabled", "true")
			.param("day", "15")
			.param("month", "13")
			.param("percent", "60")
			.param("version", String.valueOf(version))
			.with(user("danang"))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Tháng 13 không hợp lệ")));
		mvc.perform(post("/funding/provinces/{id}/rules/{rule}", daNang, "BELOW_HALF_AT_MID_YEAR")
			.param("year", String.valueOf(year))
			.param("scope", "YEAR")
			.param("enabled", "true")
			.param("day", "15")
			.param("month", "7")
			.param("percent", "60")
			.param("version", String.valueOf(version))
			.with(user("danang"))
			.with(csrf())).andExpect(redirectedUrl("/funding/provinces/" + daNang + "/rules?year=" + year));
		RuleSetting applied = SystemTask.call(() -> funding.settings(daNang, year))
			.stream()
			.filter(r -> r.rule() == FundingRule.BELOW_HALF_AT_MID_YEAR)
			.findFirst()
			.orElseThrow();
		assertThat(applied.dateIn(year)).isEqualTo(LocalDate.of(year, 7, 15));
		assertThat(applied.percent()).isEqualByComparingTo("60");
		// a form read before that save is refused
		mvc.perform(post("/funding/provinces/{id}/rules/{rule}", daNang, "BELOW_HALF_AT_MID_YEAR")
			.param("year", String.valueOf(year))
			.param("scope", "YEAR")
			.param("enabled", "false")
			.param("version", String.valueOf(version))
			.with(user("danang"))
			.with(csrf())).andExpect(status().isConflict());
		assertThat(SystemTask.call(() -> funding.settings(daNang, year))
			.stream()
			.filter(r -> r.rule() == FundingRule.BELOW_HALF_AT_MID_YEAR)
			.findFirst()
			.orElseThrow()
			.enabled()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'funding_rule' and actor = 'danang'")
			.query(Integer.class)
			.single()).isPositive();
		// a commune officer may not change the province's rules
		UserView officer = commune().officer();
		mvc.perform(post("/funding/provinces/{id}/rules/{rule}", daNang, "BELOW_HALF_AT_MID_YEAR")
			.param("year", String.valueOf(year))
			.param("scope", "YEAR")
			.param("enabled", "false")
			.param("version", String.valueOf(version + 1))
			.with(user(officer.username()))
			.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void demoAmountsAreKeptOutOfTheOfficialTotals() throws Exception {
		LocalDate end = LocalDate.of(2024, 12, 31);
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		// Tam Thanh's funding is demo data only (every line "Ví dụ minh họa")
		FundingViews.Summary s = SystemTask.call(() -> funding.summary(tamThanh.id(), 2024, 2024, end));
		assertThat(s.rows()).isEmpty();
		assertThat(s.total().assigned()).isEqualTo(Money.ZERO);
		assertThat(s.total().allocated()).isEqualTo(Money.ZERO);
		assertThat(s.total().disbursed()).isEqualTo(Money.ZERO);
		assertThat(s.illustrationOf(2024)).isNotNull();
		// the demo works' 2024 allocations: 500 + 1.000 + 400 + 100
		assertThat(s.illustrationOf(2024).allocated()).isEqualTo(tr("2.000"));
		assertThat(s.illustrationTotal().assigned().isPositive()).isTrue();
		// the province: seed 001's figures, official, with the demo apart
		UnitRef quangNam = data.unit("49", TestData.BEFORE_REFORM);
		FundingViews.Summary province = SystemTask.call(() -> funding.summary(quangNam.id(), 2024, 2025, end));
		assertThat(province.total().planned().format(MoneyUnit.TY)).isEqualTo("1.307,608 tỷ đồng");
		assertThat(province.illustrationOf(2024).allocated()).isGreaterThanOrEqualTo(tr("2.000"));
		mvc.perform(get("/funding/units/{id}", tamThanh.id()).param("from", "2024")
			.param("to", "2024")
			.param("at", "2024-12-31")
			.with(user("tamthanh")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("illustration-2024"),
					containsString("không phải số liệu chính thức"), containsString("illustration-note"))));
		// the workbook: the demo line apart, labelled, the official total without it
		byte[] xlsx = mvc
			.perform(get("/funding/units/{id}.xlsx", tamThanh.id()).param("from", "2024")
				.param("to", "2024")
				.param("at", "2024-12-31")
				.with(user("tamthanh")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx))) {
			List<String> labels = new java.util.ArrayList<>();
			for (org.apache.poi.ss.usermodel.Row row : book.getSheetAt(0)) {
				if (row.getCell(1) != null) {
					labels.add(row.getCell(1).toString() + "|"
							+ (row.getCell(5) == null ? "" : row.getCell(5).toString()));
				}
			}
			assertThat(labels).contains("Tổng cộng|0.0",
					"Ví dụ minh họa — không phải số liệu chính thức (phân bổ / giải ngân)|2000.0");
		}
		// the ranking: a unit with demo works only is not ranked; its demo amounts shown
		// apart
		FundingViews.Ranking ranking = SystemTask.call(() -> funding.ranking(quangNam.id(), 2024, end));
		UnitRef tamKy = data.unit("502", TestData.BEFORE_REFORM);
		List<FundingViews.RankingRow> rows = ranking.rows().stream().filter(r -> r.unitId() == tamKy.id()).toList();
		assertThat(rows).singleElement()
			.satisfies(r -> assertThat(r.illustrativeAllocated()).isGreaterThanOrEqualTo(tr("2.000")));
		mvc.perform(get("/funding/provinces/{id}/ranking", quangNam.id()).param("year", "2024").with(user("quangnam")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Ví dụ minh họa — không phải số liệu chính thức"),
					not(containsString("Whitelabel")))));
	}

}
