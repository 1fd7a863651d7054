package vn.ntm.recognition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.audit.AuditLog;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedMessages;
import org.springframework.context.MessageSource;
import java.util.Locale;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Recognition dossiers: opened on the route of their day with the plan's deadlines, read
 * back, and summarised for other modules.
 */
@IntegrationTest
class DossiersTests {

	@Autowired
	Dossiers dossiers;

	@Autowired
	TestData data;

	@Autowired
	DossierFixtures fixtures;

	@Autowired
	List<vn.ntm.shared.work.WorkItemSource> workSources;

	@Autowired
	List<vn.ntm.shared.work.CalendarSource> calendarSources;

	@Autowired
	SatisfactionSurveys surveys;

	@Autowired
	Titles titles;

	@Autowired
	UnitManagement units;

	@Autowired
	AuditLog audit;

	@Autowired
	MessageSource messages;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	String text(Throwable failure) {
		return LocalizedMessages.of(messages, (vn.ntm.shared.LocalizedFailure) failure, Locale.forLanguageTag("vi"));
	}

	static DossierAction act(String action, LocalDate on, int version) {
		return new DossierAction(action, null, on, null, null, version);
	}

	static <T> T as(UserView user, java.util.function.Supplier<T> work) {
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

	@Test
	void shouldOpenA2024CommuneDossierOnTheRouteWithTheDistrictAndThePlansDeadlines() {
		UnitRef commune = data.commune("502", "Xã Hồ Sơ");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());

		DossierView opened = as(officer,
				() -> dossiers.open(new NewDossier(commune.id(), "XA_NTM", 2024, LocalDate.of(2024, 9, 2))));

		assertThat(opened.state()).isEqualTo("DRAFT");
		assertThat(opened.routeCode()).isEqualTo("XA_2021");
		assertThat(opened.steps()).extracting(DossierView.StepView::code)
			.containsExactly("SUBMIT", "DISTRICT_REVIEW", "PROVINCE_APPRAISAL", "DECISION", "ANNOUNCE");
		assertThat(opened.steps().get(0).due()).isEqualTo(LocalDate.of(2024, 10, 30));
		assertThat(opened.steps().get(1).due()).isEqualTo(LocalDate.of(2024, 11, 30));
		assertThat(opened.steps().get(2).due()).isNull();
		assertThat(opened.checklist()).extracting(DossierView.ChecklistEntry::code)
			.contains("TO_TRINH", "BAO_CAO_THAM_TRA");
		assertThat(opened.can("SUBMIT")).isTrue();

		DossierView read = as(officer, () -> dossiers.find(opened.id()));
		assertThat(read.openedOn()).isEqualTo(LocalDate.of(2024, 9, 2));
		Map<Long, DossierSummary> latest = as(officer, () -> dossiers.latestFor(List.of(commune.id()), "XA_NTM", 2024));
		assertThat(latest.get(commune.id())).isEqualTo(new DossierSummary(opened.id(), commune.id(), "XA_NTM", 2024,
				"DRAFT", "Xã nộp hồ sơ", LocalDate.of(2024, 10, 30), null));

		// the commune's inbox and calendar: the step due on 30/10/2024
		List<vn.ntm.shared.work.WorkItem> items = as(officer,
				() -> workSources.stream().flatMap(source -> source.items().stream()).toList());
		assertThat(items).filteredOn(item -> item.link().equals("/dossiers/" + opened.id()))
			.singleElement()
			.satisfies(item -> {
				assertThat(item.kind()).isEqualTo("work.kind.dossier");
				assertThat(item.due()).isEqualTo(LocalDate.of(2024, 10, 30));
				assertThat(item.title()).contains("Xã đạt chuẩn nông thôn mới 2024", commune.name());
			});
		List<vn.ntm.shared.work.CalendarEntry> entries = as(officer,
				() -> calendarSources.stream()
					.flatMap(source -> source.entries(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 31)).stream())
					.toList());
		assertThat(entries).filteredOn(entry -> ("/dossiers/" + opened.id()).equals(entry.link()))
			.singleElement()
			.satisfies(entry -> assertThat(entry.due()).isEqualTo(LocalDate.of(2024, 10, 30)));
		// another commune's officer has neither
		UserView stranger = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM,
				data.commune("502", "Xã Bên Cạnh").code());
		assertThat(as(stranger, () -> workSources.stream().flatMap(source -> source.items().stream()).toList()))
			.noneMatch(item -> item.link().equals("/dossiers/" + opened.id()));
	}

	@Test
	void shouldWalkA2024DossierThroughEveryStepRefusingTheDecisionWhileAConditionFails() {
		fixtures.testBar();
		UnitRef commune = fixtures.communeBeforeReform("Xã Đủ Bước");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		UserView province = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		fixtures.allCriteriaMet(commune.id(), 2024);
		as(officer, () -> surveys.record(commune.id(), 2024, DossierFixtures.survey(900, 630, null)));

		DossierView d = as(officer,
				() -> dossiers.open(new NewDossier(commune.id(), "XA_NTM", 2024, LocalDate.of(2024, 9, 2))));
		long id = d.id();
		// nothing uploaded: the submission names what is missing
		Throwable missing = catchThrowable(
				() -> as(officer, () -> dossiers.act(id, act("SUBMIT", LocalDate.of(2024, 10, 20), 0))));
		assertThat(text(missing)).contains("Chưa đủ tài liệu", "Tờ trình đề nghị xét công nhận");
		for (String item : List.of("TO_TRINH", "BAO_CAO_KET_QUA", "BAO_CAO_TONG_HOP_Y_KIEN", "BIEN_BAN_HOP",
				"KET_QUA_HAI_LONG")) {
			as(officer, () -> dossiers.upload(id, item, DossierFixtures.pdf(item + ".pdf")));
		}
		d = as(officer, () -> dossiers.upload(id, "TO_TRINH", DossierFixtures.pdf("to-trinh-sua.pdf")));
		assertThat(d.checklist().get(0).versions()).extracting(DossierView.DocumentVersion::version)
			.containsExactly(2, 1);

		// the district may not act before it is submitted; the commune submits
		assertThat(as(district, () -> dossiers.find(id)).actions()).doesNotContain("APPROVE");
		// each upload moved the dossier's version on: an action must have seen the files
		assertThat(d.version()).isEqualTo(6);
		assertThatThrownBy(() -> as(officer, () -> dossiers.act(id, act("SUBMIT", LocalDate.of(2024, 10, 20), 0))))
			.isInstanceOf(ConcurrentChangeException.class);
		int v0 = d.version();
		d = as(officer, () -> dossiers.act(id, act("SUBMIT", LocalDate.of(2024, 10, 20), v0)));
		assertThat(d.state()).isEqualTo("SUBMITTED");
		assertThat(d.submittedOn()).isEqualTo(LocalDate.of(2024, 10, 20));
		assertThat(d.pendingStep().code()).isEqualTo("DISTRICT_REVIEW");

		// returned with a reason, fixed, submitted again
		int v = d.version();
		assertThatThrownBy(() -> as(district,
				() -> dossiers.act(id, new DossierAction("RETURN", " ", LocalDate.of(2024, 10, 25), null, null, v))))
			.isInstanceOf(BusinessRuleException.class);
		d = as(district, () -> dossiers.act(id,
				new DossierAction("RETURN", "Thiếu chữ ký trên biên bản", LocalDate.of(2024, 10, 25), null, null, v)));
		assertThat(d.state()).isEqualTo("RETURNED");
		assertThat(d.events()).last().satisfies(e -> assertThat(e.reason()).isEqualTo("Thiếu chữ ký trên biên bản"));
		int v2 = d.version();
		d = as(officer, () -> dossiers.act(id, act("SUBMIT", LocalDate.of(2024, 10, 28), v2)));

		// a stale version is refused
		assertThatThrownBy(() -> as(district, () -> dossiers.act(id, act("APPROVE", LocalDate.of(2024, 11, 20), v2))))
			.isInstanceOf(ConcurrentChangeException.class);
		d = as(district, () -> dossiers.upload(id, "BAO_CAO_THAM_TRA", DossierFixtures.pdf("tham-tra.pdf")));
		int v3 = d.version();
		d = as(district, () -> dossiers.act(id, act("APPROVE", LocalDate.of(2024, 11, 20), v3)));
		assertThat(d.state()).isEqualTo("IN_REVIEW");
		d = as(province, () -> dossiers.upload(id, "BAO_CAO_THAM_DINH", DossierFixtures.pdf("tham-dinh.pdf")));
		int v4 = d.version();
		d = as(province, () -> dossiers.act(id, act("APPROVE", LocalDate.of(2024, 12, 10), v4)));
		assertThat(d.pendingStep().code()).isEqualTo("DECISION");

		// the decision is refused while satisfaction is below the bar and security not
		// entered
		int v5 = d.version();
		Throwable refused = catchThrowable(() -> as(province, () -> dossiers.act(id,
				new DossierAction("APPROVE", null, LocalDate.of(2025, 1, 15), "15/QĐ-UBND", null, v5))));
		assertThat(text(refused))
			.contains("Chưa đủ điều kiện công nhận", "630/900 (70,0%) thấp hơn ngưỡng 80%",
					"Chưa nhập đánh giá tình hình an ninh trật tự")
			.doesNotContain("tiêu chí năm");
		DossierView before = as(province, () -> dossiers.find(id));
		assertThat(before.conditions()).extracting(DossierView.Condition::outcome)
			.containsExactly(DossierView.Condition.Outcome.PASS, DossierView.Condition.Outcome.FAIL,
					DossierView.Condition.Outcome.PASS, DossierView.Condition.Outcome.FAIL);
		assertThat(before.state()).isEqualTo("IN_REVIEW");

		SurveyView survey = as(officer, () -> surveys.find(commune.id(), 2024)).orElseThrow();
		as(officer, () -> surveys.record(commune.id(), 2024, DossierFixtures.survey(900, 810, survey.version())));
		d = as(province, () -> dossiers.recordSecurity(id, false, "Công văn 123/CAT-PV01 của Công an tỉnh", v5));
		int v6 = d.version();
		d = as(province, () -> dossiers.act(id, new DossierAction("APPROVE", null, LocalDate.of(2025, 1, 15),
				"15/QĐ-UBND", "UBND tỉnh Quảng Nam", v6)));
		assertThat(d.state()).isEqualTo("APPROVED");
		assertThat(d.awardId()).isNotNull();
		assertThat(d.decidedOn()).isEqualTo(LocalDate.of(2025, 1, 15));
		assertThat(SystemTask.call(() -> titles.historyOf(commune.id()))).singleElement().satisfies(award -> {
			assertThat(award.titleCode()).isEqualTo("XA_NTM");
			assertThat(award.year()).isEqualTo(2024);
		});
		int v7 = d.version();
		d = as(province, () -> dossiers.act(id, act("APPROVE", LocalDate.of(2025, 1, 20), v7)));
		assertThat(d.stepPosition()).isNull();
		assertThat(d.announcedOn()).isEqualTo(LocalDate.of(2025, 1, 20));
		assertThat(d.steps()).extracting(DossierView.StepView::status).containsOnly("DONE");
		assertThat(SystemTask.call(() -> audit.historyOf("dossier", String.valueOf(id), 50))).hasSizeGreaterThan(8);
	}

	@Test
	void shouldCarryADistrictStepToTheProvinceAndAMergedCommunesStepToItsSuccessor() {
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		UserView district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		UserView daNang = data.user(Role.PROVINCE_OFFICE, TestData.AFTER_REFORM, "48");
		UnitRef next = SystemTask.call(() -> units.fate(tamThanh)).orElseThrow().successors().get(0).unit();
		String successorCode = next.code();
		UserView successor = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, successorCode);

		DossierView d = as(officer,
				() -> dossiers.open(new NewDossier(tamThanh, "XA_NTM_NANG_CAO", 2024, LocalDate.of(2025, 3, 1))));
		long id = d.id();
		assertThat(d.routeCode()).isEqualTo("XA_2021");
		for (String item : List.of("TO_TRINH", "BAO_CAO_KET_QUA", "BAO_CAO_TONG_HOP_Y_KIEN", "BIEN_BAN_HOP",
				"KET_QUA_HAI_LONG")) {
			as(officer, () -> dossiers.upload(id, item, DossierFixtures.pdf(item + ".pdf")));
		}
		int uploaded = as(officer, () -> dossiers.find(id)).version();
		d = as(officer, () -> dossiers.act(id, act("SUBMIT", LocalDate.of(2025, 3, 10), uploaded)));
		// the district ended on 30/6/2025: its step is the province's now
		DossierView.StepView pending = d.pendingStep();
		assertThat(d.steps().get(0).officeName()).startsWith("Xã Tam Thanh");
		assertThat(pending.code()).isEqualTo("DISTRICT_REVIEW");
		assertThat(pending.carriedOver()).isTrue();
		assertThat(pending.officeName()).contains("Đà Nẵng");
		int v = d.version();
		Throwable late = catchThrowable(() -> as(district, () -> dossiers.act(id, act("RETURN", null, v))));
		assertThat(late).isInstanceOf(AccessRefused.class);
		assertThat(text(late)).contains("Huyện thẩm tra", "Đà Nẵng");
		d = as(daNang, () -> dossiers.act(id,
				new DossierAction("RETURN", "Bổ sung báo cáo sau sáp nhập", null, null, null, v)));
		assertThat(d.state()).isEqualTo("RETURNED");
		assertThat(d.events()).last().satisfies(e -> assertThat(e.officeName()).contains("Đà Nẵng"));

		// back at the commune, which merged: its successor's officers handle it
		assertThat(d.pendingStep().carriedOver()).isTrue();
		assertThat(d.pendingStep().officeName()).contains(next.fullName());
		int v2 = d.version();
		assertThat(as(officer, () -> dossiers.find(id)).actions()).doesNotContain("SUBMIT");
		assertThatThrownBy(() -> as(officer, () -> dossiers.act(id, act("SUBMIT", null, v2))))
			.isInstanceOf(AccessRefused.class);
		assertThat(as(successor, () -> dossiers.find(id)).actions()).contains("SUBMIT", "UPLOAD");
		DossierView resubmitted = as(successor, () -> dossiers.act(id, act("SUBMIT", null, v2)));
		assertThat(resubmitted.state()).isEqualTo("SUBMITTED");
		assertThat(resubmitted.events()).last().satisfies(e -> assertThat(e.officeName()).contains(next.fullName()));
	}

	@Test
	void shouldRefuseAnotherUnitsOfficer() {
		UnitRef commune = data.commune("502", "Xã Riêng");
		UnitRef other = data.commune("502", "Xã Khác");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		UserView stranger = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, other.code());
		DossierView d = as(officer,
				() -> dossiers.open(new NewDossier(commune.id(), "XA_NTM", 2024, LocalDate.of(2024, 9, 2))));
		assertThatThrownBy(() -> as(stranger, () -> dossiers.find(d.id()))).isInstanceOf(AccessRefused.class);
		assertThatThrownBy(() -> as(stranger, () -> dossiers.upload(d.id(), "TO_TRINH", DossierFixtures.pdf("x.pdf"))))
			.isInstanceOf(AccessRefused.class);
		assertThatThrownBy(() -> as(stranger,
				() -> dossiers.open(new NewDossier(commune.id(), "XA_NTM", 2023, LocalDate.of(2024, 9, 2)))))
			.isInstanceOf(AccessRefused.class);
		assertThat(as(stranger, () -> dossiers.latestFor(List.of(commune.id()), "XA_NTM", 2024))).isEmpty();
		// one live dossier per unit, title and year
		Throwable twice = catchThrowable(() -> as(officer,
				() -> dossiers.open(new NewDossier(commune.id(), "XA_NTM", 2024, LocalDate.of(2024, 9, 3)))));
		assertThat(text(twice)).contains("đã có hồ sơ xét công nhận");
	}

	@Test
	void shouldServeTheApiAndThePagesToReadersOnly() throws Exception {
		UnitRef commune = data.commune("502", "Xã Giao Diện");
		UnitRef other = data.commune("502", "Xã Ngoài");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		UserView stranger = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, other.code());
		var me = httpBasic(officer.username(), TestData.PASSWORD);
		String body = "{\"unitId\": " + commune.id() + ", \"titleCode\": \"XA_NTM\", \"year\": 2024,"
				+ " \"openedOn\": \"2024-09-02\"}";
		String created = mvc
			.perform(post("/api/v1/dossiers").with(me)
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.dossier.state").value("DRAFT"))
			.andExpect(jsonPath("$.dossier.steps[0].due").value("2024-10-30"))
			.andExpect(
					jsonPath("$.conditions[3].reason", containsString("Chưa nhập đánh giá tình hình an ninh trật tự")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll("^\\{\"dossier\":\\{\"id\":(\\d+).*$", "$1"));
		mvc.perform(get("/api/v1/dossiers/{id}", id).with(httpBasic(stranger.username(), TestData.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/dossiers/{id}/actions", id).with(me)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"action\": \"SUBMIT\", \"expectedVersion\": 7}")).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/dossiers/{id}/actions", id).with(me)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"action\": \"SUBMIT\", \"on\": \"2024-10-20\", \"expectedVersion\": 0}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Chưa đủ tài liệu cho bước \"Xã nộp hồ sơ\"")));
		mvc.perform(get("/api/v1/dossiers").param("unit", String.valueOf(commune.id())).with(me))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].summary.id").value(id));
		var page = user(officer.username());
		mvc.perform(get("/dossiers/{id}", id).with(page))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tờ trình đề nghị xét công nhận")))
			.andExpect(content().string(containsString("Quy định cũ")));
		mvc.perform(get("/dossiers/{id}", id).with(user(stranger.username()))).andExpect(status().isForbidden());
		mvc.perform(get("/units/{id}/dossiers.xlsx", commune.id()).with(page))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")));
		mvc.perform(post("/dossiers/{id}/act", id).with(page)
			.with(csrf())
			.param("action", "SUBMIT")
			.param("on", "31/02/2024")
			.param("expectedVersion", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ngày thực hiện: ngày &quot;31/02/2024&quot; không hợp lệ")));
	}

}
