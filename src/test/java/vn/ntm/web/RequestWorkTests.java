package vn.ntm.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.assessment.ValueInput;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.ConnectionGuard;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10: the work of one request, counted — SQL statements, transactions and
 * connections — for the pages of the load test (the unit page, the entry page), an API
 * read and the province matrix, against a budget. Counts, never times: a change that
 * reads the user or the unit again per call site, or one transaction per facade call,
 * shows here as a count over its budget (timings are in docs/benchmarks.md). Every
 * request is asked twice and the second is counted, so that what is cached for the
 * application (criteria sets) is not counted.
 */
@IntegrationTest
class RequestWorkTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	JdbcClient jdbc;

	UserView officer;

	long tamThanh;

	@BeforeEach
	void setUp() {
		officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
	}

	@Test
	void theUnitPageOfACommuneWithItsAssessments() throws Exception {
		// Xã Tam Thanh: the seed's assessments, lineage, classifications and titles
		ConnectionGuard.Recording work = counted(
				get("/units/{id}", tamThanh).param("at", "2024-06-30").with(user(officer.username())));
		assertThat(work.statements()).as(work.summary()).hasSizeLessThanOrEqualTo(UNIT_PAGE_STATEMENTS);
		assertThat(work.transactions()).as(work.summary()).isLessThanOrEqualTo(UNIT_PAGE_TRANSACTIONS);
	}

	@Test
	void theEntryPageOfAnAssessment() throws Exception {
		UnitRef commune = data.commune("215", "Đếm Câu Lệnh");
		UserView own = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		long set = data.setId("QD318_XA_NTM");
		AssessmentView last = SystemTask
			.call(() -> assessments.open(new NewAssessment(commune.id(), set, 2023, null, null, null)));
		Map<String, ValueInput> values = new LinkedHashMap<>();
		values.put("3.1", new ValueInput(null, 1276L, 1413L, null, null, "Theo điều tra hộ", "Báo cáo 2023"));
		SystemTask.call(() -> assessments.record(last.id(), new AssessmentEntry(values, null, null, null, null, 0)));
		AssessmentView now = SystemTask
			.call(() -> assessments.open(new NewAssessment(commune.id(), set, 2024, null, null, null)));
		ConnectionGuard.Recording work = counted(get("/assessments/{id}/entry", now.id()).with(user(own.username())));
		assertThat(work.statements()).as(work.summary()).hasSizeLessThanOrEqualTo(ENTRY_PAGE_STATEMENTS);
		assertThat(work.transactions()).as(work.summary()).isLessThanOrEqualTo(ENTRY_PAGE_TRANSACTIONS);
	}

	@Test
	void anApiRead() throws Exception {
		ConnectionGuard.Recording work = counted(
				get("/api/v1/units/{id}", tamThanh).param("at", "2024-06-30").with(user(officer.username())));
		assertThat(work.statements()).as(work.summary()).hasSizeLessThanOrEqualTo(API_READ_STATEMENTS);
		assertThat(work.transactions()).as(work.summary()).isLessThanOrEqualTo(API_READ_TRANSACTIONS);
	}

	/**
	 * HTTP Basic checks the password on every call: the account read for the check is the
	 * call's user (no second read), and {@code app_user} is written only when there is
	 * something to clear (wrong tries, a lock) or the last login is older than a minute.
	 */
	@Test
	void aBasicCallReadsTheAccountOnceAndWritesItOnlyWhenThereIsSomethingToClear() throws Exception {
		MockHttpServletRequestBuilder call = get("/api/v1/units/{id}", tamThanh).param("at", "2024-06-30")
			.with(httpBasic(officer.username(), TestData.PASSWORD));
		// the first call notes the login
		mvc.perform(call).andExpect(status().isOk());
		assertThat(lastLogin()).isNotNull();
		ConnectionGuard.Recording work = counted(call);
		assertThat(work.statements()).as(work.summary())
			.noneMatch(sql -> sql.contains("update app_user"))
			.filteredOn(sql -> sql.contains("from app_user u"))
			.hasSize(1);
		assertThat(work.statements()).as(work.summary()).hasSizeLessThanOrEqualTo(API_READ_STATEMENTS);
		assertThat(work.transactions()).as(work.summary()).isLessThanOrEqualTo(API_READ_TRANSACTIONS);
		// a wrong password counts; the next right one clears the count
		mvc.perform(get("/api/v1/units/{id}", tamThanh).with(httpBasic(officer.username(), "wrong")))
			.andExpect(status().isUnauthorized());
		assertThat(failedAttempts()).isEqualTo(1);
		mvc.perform(call).andExpect(status().isOk());
		assertThat(failedAttempts()).isZero();
	}

	private @Nullable Instant lastLogin() {
		return jdbc.sql("select last_login_at from app_user where id = :id")
			.param("id", officer.id())
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.single();
	}

	private int failedAttempts() {
		return jdbc.sql("select failed_attempts from app_user where id = :id")
			.param("id", officer.id())
			.query(Integer.class)
			.single();
	}

	@Test
	void theProvinceMatrix() throws Exception {
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		ConnectionGuard.Recording work = counted(
				get("/units/{id}/evaluations/matrix", quangNam).param("set", String.valueOf(set))
					.param("year", "2023")
					.with(user("quangnam")));
		assertThat(work.statements()).as(work.summary()).hasSizeLessThanOrEqualTo(MATRIX_PAGE_STATEMENTS);
		assertThat(work.transactions()).as(work.summary()).isLessThanOrEqualTo(MATRIX_PAGE_TRANSACTIONS);
	}

	/*
	 * The budgets: what each request took after issue 10's fixes, with a little room.
	 * Before them (same requests, same data): unit page 123 statements in 36
	 * transactions, entry page 49 in 10, API read 12, province matrix 51 in 15 — see
	 * docs/benchmarks.md, "Per-request work".
	 */

	static final int UNIT_PAGE_STATEMENTS = 42;

	static final int UNIT_PAGE_TRANSACTIONS = 2;

	static final int ENTRY_PAGE_STATEMENTS = 24;

	static final int ENTRY_PAGE_TRANSACTIONS = 1;

	static final int API_READ_STATEMENTS = 7;

	static final int API_READ_TRANSACTIONS = 1;

	static final int MATRIX_PAGE_STATEMENTS = 34;

	static final int MATRIX_PAGE_TRANSACTIONS = 1;

	private ConnectionGuard.Recording counted(MockHttpServletRequestBuilder request) throws Exception {
		mvc.perform(request).andExpect(status().isOk());
		try (ConnectionGuard.Recording work = ConnectionGuard.record()) {
			mvc.perform(request).andExpect(status().isOk());
			System.out.println("[request work] " + work.summary());
			return work;
		}
	}

}
