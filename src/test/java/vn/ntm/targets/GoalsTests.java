package vn.ntm.targets;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.audit.AuditLog;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.orgunit.ClassificationChange;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.recognition.NewTitleAward;
import vn.ntm.recognition.Titles;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Goals evaluated on real data: seed 001's goals of Quảng Nam at 31/12/2024 and today,
 * each kind on units made for the test (titles, assessments, classifications, registry
 * entries), the count and share that disagree flagged, a stale change refused (409), a
 * bad field refused naming it (422), another unit's officer refused (403), the .xlsx read
 * back.
 */
@IntegrationTest
class GoalsTests {

	static final LocalDate END_2024 = LocalDate.of(2024, 12, 31);

	@Autowired
	Goals goals;

	@Autowired
	Titles titles;

	@Autowired
	UnitManagement units;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	static <T> T as(UserView user, Supplier<T> work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(user.username(), null, List.of()));
		var previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	static GoalProgress goal(List<GoalProgress> all, String labelStart) {
		return all.stream()
			.filter(p -> p.goal().label().startsWith(labelStart))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no goal " + labelStart));
	}

	@Test
	void quangNamsGoalsShowTheirStatusWithReasonsAtTheEndOf2024AndToday() {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		UserView office = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");

		List<GoalProgress> end2024 = as(office, () -> goals.progress(quangNam, END_2024));
		assertThat(end2024).hasSizeGreaterThanOrEqualTo(19);
		assertThat(end2024).allSatisfy(p -> {
			assertThat(p.status()).isNotNull();
			assertThat(p.reasons()).isNotEmpty();
			assertThat(p.asOf()).isEqualTo(END_2024);
		});
		GoalProgress communes = goal(end2024, "Tổng số xã đạt chuẩn NTM ít nhất 154");
		assertThat(communes.flags()).anySatisfy(f -> {
			assertThat(f.key()).isEqualTo("targets.flag.countShare");
			assertThat(f.args()).containsExactly("154", "193", "79,79", "80", "155");
		});
		assertThat(communes.target()).isEqualByComparingTo("155");
		assertThat(communes.value()).isGreaterThanOrEqualTo(new BigDecimal("4"));
		assertThat(communes.status()).isIn(GoalStatus.AT_RISK, GoalStatus.OFF_TRACK);
		assertThat(communes.daysLeft()).isEqualTo(365);
		GoalProgress tienPhuoc = goal(end2024, "Huyện Tiên Phước");
		assertThat(tienPhuoc.status()).isEqualTo(GoalStatus.AT_RISK);
		assertThat(tienPhuoc.missing()).singleElement().asString().startsWith("Huyện Tiên Phước");
		GoalProgress districts = goal(end2024, "Đến năm 2025, không còn huyện");
		assertThat(districts.missing()).contains("Huyện Nam Giang");
		GoalProgress below15 = goal(end2024, "Đến năm 2025, không còn xã dưới 15");
		assertThat(below15.reasons()).extracting(GoalReason::key).contains("targets.reason.assessed");
		assertThat(below15.base()).isGreaterThanOrEqualTo(4);

		LocalDate today = vn.ntm.shared.VnFormat.today();
		List<GoalProgress> now = as(office, () -> goals.progress(quangNam, today));
		assertThat(now).hasSameSizeAs(end2024);
		assertThat(now).allSatisfy(p -> {
			assertThat(p.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
			assertThat(p.reasons()).extracting(GoalReason::key).contains("targets.reason.ended");
			if (p.status() != GoalStatus.ACHIEVED) {
				assertThat(p.status()).isEqualTo(GoalStatus.OFF_TRACK);
				assertThat(p.reasons()).extracting(GoalReason::key).contains("targets.reason.overdue");
			}
		});
	}

	@Test
	void eachKindIsEvaluatedFromTitlesAssessmentsClassificationsAndTheRegistry() {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		UnitRef district = SystemTask.call(() -> units.create(new NewUnit(TestData.unique("T"),
				"Mục Tiêu " + TestData.unique(""), UnitType.HUYEN, quangNam, LocalDate.of(2020, 1, 1), null)));
		UnitRef a = commune(district, "A");
		UnitRef b = commune(district, "B");
		UnitRef c = commune(district, "C");
		UnitRef v1 = SystemTask.call(() -> units.create(new NewUnit(null, "Một", UnitType.THON, a.id(), null, null)));
		UnitRef v2 = SystemTask.call(() -> units.create(new NewUnit(null, "Hai", UnitType.THON, b.id(), null, null)));
		SystemTask.run(() -> {
			titles.award(a.id(), new NewTitleAward("XA_NTM", 2022, LocalDate.of(2022, 11, 1), "QĐ 1", "UBND tỉnh",
					"kiểm thử", null));
			titles.award(a.id(), new NewTitleAward("XA_NTM_NANG_CAO", 2024, LocalDate.of(2024, 11, 1), "QĐ 2",
					"UBND tỉnh", "kiểm thử", null));
			titles.award(b.id(), new NewTitleAward("XA_NTM", 2023, LocalDate.of(2023, 11, 1), "QĐ 3", "UBND tỉnh",
					"kiểm thử", null));
			titles.award(v1.id(), new NewTitleAward("THON_NTM_KIEU_MAU", 2024, LocalDate.of(2024, 3, 1), "QĐ 4",
					"UBND huyện", "kiểm thử", null));
			units.classify(v2.id(), new ClassificationChange("DIA_BAN", "MIEN_NUI", LocalDate.of(2020, 1, 1), null,
					"kiểm thử", null, 0));
		});
		assess(a, 19);
		assess(b, 12);
		UserView office = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, district.code());
		LocalDate due = LocalDate.of(2025, 12, 31);
		as(office, () -> {
			goals.add(district.id(), GoalForm.titleHolders("3 xã NTM, 100%", "XA_NTM", null, 3, null, 3, "100", 3, due,
					false, "kiểm thử", null));
			goals.add(district.id(), GoalForm.titleHolders("Một nửa xã NTM đạt nâng cao", "XA_NTM_NANG_CAO", "XA_NTM",
					3, null, null, "50", null, due, false, "kiểm thử", null));
			goals.add(district.id(),
					GoalForm.noChildBelow("Không còn xã dưới 15 tiêu chí", "QD318_XA_NTM", 15, due, "kiểm thử", null));
			goals.add(district.id(), GoalForm.titleHolders("Thôn kiểu mẫu 50%", "THON_NTM_KIEU_MAU", null, 4, null,
					null, "50", null, due, false, "kiểm thử", null));
			goals.add(district.id(), GoalForm.titleHolders("Thôn miền núi kiểu mẫu 50%", "THON_NTM_KIEU_MAU", null, 4,
					"DIA_BAN=MIEN_NUI", null, "50", null, due, false, "kiểm thử", null));
			goals.add(district.id(), GoalForm.registryTotal("10 sản phẩm OCOP", GoalRegistryKind.OCOP, "10", "sản phẩm",
					due, "kiểm thử", null));
			goals.addEntry(district.id(), new GoalRegistryForm("OCOP", new BigDecimal("6"), null,
					LocalDate.of(2024, 5, 1), null, "kiểm thử", null));
			goals.addEntry(c.id(), new GoalRegistryForm("OCOP", new BigDecimal("4"), "sản phẩm",
					LocalDate.of(2025, 5, 1), null, "kiểm thử", null));
			return null;
		});

		List<GoalProgress> at2024 = as(office, () -> goals.progress(district.id(), END_2024));
		GoalProgress ntm = goal(at2024, "3 xã NTM");
		assertThat(ntm.value()).isEqualByComparingTo("2");
		assertThat(ntm.target()).isEqualByComparingTo("3");
		assertThat(ntm.base()).isEqualTo(3);
		assertThat(ntm.missing()).singleElement().asString().contains("C");
		assertThat(ntm.flags()).isEmpty();
		GoalProgress advanced = goal(at2024, "Một nửa");
		assertThat(advanced.base()).isEqualTo(2);
		assertThat(advanced.value()).isEqualByComparingTo("1");
		assertThat(advanced.status()).isEqualTo(GoalStatus.ACHIEVED);
		GoalProgress below = goal(at2024, "Không còn xã dưới");
		assertThat(below.value()).isEqualByComparingTo("1");
		assertThat(below.missing()).singleElement().asString().contains(" B ").contains("12/19");
		assertThat(below.flags()).extracting(GoalReason::key).containsExactly("targets.flag.unassessed");
		GoalProgress villages = goal(at2024, "Thôn kiểu mẫu");
		assertThat(villages.base()).isEqualTo(2);
		assertThat(villages.status()).isEqualTo(GoalStatus.ACHIEVED);
		GoalProgress mountain = goal(at2024, "Thôn miền núi");
		assertThat(mountain.base()).isEqualTo(1);
		assertThat(mountain.value()).isEqualByComparingTo("0");
		assertThat(mountain.missing()).containsExactly("Thôn Hai");
		GoalProgress ocop = goal(at2024, "10 sản phẩm");
		assertThat(ocop.value()).isEqualByComparingTo("6");
		assertThat(ocop.status()).isEqualTo(GoalStatus.ON_TRACK);
		assertThat(as(office, () -> goals.progressOf(ocop.goal().id(), LocalDate.of(2025, 6, 1))).status())
			.isEqualTo(GoalStatus.ACHIEVED);

		assertThatThrownBy(() -> as(office, () -> goals.progress(quangNam, END_2024)))
			.isInstanceOf(AccessRefused.class);
		UserView provinceOffice = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		GoalProgress noDistrict = as(provinceOffice,
				() -> goal(goals.progress(quangNam, END_2024), "Đến năm 2025, không còn huyện"));
		assertThat(noDistrict.missing()).doesNotContain(district.fullName());
	}

	private UnitRef commune(UnitRef district, String name) {
		return SystemTask.call(() -> units.create(new NewUnit(TestData.unique("T"),
				"Xã " + name + " " + TestData.unique(""), UnitType.XA, district.id(), LocalDate.of(2020, 1, 1), null)));
	}

	private void assess(UnitRef commune, int met) {
		long set = catalog.inForce("QD318_XA_NTM", END_2024).orElseThrow().id();
		SystemTask.run(() -> {
			AssessmentView opened = assessments
				.open(new NewAssessment(commune.id(), set, 2024, END_2024, "kiểm thử", null));
			List<String> metList = IntStream.rangeClosed(1, met).mapToObj(String::valueOf).toList();
			List<String> notMet = IntStream.rangeClosed(met + 1, 19).mapToObj(String::valueOf).toList();
			assessments.record(opened.id(),
					new AssessmentEntry(Map.of(), metList, notMet, met, "kiểm thử", opened.rowVersion()));
		});
	}

	@Test
	void aStaleChangeIsRefusedAndEveryChangeAudited() {
		UnitRef commune = data.commune("502", "Xã Mục Tiêu");
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		UserView office = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		Goal added = as(office, () -> goals.add(tamKy, GoalForm.unitTitle("Xã đạt NTM 2025", commune.id(), "XA_NTM",
				LocalDate.of(2025, 12, 31), "kiểm thử", null)));
		GoalForm change = GoalForm.unitTitle("Xã đạt NTM năm 2025", commune.id(), "XA_NTM", LocalDate.of(2025, 12, 31),
				"kiểm thử", null);
		Goal changed = as(office, () -> goals.change(added.id(), change.withVersion(added.version())));
		assertThat(changed.version()).isEqualTo(added.version() + 1);
		assertThatThrownBy(() -> as(office, () -> goals.change(added.id(), change.withVersion(added.version()))))
			.isInstanceOf(ConcurrentChangeException.class);
		assertThat(audit.historyOf("goal", String.valueOf(added.id()), 10)).hasSize(2);
		GoalRegistryEntry entry = as(office, () -> goals.addEntry(tamKy, new GoalRegistryForm("MO_HINH",
				new BigDecimal("2"), null, LocalDate.of(2024, 8, 1), "Mô hình kiểm thử", "kiểm thử", null)));
		assertThat(entry.measure()).isEqualTo("mô hình");
		GoalRegistryForm more = new GoalRegistryForm("MO_HINH", new BigDecimal("3"), null, LocalDate.of(2024, 8, 1),
				null, "kiểm thử", entry.version());
		assertThat(as(office, () -> goals.changeEntry(entry.id(), more)).quantity()).isEqualByComparingTo("3");
		assertThatThrownBy(() -> as(office, () -> goals.changeEntry(entry.id(), more)))
			.isInstanceOf(ConcurrentChangeException.class);
		assertThat(audit.historyOf("goal_registry_entry", String.valueOf(entry.id()), 10)).hasSize(2);
		assertThatThrownBy(() -> as(office,
				() -> goals.addEntry(tamKy,
						new GoalRegistryForm("MO_HINH", new BigDecimal("-1"), null, LocalDate.of(2024, 8, 1), null,
								null, null))))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.arguments()).containsExactly("targets.registry.field.quantity"));
		assertThatThrownBy(() -> as(office,
				() -> goals.add(tamKy,
						GoalForm.titleHolders("x", "KHONG_CO", null, 3, null, 1, null, null, LocalDate.of(2025, 12, 31),
								false, null, null))))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.arguments()).containsExactly("targets.goal.field.titleCode"));
		assertThatThrownBy(() -> as(office,
				() -> goals.add(tamKy,
						GoalForm.titleHolders("Khoảng 65%", "XA_NTM", null, 3, null, null, "65", null,
								LocalDate.of(2030, 12, 31), true, null, null))))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("targets.goal.reportedSource"));
		assertThat(as(office, () -> goals.goalsOf(tamKy))).extracting(Goal::label).doesNotContain("Khoảng 65%");
	}

	@Test
	void theApiAnswersInWordsRefusesBadFieldsStaleVersionsAndOtherUnitsOfficers() throws Exception {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		UserView office = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		UserView other = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "08");
		mvc.perform(get("/api/v1/units/{id}/goals", quangNam).param("at", "31/12/2024").with(user(office.username())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].statusText").isString())
			.andExpect(jsonPath("$[?(@.goal.label =~ /.*154 xã.*/)].flags[0]")
				.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("79,79%"))));
		mvc.perform(get("/api/v1/units/{id}/goals", quangNam).with(user(other.username())))
			.andExpect(status().isForbidden());
		String body = """
				{"kind": "REGISTRY_TOTAL", "label": "Đường hoa thêm", "registryKind": "DUONG_HOA", "targetCount": %s,
				 "dueOn": "2025-12-31"%s}""";
		mvc.perform(post("/api/v1/units/{id}/goals", quangNam).with(user(other.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("5", ""))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/units/{id}/goals", quangNam).with(user(office.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("-5", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Số cần đạt")));
		String created = mvc
			.perform(post("/api/v1/units/{id}/goals", quangNam).with(user(office.username()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted("5", "")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
		mvc.perform(put("/api/v1/goals/{id}", id).with(user(office.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("6", ", \"expectedVersion\": 0"))).andExpect(status().isOk());
		mvc.perform(put("/api/v1/goals/{id}", id).with(user(office.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("7", ", \"expectedVersion\": 0"))).andExpect(status().isConflict());
	}

	@Test
	void theExportReadsBackWithEveryGoalAndItsStatus() throws Exception {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		UserView office = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		byte[] xlsx = mvc
			.perform(get("/units/{id}/goals.xlsx", quangNam).param("at", "31/12/2024").with(user(office.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<GoalProgress> expected = as(office, () -> goals.progress(quangNam, END_2024));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheet("Mục tiêu");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mục tiêu — Tỉnh Quảng Nam");
			assertThat(sheet.getRow(2).getCell(7).getStringCellValue()).isEqualTo("Trạng thái");
			assertThat(sheet.getLastRowNum() - 2).isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				var row = sheet.getRow(3 + i);
				GoalProgress p = expected.get(i);
				assertThat(row.getCell(0).getStringCellValue()).isEqualTo(p.goal().label());
				assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(p.value().doubleValue());
				assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(p.target().doubleValue());
				assertThat(row.getCell(7).getStringCellValue()).isIn("Đã đạt", "Đúng tiến độ", "Có nguy cơ",
						"Chậm tiến độ");
				assertThat(row.getCell(8).getStringCellValue()).startsWith("Hiện");
			}
			assertThat(Optional.ofNullable(book.getSheet("Sổ theo dõi"))).isPresent();
		}
	}

	@Test
	void theGoalFormRefusesABadFieldWith422AndAStaleOneWith409() throws Exception {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		UserView office = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		UserView other = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "503");
		mvc.perform(get("/units/{id}/goals/new", tamKy).with(user(other.username()))).andExpect(status().isForbidden());
		mvc.perform(post("/units/{id}/goals", tamKy).with(user(office.username()))
			.with(csrf())
			.param("kind", "REGISTRY_TOTAL")
			.param("label", "Đường hoa Tam Kỳ")
			.param("registryKind", "DUONG_HOA")
			.param("targetCount", "12,5")
			.param("dueOn", "31/13/2025"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Hạn: giá trị không hợp lệ.")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("is-invalid")));
		assertThat(as(office, () -> goals.goalsOf(tamKy))).extracting(Goal::label).doesNotContain("Đường hoa Tam Kỳ");
		mvc.perform(post("/units/{id}/goals", tamKy).with(user(office.username()))
			.with(csrf())
			.param("kind", "REGISTRY_TOTAL")
			.param("label", "Đường hoa Tam Kỳ")
			.param("registryKind", "DUONG_HOA")
			.param("targetCount", "12,5")
			.param("dueOn", "31/12/2025")).andExpect(status().is3xxRedirection());
		Goal saved = as(office, () -> goals.goalsOf(tamKy)).stream()
			.filter(g -> g.label().equals("Đường hoa Tam Kỳ"))
			.findFirst()
			.orElseThrow();
		assertThat(((GoalMeasure.RegistryTotal) saved.measure()).total()).isEqualByComparingTo("12.5");
		mvc.perform(get("/goals/{id}/edit", saved.id()).with(user(office.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("12,5")));
		for (int expected : new int[] { 302, 409 }) {
			mvc.perform(post("/goals/{id}", saved.id()).with(user(office.username()))
				.with(csrf())
				.param("kind", "REGISTRY_TOTAL")
				.param("label", "Đường hoa Tam Kỳ")
				.param("registryKind", "DUONG_HOA")
				.param("targetCount", "13")
				.param("dueOn", "31/12/2025")
				.param("expectedVersion", String.valueOf(saved.version()))).andExpect(status().is(expected));
		}
		mvc.perform(get("/units/{id}/goals", tamKy).param("at", "31/12/2024").with(user(office.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Đường hoa Tam Kỳ")));
	}

}
