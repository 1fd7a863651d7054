package vn.ntm.orgunit;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.orgunit.DataQuality.Candidate;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lists between 2021 and 2025 as loaded into the database, the reconciliation page of
 * the 2025 mapping (rows grouped by cause with counts) and the audited resolution of
 * "chưa rõ đơn vị tiếp nhận".
 */
@IntegrationTest
class ReformReconciliationTests {

	@Autowired
	UnitManagement units;

	@Autowired
	DataQuality quality;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	static final LocalDate JAN_2022 = LocalDate.of(2022, 1, 1);

	static final LocalDate LAST_OLD_DAY = LocalDate.of(2025, 6, 30);

	/**
	 * Units of the national lists at a date: the communes other tests create
	 * ({@code TestData.commune}, codes "T…", valid from 2020) are left out, whatever
	 * order the tests run in.
	 */
	long count(int level, LocalDate at) {
		return jdbc.sql("""
				select count(*) from unit_version v where v.level = :level
				and (v.code is null or v.code not like 'T%')
				and (v.valid_from is null or v.valid_from <= :at) and (v.valid_to is null or v.valid_to >= :at)""")
			.param("level", level)
			.param("at", at)
			.query(Long.class)
			.single();
	}

	@Test
	void shouldHoldTheCountryAtThreeDates() {
		assertThat(List.of(count(1, JAN_2022), count(2, JAN_2022), count(3, JAN_2022))).containsExactly(63L, 705L,
				10_599L);
		assertThat(List.of(count(1, LAST_OLD_DAY), count(2, LAST_OLD_DAY), count(3, LAST_OLD_DAY))).containsExactly(63L,
				696L, 10_035L);
		assertThat(List.of(count(1, TestData.AFTER_REFORM), count(2, TestData.AFTER_REFORM),
				count(3, TestData.AFTER_REFORM)))
			.containsExactly(34L, 0L, 3_321L);
		// every change of the list between two releases is dated as a range
		assertThat(jdbc.sql("""
				select count(*) from lineage_event where source like 'vietnamese-provinces-database%'
				and (effective_after is null or effective_after >= effective_date)""").query(Long.class).single())
			.isZero();
	}

	@Test
	void shouldShowTheEndOfBachMaiAsARangeWithItsReceiverUnknown() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		UnitRef bachMai = data.unit("00286", LocalDate.of(2024, 6, 30));
		mvc.perform(get("/units/{id}", bachMai.id()).param("at", "10/01/2025").with(user(admin.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("giữa 09/11/2024 và 11/01/2025")))
			.andExpect(content().string(containsString("Đã kết thúc giữa 09/11/2024 và 11/01/2025")))
			.andExpect(content().string(not(containsString("Đã kết thúc ngày 10/01/2025"))))
			.andExpect(content().string(containsString("Chưa rõ đơn vị tiếp nhận")));
		UnitRef quynhLoi = data.unit("00292", LocalDate.of(2024, 6, 30));
		assertThat(quynhLoi.name()).isEqualTo("Quỳnh Lôi");
		assertThat(data.unit("00292", LAST_OLD_DAY).name()).isEqualTo("Bạch Mai");
		UnitRef go13 = data.unit("26872", LocalDate.of(2024, 6, 30));
		assertThat(go13.name()).isEqualTo("13");
		assertThat(data.unit("26872", LAST_OLD_DAY).name()).isEqualTo("15");
		assertThat(data.unit("26869", LocalDate.of(2024, 6, 30)).validTo()).isEqualTo(LocalDate.of(2025, 1, 10));
	}

	@Test
	void shouldListTheRowsNotMatchedExactlyByCauseWithCounts() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		var counts = SystemTask.call(quality::mappingCauseCounts);
		assertThat(counts).containsEntry("OLD_NO_CODE_BY_FORMER_NAME", 392L)
			.containsEntry("OLD_NO_CODE_ENDED", 486L)
			.containsEntry("OLD_NAME_DIFFERS", 5L);
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10_977 - 10_006);
		mvc.perform(get("/admin/reform-2025").param("cause", "OLD_NAME_DIFFERS").with(user(admin.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Không có mã, khớp theo tên cũ trong huyện")))
			.andExpect(content().string(containsString("data-cause=\"OLD_NO_CODE_ENDED\">486<")))
			.andExpect(content().string(containsString("Thị trấn NT Trần Phú")));
		// Gò Vấp's Phường 15 (26869) ended without a known receiver; 26872, which took
		// its name, is offered first
		mvc.perform(get("/admin/reform-2025").param("kind", "UNKNOWN_SUCCESSOR")
			.param("q", "Phường 15 (Quận Gò Vấp)")
			.with(user(admin.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phường 15 (26872) — Mang tên của đơn vị đã kết thúc")));
	}

	@Test
	void shouldLetAnAdministratorNameTheReceiverOfBachMaiAndAuditIt() throws Exception {
		UserView admin = data.user(Role.ADMIN, TestData.AFTER_REFORM, "VN");
		UnitRef bachMai = data.unit("00286", LocalDate.of(2024, 6, 30));
		long issue = jdbc.sql(
				"select id from unit_data_issue where unit_id = :unit and kind = 'UNKNOWN_SUCCESSOR' and resolved_at is null")
			.param("unit", bachMai.id())
			.query(Long.class)
			.single();
		List<Candidate> candidates = SystemTask.call(() -> quality.receiverCandidates(issue));
		// the units of Quận Hai Bà Trưng on 11/01/2025, the one that took the name first
		assertThat(candidates.get(0).unit().code()).isEqualTo("00292");
		assertThat(candidates.get(0).hint()).isEqualTo("SAME_NAME");
		assertThat(candidates).extracting(c -> c.unit().parentId()).containsOnly(bachMai.parentId());
		UnitRef outside = data.unit("20359", LAST_OLD_DAY);

		UserView officer = data.user(Role.COMMUNE_OFFICER, LAST_OLD_DAY, "00292");
		mvc.perform(post("/admin/reform-2025/issues/{id}/receiver", issue)
			.param("receiverId", String.valueOf(candidates.get(0).unit().id()))
			.with(user(officer.username()))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(
				post("/admin/reform-2025/issues/{id}/receiver", issue).param("receiverId", String.valueOf(outside.id()))
					.with(user(admin.username()))
					.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("không nằm trong các đơn vị có thể tiếp nhận")));

		mvc.perform(post("/admin/reform-2025/issues/{id}/receiver", issue)
			.param("receiverId", String.valueOf(candidates.get(0).unit().id()))
			.param("note", "NQ 1318/NQ-UBTVQH15")
			.with(user(admin.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(jdbc.sql("select resolved_by from unit_data_issue where id = :id")
			.param("id", issue)
			.query(String.class)
			.single()).isEqualTo(admin.username());
		mvc.perform(get("/units/{id}", bachMai.id()).param("at", "10/01/2025").with(user(admin.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phường Bạch Mai")))
			.andExpect(content().string(containsString("Đơn vị tiếp nhận: Phường Bạch Mai (mã 00292)")))
			.andExpect(content().string(containsString("NQ 1318/NQ-UBTVQH15")));
		List<AuditEntry> trail = audit.historyOf("unit", String.valueOf(bachMai.id()), 5);
		assertThat(trail.get(0).action()).isEqualTo("RESOLVE_RECEIVER");
		assertThat(trail.get(0).summary()).contains("Phường Bạch Mai");

		mvc.perform(post("/admin/reform-2025/issues/{id}/receiver", issue)
			.param("receiverId", String.valueOf(candidates.get(0).unit().id()))
			.with(user(admin.username()))
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("đã được xử lý")));
	}

}
