package vn.ntm.funding;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.platform.jobs.JobRunState;
import vn.ntm.platform.jobs.JobRuns;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Funding imports are tracked runs of the job facility: one left RUNNING by a stop is
 * shown interrupted after the start-up rule, nothing saved, and runs again with the same
 * file; one that ran has its run done.
 */
@IntegrationTest
class FundingImportRunsTests {

	/** As a page would: the reader's language is Vietnamese. */
	@BeforeEach
	void vietnamese() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Autowired
	FundingImports imports;

	@Autowired
	JobRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Test
	void anImportCutShortByARestartIsShownInterruptedAndRunsAgain() throws Exception {
		UnitRef commune = data.commune("502", "Xã Gián Đoạn Vốn");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, commune.code());
		byte[] file = new FundingImportTests.Book()
			.sheet("Kế hoạch vốn", FundingImportTests.PLAN_HEADERS,
					new Object[] { commune.code(), 2025, "NST", "Giao vốn", "1.500", "15/QĐ-UBND", "15/01/2025",
							"UBND tỉnh Quảng Nam", null, null, null, null },
					new Object[] { commune.code(), 2025, "NSX", "Giao vốn", "250,5", "16/QĐ-UBND", "15/01/2025",
							"UBND xã", null, null, null, null })
			.bytes();
		UUID id = cutShort(commune, officer, file);

		assertThat(runs.interruptAbandoned()).isGreaterThanOrEqualTo(1);

		FundingImportView job = SystemTask.callAs(officer.username(), () -> imports.importJob(id));
		assertThat(job.status()).isEqualTo("INTERRUPTED");
		assertThat(job.finished()).isTrue();
		assertThat(job.interrupted()).isTrue();
		assertThat(job.percent()).isLessThan(100);
		assertThat(plans(commune)).isZero();
		// the page says so, that nothing was saved, and offers to run it again; it no
		// longer polls
		mvc.perform(get("/funding/imports/{id}", id).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bị gián đoạn")))
			.andExpect(content().string(containsString("không dòng nào được lưu")))
			.andExpect(content().string(containsString("Chạy lại")))
			.andExpect(content().string(not(containsString(id + "/status"))));
		// only its author may run it again
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, commune.code());
		mvc.perform(post("/funding/imports/{id}/restart", id).with(user(other.username())).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/funding/imports/{id}/restart", id).with(user(officer.username())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> SystemTask.callAs(officer.username(), () -> imports.importJob(id)).finished());
		FundingImportView again = SystemTask.callAs(officer.username(), () -> imports.importJob(id));
		assertThat(again.status()).as(again.toString()).isEqualTo("DONE");
		assertThat(again.plans()).isEqualTo(2);
		assertThat(again.processedRows()).isEqualTo(2);
		assertThat(again.totalRows()).isEqualTo(2);
		assertThat(plans(commune)).isEqualTo(2);
		assertThat(runs.find(run(id)).orElseThrow().state()).isEqualTo(JobRunState.DONE);
		// only an interrupted import runs again
		mvc.perform(post("/api/v1/funding/imports/{id}/restart", id).with(user(officer.username())).with(csrf()))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void anUploadIsARunOfTheJobFacility() throws Exception {
		UnitRef commune = data.commune("502", "Xã Lượt Chạy");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, commune.code());
		byte[] file = new FundingImportTests.Book()
			.sheet("Kế hoạch vốn", FundingImportTests.PLAN_HEADERS,
					new Object[] { commune.code(), 2025, "NST", "Giao vốn", "Một nghìn", "15/QĐ-UBND", "15/01/2025",
							null, null, null, null, null })
			.bytes();
		UUID id = SystemTask.callAs(officer.username(), () -> imports.startImport(commune.id(), "sai.xlsx", file));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> SystemTask.callAs(officer.username(), () -> imports.importJob(id)).finished());
		FundingImportView job = SystemTask.callAs(officer.username(), () -> imports.importJob(id));
		assertThat(job.status()).isEqualTo("REJECTED");
		assertThat(job.problems()).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("Kế hoạch vốn — Dòng 2, cột 'Số tiền (triệu đồng)'"));
		var run = runs.find(run(id)).orElseThrow();
		assertThat(run.kind()).isEqualTo("funding-import");
		assertThat(run.owner()).isEqualTo(officer.username());
		// a file refused is a run done: the import says what was wrong
		assertThat(run.state()).isEqualTo(JobRunState.DONE);
		assertThat(run.result()).contains("chưa lưu dòng nào");
	}

	private UUID run(UUID id) {
		return jdbc.sql("select run_id from funding_import_job where id = :id")
			.param("id", id)
			.query(UUID.class)
			.single();
	}

	private int plans(UnitRef commune) {
		return jdbc.sql("select count(*) from capital_transaction where unit_id = :id")
			.param("id", commune.id())
			.query(Integer.class)
			.single();
	}

	/**
	 * An import whose run was RUNNING, checking its file, when the application stopped.
	 */
	private UUID cutShort(UnitRef commune, UserView owner, byte[] file) {
		UUID id = UUID.randomUUID();
		UUID run = UUID.randomUUID();
		jdbc.sql("""
				insert into job_run (id, kind, owner, unit_id, state, done, total, file_name, payload, data, locale,
				    instance, started_at)
				values (:run, 'funding-import', :owner, :unit, 'RUNNING', 1, 2, 'nguon-von.xlsx', :payload, :data,
				    'vi', 'stopped', now())
				""")
			.param("run", run)
			.param("owner", owner.username())
			.param("unit", commune.id())
			.param("payload", file)
			.param("data", id.toString())
			.update();
		jdbc.sql("""
				insert into funding_import_job (id, unit_id, file_name, status, created_by, run_id)
				values (:id, :unit, 'nguon-von.xlsx', 'CHECKING', :by, :run)
				""")
			.param("id", id)
			.param("unit", commune.id())
			.param("by", owner.username())
			.param("run", run)
			.update();
		return id;
	}

}
