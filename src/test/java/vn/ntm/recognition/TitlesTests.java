package vn.ntm.recognition;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.criteria.TitlesHeld;
import vn.ntm.orgunit.Merge;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
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
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The titles units hold, in the recognition module: recorded, reviewed under a newer set
 * and revoked (a stale version refused with 409, each change audited and announced), held
 * at a date, the holders below a unit at a date (page, .xlsx, API), access refused
 * outside the caller's units; a merger ends the merged communes' titles, the new commune
 * holds none and shows them as its predecessors'; the 2025 reform's communes' titles show
 * as ended.
 */
@IntegrationTest
class TitlesTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Titles titles;

	@Autowired
	TitlesHeld held;

	@Autowired
	UnitManagement units;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TitleEventProbe probe;

	/**
	 * Records titles: the test communes outlive their district (ended 30/6/2025), so only
	 * an administrator has them within reach today.
	 */
	static final String ADMIN = "admin";

	static <T> T as(UserView user, java.util.function.Supplier<T> work) {
		return as(user.username(), work);
	}

	static <T> T as(String username, java.util.function.Supplier<T> work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(username, null, List.of()));
		var previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	static NewTitleAward ntm(int year, LocalDate decidedOn) {
		return new NewTitleAward("XA_NTM", year, decidedOn, "123/QĐ-UBND", "UBND tỉnh Quảng Nam", null, null);
	}

	@Test
	void shouldAwardReviewAndRevokeWithVersionsAuditAndEvents() {
		UnitRef commune = data.commune("502", "Xã Danh Hiệu");
		TitleAward award = as(ADMIN, () -> titles.award(commune.id(), ntm(2021, LocalDate.of(2021, 12, 15))));
		assertThat(award.titleName()).isNotBlank();
		assertThat(award.issuer()).isEqualTo("UBND tỉnh Quảng Nam");

		// held from its decision, not before
		assertThat(held.titlesHeld(List.of(commune.id()), LocalDate.of(2021, 12, 14))).doesNotContainKey(commune.id());
		assertThat(held.titlesHeld(List.of(commune.id()), LocalDate.of(2021, 12, 15))).containsEntry(commune.id(),
				java.util.Set.of("XA_NTM"));

		// reviewed under the newer set: shown in the history, the award's version moves
		// on
		TitleReview review = as(ADMIN, () -> titles.review(award.id(), new NewTitleReview("QĐ 318/QĐ-TTg",
				LocalDate.of(2023, 3, 1), true, "45/QĐ-UBND", "UBND tỉnh Quảng Nam", null, null), award.rowVersion()));
		assertThat(review.maintained()).isTrue();
		assertThat(review.deadline()).isNull();
		assertThat(as(ADMIN, () -> titles.reviewsOf(commune.id()))).extracting(TitleReview::id)
			.containsExactly(review.id());

		// the version read before the review is stale
		Revocation revocation = new Revocation(LocalDate.of(2024, 5, 1), "77/QĐ-UBND", "UBND tỉnh Quảng Nam",
				"Không duy trì tiêu chí môi trường");
		assertThatThrownBy(() -> as(ADMIN, () -> titles.revoke(award.id(), revocation, award.rowVersion())))
			.isInstanceOf(ConcurrentChangeException.class);
		// no reason, no revocation
		int current = as(ADMIN, () -> titles.historyOf(commune.id())).get(0).rowVersion();
		assertThatThrownBy(() -> as(ADMIN,
				() -> titles.revoke(award.id(), new Revocation(LocalDate.of(2024, 5, 1), "77/QĐ-UBND", null, " "),
						current)))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("title.revocationReason.required"));

		TitleAward revoked = as(ADMIN, () -> titles.revoke(award.id(), revocation, current));
		assertThat(revoked.revokedOn()).isEqualTo(LocalDate.of(2024, 5, 1));
		assertThat(revoked.revocationReason()).isEqualTo("Không duy trì tiêu chí môi trường");
		assertThat(revoked.revocationIssuer()).isEqualTo("UBND tỉnh Quảng Nam");
		assertThat(revoked.heldAt(LocalDate.of(2024, 4, 30))).isTrue();
		assertThat(revoked.heldAt(LocalDate.of(2024, 5, 1))).isFalse();
		assertThat(held.titlesHeld(List.of(commune.id()), LocalDate.of(2024, 5, 1))).doesNotContainKey(commune.id());

		// audited, announced through the publication registry
		assertThat(jdbc
			.sql("select action from audit_event where entity_type = 'title_award' and entity_id = :id order by id")
			.param("id", String.valueOf(award.id()))
			.query(String.class)
			.list()).contains("REVOKE");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(probe.received())
				.anySatisfy(e -> assertThat(e).isEqualTo(new TitleAwarded(award.id(), commune.id(), "XA_NTM", 2021,
						LocalDate.of(2021, 12, 15), "123/QĐ-UBND")))
				.anySatisfy(e -> assertThat(e).isEqualTo(new TitleRevoked(award.id(), commune.id(), "XA_NTM", 2021,
						LocalDate.of(2024, 5, 1), "77/QĐ-UBND", "Không duy trì tiêu chí môi trường"))));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jdbc
				.sql("select bool_and(completion_date is not null) from event_publication"
						+ " where event_type like 'vn.ntm.recognition.Title%' and serialized_event like :id")
				.param("id", "%\"awardId\":" + award.id() + ",%")
				.query(Boolean.class)
				.single()).isTrue());
	}

	@Test
	void shouldRefuseAnotherUnitsOfficer() {
		UnitRef commune = data.commune("502", "Xã Được Xem");
		UnitRef other = data.commune("503", "Xã Khác");
		UserView outsider = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, other.code());
		UserView own = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		TitleAward award = as(ADMIN, () -> titles.award(commune.id(), ntm(2022, LocalDate.of(2022, 11, 1))));

		assertThatThrownBy(() -> as(outsider, () -> titles.historyOf(commune.id()))).isInstanceOf(AccessRefused.class);
		// the commune's own officer reads its titles but does not record them
		assertThat(as(own, () -> titles.historyOf(commune.id()))).extracting(TitleAward::id).contains(award.id());
		assertThat(as(own, () -> titles.canRecord(commune.id()))).isFalse();
		assertThatThrownBy(() -> as(own, () -> titles.award(commune.id(), ntm(2023, null))))
			.isInstanceOf(AccessRefused.class);
		assertThatThrownBy(() -> as(own, () -> titles.revoke(award.id(),
				new Revocation(LocalDate.of(2024, 1, 1), null, null, "Thử"), award.rowVersion())))
			.isInstanceOf(AccessRefused.class);
	}

	@Test
	void shouldAnswerTheApiWithHistoryHoldersAndA409() throws Exception {
		UnitRef commune = data.commune("502", "Xã Qua API");
		UnitRef other = data.commune("503", "Xã Ngoài");
		UserView outsider = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, other.code());
		long district = data.unit("502", TestData.BEFORE_REFORM).id();

		String created = mvc
			.perform(json(post("/api/v1/units/{id}/titles", commune.id()),
					Map.of("titleCode", "XA_NTM", "year", 2022, "decidedOn", "2022-10-20", "decisionNumber",
							"2500/QĐ-UBND", "issuer", "UBND tỉnh Quảng Nam"))
				.with(httpBasic(ADMIN, "NtmDemo@2026")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.issuer").value("UBND tỉnh Quảng Nam"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode award = JSON.readTree(created);
		long id = award.get("id").asLong();
		int version = award.get("rowVersion").asInt();

		mvc.perform(get("/api/v1/units/{id}/titles", commune.id()).with(httpBasic(ADMIN, "NtmDemo@2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].decisionNumber").value("2500/QĐ-UBND"));
		mvc.perform(get("/api/v1/units/{id}/titles", commune.id()).with(basic(outsider)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/units/{id}/title-holders", district).param("at", "2023-01-01")
			.param("title", "XA_NTM")
			.with(httpBasic(ADMIN, "NtmDemo@2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) id)));
		mvc.perform(get("/api/v1/units/{id}/title-holders", district).param("at", "2022-10-19")
			.param("title", "XA_NTM")
			.with(httpBasic(ADMIN, "NtmDemo@2026"))).andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
		// every title when none is named
		mvc.perform(get("/api/v1/units/{id}/title-holders", district).param("at", "2023-01-01")
			.with(httpBasic(ADMIN, "NtmDemo@2026"))).andExpect(jsonPath("$[*].id", hasItem((int) id)));
		mvc.perform(get("/api/v1/units/{id}/title-holders", district).param("at", "2023-01-01").with(basic(outsider)))
			.andExpect(status().isForbidden());

		// a review moves the version on: a revocation with the version read before is 409
		mvc.perform(json(post("/api/v1/title-awards/{id}/reviews", id),
				Map.of("setLabel", "QĐ 51/2025/QĐ-TTg", "reviewedOn", "2025-12-01", "maintained", false, "deadline",
						"2026-06-30", "expectedVersion", version))
			.with(httpBasic(ADMIN, "NtmDemo@2026")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.maintained").value(false));
		mvc.perform(json(post("/api/v1/title-awards/{id}/revoke", id),
				Map.of("revokedOn", "2026-01-15", "decision", "10/QĐ-UBND", "reason", "Không duy trì theo QĐ 51",
						"expectedVersion", version))
			.with(httpBasic(ADMIN, "NtmDemo@2026"))).andExpect(status().isConflict());
		mvc.perform(json(post("/api/v1/title-awards/{id}/revoke", id),
				Map.of("revokedOn", "2026-01-15", "decision", "10/QĐ-UBND", "expectedVersion", version + 1))
			.with(httpBasic(ADMIN, "NtmDemo@2026")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("lý do thu hồi")));
		mvc.perform(json(post("/api/v1/title-awards/{id}/revoke", id),
				Map.of("revokedOn", "2026-01-15", "decision", "10/QĐ-UBND", "issuer", "UBND tỉnh Quảng Nam", "reason",
						"Không duy trì theo QĐ 51", "expectedVersion", version + 1))
			.with(httpBasic(ADMIN, "NtmDemo@2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revocationReason").value("Không duy trì theo QĐ 51"));
	}

	@Test
	void shouldReviewAndRevokeFromTheUnitPageAndShowTheHistory() throws Exception {
		UnitRef commune = data.commune("502", "Xã Trang Lịch Sử");
		TitleAward award = as(ADMIN, () -> titles.award(commune.id(), ntm(2021, LocalDate.of(2021, 12, 20))));

		mvc.perform(post("/units/{id}/titles/{award}/review", commune.id(), award.id()).with(user(ADMIN))
			.with(csrf())
			.param("setLabel", "")
			.param("reviewedOn", "01/03/2023")
			.param("version", String.valueOf(award.rowVersion())))
			.andExpect(redirectedUrl("/units/" + commune.id()))
			.andExpect(flash().attribute("titleError", containsString("bộ tiêu chí mới")));
		mvc.perform(post("/units/{id}/titles/{award}/review", commune.id(), award.id()).with(user(ADMIN))
			.with(csrf())
			.param("setLabel", "QĐ 318/QĐ-TTg")
			.param("reviewedOn", "01/03/2023")
			.param("maintained", "true")
			.param("decisionNumber", "45/QĐ-UBND")
			.param("version", String.valueOf(award.rowVersion())))
			.andExpect(redirectedUrl("/units/" + commune.id()))
			.andExpect(flash().attribute("saved", true));
		// the version read before the review is stale
		mvc.perform(post("/units/{id}/titles/{award}/revoke", commune.id(), award.id()).with(user(ADMIN))
			.with(csrf())
			.param("revokedOn", "01/05/2024")
			.param("reason", "Không duy trì tiêu chí 17")
			.param("version", String.valueOf(award.rowVersion())))
			.andExpect(flash().attribute("titleError", containsString("thay đổi")));
		mvc.perform(post("/units/{id}/titles/{award}/revoke", commune.id(), award.id()).with(user(ADMIN))
			.with(csrf())
			.param("revokedOn", "01/05/2024")
			.param("decision", "77/QĐ-UBND")
			.param("issuer", "UBND tỉnh Quảng Nam")
			.param("reason", "Không duy trì tiêu chí 17")
			.param("version", String.valueOf(award.rowVersion() + 1))).andExpect(flash().attribute("saved", true));
		mvc.perform(get("/units/{id}", commune.id()).with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Duy trì theo QĐ 318/QĐ-TTg (rà soát 01/03/2023)")))
			.andExpect(content().string(containsString("chưa có hạn")))
			.andExpect(content().string(containsString("Thu hồi từ 01/05/2024")))
			.andExpect(content().string(containsString("Lý do thu hồi: Không duy trì tiêu chí 17")));
	}

	@Test
	void shouldShowTheHoldersOfADateAsAPageAndAWorkbook() throws Exception {
		UnitRef commune = data.commune("502", "Xã Bảng Kê");
		long district = data.unit("502", TestData.BEFORE_REFORM).id();
		as(ADMIN, () -> titles.award(commune.id(), ntm(2022, LocalDate.of(2022, 9, 9))));

		mvc.perform(get("/units/{id}/titles", district).param("at", "01/01/2023")
			.param("title", "XA_NTM")
			.with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(commune.fullName())))
			.andExpect(content().string(containsString("Đơn vị đạt danh hiệu")));
		mvc.perform(get("/units/{id}/titles", district).param("at", "01/01/2022")
			.param("title", "XA_NTM")
			.with(user(ADMIN))).andExpect(content().string(not(containsString(commune.fullName()))));
		mvc.perform(get("/units/{id}/titles", district).param("at", "31/02/2023").with(user(ADMIN)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("31/02/2023")));

		byte[] xlsx = mvc
			.perform(get("/units/{id}/titles.xlsx", district).param("at", "01/01/2023")
				.param("title", "XA_NTM")
				.with(user(ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<String> names = new java.util.ArrayList<>();
			for (Row row : book.getSheetAt(0)) {
				if (row.getRowNum() > 2 && row.getCell(0) != null) {
					names.add(row.getCell(0).getStringCellValue());
				}
			}
			assertThat(names).contains(commune.fullName());
			assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("Đơn vị");
		}
	}

	@Test
	void shouldEndTheTitlesOfMergedCommunesAndShowThemOnTheNewCommunesPage() throws Exception {
		UnitRef first = data.commune("502", "Xã Hợp Một");
		UnitRef second = data.commune("502", "Xã Hợp Hai");
		long district = data.unit("502", TestData.BEFORE_REFORM).id();
		TitleAward award = as(ADMIN, () -> titles.award(first.id(), ntm(2020, LocalDate.of(2020, 12, 20))));
		LocalDate date = LocalDate.of(2023, 1, 1);
		String name = "Hợp Nhất " + TestData.unique("");
		SystemTask.call(() -> units.merge(new Merge(List.of(first.id(), second.id()), date, null,
				new NewUnit(TestData.unique("T"), name, UnitType.XA, district, null, null), "NQ sáp nhập thử", null)));
		UnitRef merged = SystemTask.call(() -> units.fate(first.id())).orElseThrow().successors().get(0).unit();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			TitleAward ended = as(ADMIN, () -> titles.historyOf(first.id())).get(0);
			assertThat(ended.endedOn()).isEqualTo(date);
			assertThat(ended.endReason()).startsWith("Sáp nhập vào").contains(name);
		});
		assertThat(held.titlesHeld(List.of(first.id()), LocalDate.of(2022, 12, 31))).containsKey(first.id());
		assertThat(held.titlesHeld(List.of(first.id(), merged.id()), date)).isEmpty();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(probe.received()).anySatisfy(e -> assertThat(e)
				.isInstanceOfSatisfying(TitleEnded.class, t -> assertThat(t.awardId()).isEqualTo(award.id()))));
		// the new commune holds none, and shows its predecessors' titles
		assertThat(as(ADMIN, () -> titles.historyOf(merged.id()))).isEmpty();
		assertThat(as(ADMIN, () -> titles.predecessorTitles(merged.id()))).singleElement()
			.satisfies(p -> assertThat(p.unit().id()).isEqualTo(first.id()));
		mvc.perform(get("/units/{id}", merged.id()).with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("(trước sáp nhập)")))
			.andExpect(content().string(containsString("Kết thúc 31/12/2022: Sáp nhập vào")));
		// a revocation after the end is refused
		int version = as(ADMIN, () -> titles.historyOf(first.id())).get(0).rowVersion();
		mvc.perform(post("/units/{id}/titles/{award}/revoke", first.id(), award.id()).with(user(ADMIN))
			.with(csrf())
			.param("revokedOn", "01/02/2023")
			.param("reason", "Thử")
			.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/units/" + first.id()))
			.andExpect(flash().attribute("titleError", containsString("đã kết thúc")));
	}

	@Test
	void shouldShowTheTitlesOfCommunesMergedIn2025AsEnded() throws Exception {
		UnitRef tamThanh = data.unit("20359", TestData.BEFORE_REFORM);
		TitleAward ntm2017 = SystemTask.call(() -> titles.historyOf(tamThanh.id()))
			.stream()
			.filter(a -> a.titleCode().equals("XA_NTM") && a.year() == 2017)
			.findFirst()
			.orElseThrow();
		assertThat(ntm2017.endedOn()).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(ntm2017.endReason()).startsWith("Sáp nhập vào Phường Quảng Phú");
		assertThat(ntm2017.heldAt(LocalDate.of(2025, 6, 30))).isTrue();
		assertThat(ntm2017.heldAt(LocalDate.of(2025, 7, 1))).isFalse();
		long quangPhu = SystemTask.call(() -> units.fate(tamThanh.id())).orElseThrow().successors().get(0).unit().id();
		assertThat(SystemTask.call(() -> titles.historyOf(quangPhu))).isEmpty();
		mvc.perform(get("/units/{id}", quangPhu).with(user("danang")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("(trước sáp nhập)")))
			.andExpect(content().string(containsString("Kết thúc 30/06/2025: Sáp nhập vào Phường Quảng Phú")));
	}

	private static RequestPostProcessor basic(UserView user) {
		return httpBasic(user.username(), TestData.PASSWORD);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
	}

}
