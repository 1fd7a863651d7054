package vn.ntm.orgunit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changing units: every change through a page or the API is audited with before and
 * after, concurrent edits are refused, and lineage events (rename, merge, split,
 * dissolve) keep history.
 */
@IntegrationTest
class UnitChangesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UnitManagement units;

	@Autowired
	AuditLog audit;

	UserView officer;

	UnitRef commune;

	@BeforeEach
	void setUp() {
		// Xã Xuân Cẩm (Bắc Ninh) since 1/7/2025: villages created under it have no reform
		// in their past
		officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		commune = data.unit("07870", TestData.AFTER_REFORM);
	}

	private List<AuditEntry> auditOf(long unitId) {
		return audit.historyOf("unit", String.valueOf(unitId), 20);
	}

	@Test
	void shouldAuditAVillageCreatedThroughTheApi() throws Exception {
		String name = TestData.unique("Thôn Api ");
		String body = mvc
			.perform(post("/api/v1/units").with(httpBasic(officer.username(), TestData.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"type\":\"THON\",\"parentId\":" + commune.id() + "}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
		List<AuditEntry> entries = auditOf(id);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).actor()).isEqualTo(officer.username());
		assertThat(entries.get(0).action()).isEqualTo("CREATE");
		assertThat(entries.get(0).before()).isEmpty();
		assertThat(entries.get(0).after()).containsEntry("name", name);
	}

	@Test
	void shouldAuditACorrectionMadeOnThePageWithBeforeAndAfter() throws Exception {
		UnitRef village = data.village(commune.id(), TestData.unique("Thôn Sai "));
		int version = SystemTask.call(() -> units.details(village.id(), LocalDate.now())).rowVersion();
		String corrected = TestData.unique("Thôn Đúng ");
		mvc.perform(post("/units/{id}/edit", village.id()).with(user(officer.username()))
			.with(csrf())
			.param("name", corrected)
			.param("type", "THON")
			.param("expectedVersion", String.valueOf(version))).andExpect(redirectedUrl("/units/" + village.id()));
		AuditEntry entry = auditOf(village.id()).get(0);
		assertThat(entry.action()).isEqualTo("UPDATE");
		assertThat(entry.before()).containsEntry("name", village.name());
		assertThat(entry.after()).containsEntry("name", corrected);
		assertThat(entry.changes()).anySatisfy(c -> {
			assertThat(c.field()).isEqualTo("name");
			assertThat(c.changed()).isTrue();
		});
	}

	@Test
	void shouldRefuseTheSecondOfTwoConcurrentEditsAndKeepTheFirst() throws Exception {
		UnitRef village = data.village(commune.id(), TestData.unique("Thôn Chung "));
		int version = SystemTask.call(() -> units.details(village.id(), LocalDate.now())).rowVersion();
		mvc.perform(put("/api/v1/units/{id}", village.id()).with(httpBasic(officer.username(), TestData.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Thôn Người Thứ Nhất\",\"type\":\"THON\",\"expectedVersion\":" + version + "}"))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/units/{id}", village.id()).with(httpBasic(officer.username(), TestData.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Thôn Người Thứ Hai\",\"type\":\"THON\",\"expectedVersion\":" + version + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString(officer.username())))
			.andExpect(jsonPath("$.changedBy").value(officer.username()));
		// the page shows the same refusal above the form, and nothing is lost
		mvc.perform(post("/units/{id}/edit", village.id()).with(user(officer.username()))
			.with(csrf())
			.param("name", "Thôn Người Thứ Ba")
			.param("type", "THON")
			.param("expectedVersion", String.valueOf(version)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("vừa được " + officer.username() + " thay đổi")));
		assertThat(SystemTask.call(() -> units.find(village.id(), LocalDate.now())).orElseThrow().name())
			.isEqualTo("Thôn Người Thứ Nhất");
	}

	@Test
	void shouldKeepTheOldNameInHistoryWhenAVillageIsRenamed() throws Exception {
		UnitRef village = data.village(commune.id(), TestData.unique("Thôn Cũ "));
		int version = SystemTask.call(() -> units.details(village.id(), LocalDate.now())).rowVersion();
		mvc.perform(post("/api/v1/units/{id}/changes", village.id())
			.with(httpBasic(officer.username(), TestData.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"effectiveDate\":\"2026-01-01\",\"newName\":\"Thôn Mới Đổi Tên\",\"legalBasis\":\"QĐ 1/QĐ-UBND\","
							+ "\"expectedVersion\":" + version + "}"))
			.andExpect(status().isOk());
		UnitHistory history = SystemTask.call(() -> units.history(village.id()));
		assertThat(history.versions()).extracting(v -> v.version().name())
			.containsExactly(village.name(), "Thôn Mới Đổi Tên");
		assertThat(history.events()).singleElement().satisfies(e -> {
			assertThat(e.kind()).isEqualTo("RENAME");
			assertThat(e.legalBasis()).isEqualTo("QĐ 1/QĐ-UBND");
		});
		assertThat(SystemTask.call(() -> units.find(village.id(), LocalDate.of(2025, 12, 31))).orElseThrow().name())
			.isEqualTo(village.name());
		assertThat(auditOf(village.id()).get(0).action()).isEqualTo("RENAME");
	}

	@Test
	void shouldChangeAUnitOfTheNationalListsLikeAnyOther() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		UnitRef xuanCam = data.unit("07870", TestData.AFTER_REFORM);
		UnitDetails details = SystemTask.call(() -> units.details(xuanCam.id(), LocalDate.now()));
		mvc.perform(put("/api/v1/units/{id}", xuanCam.id()).with(httpBasic(admin.username(), TestData.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"07870\",\"name\":\"Xuân Cẩm\",\"type\":\"XA\",\"validFrom\":\"2025-07-01\","
					+ "\"note\":\"Ghi chú kiểm thử\",\"expectedVersion\":" + details.rowVersion() + "}"))
			.andExpect(status().isOk());
		assertThat(auditOf(xuanCam.id()).get(0).after()).containsEntry("note", "Ghi chú kiểm thử");
	}

	@Test
	void shouldMergeVillagesIntoOneThatGoesOn() {
		UnitRef a = data.village(commune.id(), TestData.unique("Thôn Gộp A "));
		UnitRef b = data.village(commune.id(), TestData.unique("Thôn Gộp B "));
		UnitRef c = data.village(commune.id(), TestData.unique("Thôn Giữ C "));
		LocalDate date = LocalDate.of(2026, 3, 1);
		long event = SystemTask.call(() -> units
			.merge(new Merge(List.of(a.id(), b.id(), c.id()), date, c.id(), null, "NQ thử nghiệm", null)));
		assertThat(event).isPositive();
		assertThat(SystemTask.call(() -> units.find(a.id(), date))).isEmpty();
		assertThat(SystemTask.call(() -> units.find(a.id(), date.minusDays(1)))).isPresent();
		assertThat(SystemTask.call(() -> units.find(c.id(), date))).isPresent();
		UnitHistory history = SystemTask.call(() -> units.history(a.id()));
		assertThat(history.events()).singleElement()
			.satisfies(e -> assertThat(e.successors()).extracting(UnitRef::id).containsExactly(c.id()));
	}

	@Test
	void shouldSplitACommuneAndMoveItsVillages() {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		UnitRef tanMy = data.unit("02308", TestData.AFTER_REFORM);
		UnitRef province = SystemTask.call(() -> units.ancestors(tanMy.id(), LocalDate.now())).get(1);
		String code = "9" + (System.nanoTime() % 10000);
		UnitRef commune2 = SystemTask.call(() -> units.create(new NewUnit(code, TestData.unique("Tách "), UnitType.XA,
				province.id(), LocalDate.of(2026, 1, 1), null)));
		UnitRef v1 = data.village(commune2.id(), "Thôn Một");
		UnitRef v2 = data.village(commune2.id(), "Thôn Hai");
		LocalDate date = LocalDate.of(2026, 6, 1);
		int version = SystemTask.call(() -> units.details(commune2.id(), LocalDate.now())).rowVersion();
		SystemTask.call(() -> units.split(new Split(commune2.id(), date,
				List.of(new NewUnit(code + "1", "Bắc", UnitType.XA, province.id(), null, null),
						new NewUnit(code + "2", "Nam", UnitType.XA, province.id(), null, null)),
				Map.of(v1.id(), 0, v2.id(), 1), "NQ thử", null, version)));
		assertThat(SystemTask.call(() -> units.find(commune2.id(), date))).isEmpty();
		UnitRef v1After = SystemTask.call(() -> units.find(v1.id(), date)).orElseThrow();
		UnitRef v2After = SystemTask.call(() -> units.find(v2.id(), date)).orElseThrow();
		assertThat(SystemTask.call(() -> units.find(v1After.parentId(), date)).orElseThrow().name()).isEqualTo("Bắc");
		assertThat(SystemTask.call(() -> units.find(v2After.parentId(), date)).orElseThrow().name()).isEqualTo("Nam");
		assertThat(admin).isNotNull();
	}

	@Test
	void shouldRefuseToDissolveAUnitThatStillHasVillages() {
		UnitRef tanMy = data.unit("02308", TestData.AFTER_REFORM);
		int version = SystemTask.call(() -> units.details(tanMy.id(), LocalDate.now())).rowVersion();
		assertThatThrownBy(
				() -> SystemTask.call(() -> units.dissolve(tanMy.id(), LocalDate.of(2026, 6, 1), null, null, version)))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("unit.dissolve.hasChildren");
	}

	@Test
	void shouldNameTheChangerWhenRefusingAStaleVersion() {
		UnitRef village = data.village(commune.id(), TestData.unique("Thôn Cũ Hơn "));
		assertThatThrownBy(() -> SystemTask.call(
				() -> units.correct(village.id(), new UnitCorrection(null, "Tên Khác", UnitType.THON, null, null, 99))))
			.isInstanceOf(ConcurrentChangeException.class)
			.satisfies(ex -> assertThat(((ConcurrentChangeException) ex).changedBy()).isEqualTo("hệ thống"));
	}

	@Test
	void shouldCarryVillagesOfAnEndedCommuneToItsSuccessor() {
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		UnitRef village = data.village(tamThanh.id(), TestData.unique("Thôn Theo "));
		UnitRef after = SystemTask.call(() -> units.find(village.id(), TestData.AFTER_REFORM)).orElseThrow();
		UnitRef parent = SystemTask.call(() -> units.find(after.parentId(), TestData.AFTER_REFORM)).orElseThrow();
		assertThat(parent.fullName()).isEqualTo("Phường Quảng Phú");
		UnitRef before = SystemTask.call(() -> units.find(village.id(), TestData.BEFORE_REFORM)).orElseThrow();
		assertThat(before.parentId()).isEqualTo(tamThanh.id());
	}

	private UnitRef province() {
		UnitRef tanMy = data.unit("02308", TestData.AFTER_REFORM);
		return SystemTask.call(() -> units.ancestors(tanMy.id(), LocalDate.now())).get(1);
	}

	private UnitRef commune(UnitRef province, String code, LocalDate from) {
		return SystemTask.call(() -> units
			.create(new NewUnit(code, TestData.unique("Xã Thử "), UnitType.XA, province.id(), from, null)));
	}

	private static String freshCode() {
		return "8" + (System.nanoTime() % 100000);
	}

	private int version(UnitRef unit) {
		return SystemTask.call(() -> units.details(unit.id(), LocalDate.now())).rowVersion();
	}

	@Test
	void shouldLetANewUnitKeepTheCodeOfAMergedOneAndRecordVillagesAsMoved() {
		UnitRef province = province();
		String codeA = freshCode();
		UnitRef a = commune(province, codeA, LocalDate.of(2026, 1, 1));
		UnitRef b = commune(province, freshCode() + "1", LocalDate.of(2026, 1, 1));
		UnitRef villageA = data.village(a.id(), "Thôn Đông");
		UnitRef villageB = data.village(b.id(), "Thôn Đông");
		LocalDate date = LocalDate.of(2026, 7, 1);
		long event = SystemTask.call(() -> units.merge(new Merge(List.of(a.id(), b.id()), date, null,
				new NewUnit(codeA, TestData.unique("Hợp Nhất "), UnitType.XA, province.id(), null, null), "NQ thử",
				null)));
		assertThat(event).isPositive();
		UnitRef merged = SystemTask.call(() -> units.findByCode(codeA, date)).orElseThrow();
		assertThat(merged.id()).isNotEqualTo(a.id());
		// the ended commune's successor is the new commune, not its villages
		UnitHistory historyA = SystemTask.call(() -> units.history(a.id()));
		assertThat(historyA.events()).singleElement().satisfies(e -> {
			assertThat(e.role()).isEqualTo("ENDED");
			assertThat(e.successors()).extracting(UnitRef::id).containsExactly(merged.id());
			assertThat(e.moved()).extracting(UnitRef::id).containsExactlyInAnyOrder(villageA.id(), villageB.id());
		});
		UnitHistory historyVillage = SystemTask.call(() -> units.history(villageA.id()));
		assertThat(historyVillage.events()).singleElement().satisfies(e -> assertThat(e.role()).isEqualTo("MOVED"));
		// two "Thôn Đông" now under one commune: kept as decided, flagged for renaming
		assertThat(SystemTask.call(() -> units.history(villageB.id())).issues())
			.anySatisfy(issue -> assertThat(issue.kind()).isEqualTo("SAME_NAME"));
	}

	@Test
	void shouldRefuseToEndAUnitTwiceButAcceptAChangeInsideItsLife() {
		UnitRef village = data.village(commune.id(), TestData.unique("Thôn Giải Thể "));
		SystemTask.call(() -> units.dissolve(village.id(), LocalDate.of(2026, 9, 1), "QĐ thử", null, version(village)));
		assertThatThrownBy(() -> SystemTask
			.call(() -> units.dissolve(village.id(), LocalDate.of(2026, 8, 1), null, null, version(village))))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("unit.alreadyEnded");
		// a renaming found late, inside the life, is still recorded
		SystemTask.call(() -> units.change(village.id(), new UnitChange(LocalDate.of(2026, 5, 1),
				"Tên Mới Trước Giải Thể", null, null, null, "QĐ đổi tên", null, version(village))));
		UnitRef last = SystemTask.call(() -> units.find(village.id(), LocalDate.of(2026, 8, 31))).orElseThrow();
		assertThat(last.name()).isEqualTo("Tên Mới Trước Giải Thể");
		assertThat(last.validTo()).isEqualTo(LocalDate.of(2026, 8, 31));
	}

	@Test
	void shouldRefuseToEndAUnitThatHasVillagesRecordedToJoinItLater() {
		UnitRef province = province();
		UnitRef x = commune(province, freshCode(), LocalDate.of(2026, 1, 1));
		SystemTask.call(() -> units
			.create(new NewUnit(null, "Thôn Tương Lai", UnitType.THON, x.id(), LocalDate.of(2026, 9, 1), null)));
		assertThatThrownBy(
				() -> SystemTask.call(() -> units.dissolve(x.id(), LocalDate.of(2026, 6, 1), null, null, version(x))))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("unit.end.laterChildren");
	}

	@Test
	void shouldRefuseToMoveAStartDateSetByAMergeOrPastTheStartOfAVillage() {
		UnitRef province = province();
		UnitRef x = commune(province, freshCode(), LocalDate.of(2026, 1, 1));
		SystemTask.call(() -> units
			.create(new NewUnit(null, "Thôn Sớm", UnitType.THON, x.id(), LocalDate.of(2026, 2, 1), null)));
		assertThatThrownBy(() -> SystemTask.call(() -> units.correct(x.id(),
				new UnitCorrection(x.code(), x.name(), UnitType.XA, LocalDate.of(2026, 3, 1), null, version(x)))))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("unit.correct.childrenBefore");
		UnitRef y = commune(province, freshCode(), LocalDate.of(2026, 1, 1));
		UnitRef z = commune(province, freshCode(), LocalDate.of(2026, 1, 1));
		SystemTask.call(() -> units.merge(new Merge(List.of(y.id(), z.id()), LocalDate.of(2026, 4, 1), null,
				new NewUnit(freshCode(), TestData.unique("Mới "), UnitType.XA, province.id(), null, null), null,
				null)));
		UnitRef created = SystemTask.call(() -> units.history(y.id()).events().get(0).successors().get(0));
		assertThatThrownBy(() -> SystemTask.call(() -> units.correct(created.id(),
				new UnitCorrection(created.code(), created.name(), UnitType.XA, LocalDate.of(2026, 5, 1), null,
						version(created)))))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("unit.correct.startFromEvent");
	}

	@Test
	void shouldNotLetACommuneOfficerMoveAVillageToAnotherCommune() throws Exception {
		UnitRef village = data.village(commune.id(), TestData.unique("Thôn Ở Lại "));
		UnitRef elsewhere = data.unit("02308", TestData.AFTER_REFORM);
		mvc.perform(
				post("/api/v1/units/{id}/changes", village.id()).with(httpBasic(officer.username(), TestData.PASSWORD))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"effectiveDate\":\"2026-05-01\",\"newParentId\":" + elsewhere.id()
							+ ",\"expectedVersion\":" + version(village) + "}"))
			.andExpect(status().isForbidden());
		assertThat(SystemTask.call(() -> units.find(village.id(), LocalDate.of(2026, 6, 1))).orElseThrow().parentId())
			.isEqualTo(commune.id());
	}

	@Test
	void shouldRefuseToEndAClassificationLaterThanItAlreadyEnds() {
		UnitRef province = province();
		UnitRef x = commune(province, freshCode(), LocalDate.of(2026, 1, 1));
		SystemTask.run(() -> units.classify(x.id(), new ClassificationChange("NHOM_XA", "NHOM_1",
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), "QĐ thử", null, version(x))));
		long id = SystemTask.call(() -> units.history(x.id()).classifications().get(0).id());
		assertThatThrownBy(
				() -> SystemTask.run(() -> units.endClassification(x.id(), id, LocalDate.of(2026, 12, 31), version(x))))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("classification.end.afterEnd");
	}

}
