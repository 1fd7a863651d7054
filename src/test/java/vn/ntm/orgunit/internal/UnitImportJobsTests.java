package vn.ntm.orgunit.internal;

import java.nio.charset.StandardCharsets;
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
import vn.ntm.orgunit.ImportJobView;
import vn.ntm.orgunit.UnitImports;
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
 * Import jobs that a restart cut short: their transaction was rolled back, so after the
 * job facility's start-up rule they are shown as interrupted with nothing saved — not as
 * forever in progress, nor with the preview of what they would have added — and the
 * uploader can run them again with the same file.
 */
@IntegrationTest
class UnitImportJobsTests {

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
	UnitImports imports;

	@Autowired
	JobRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Test
	void shouldShowAnImportCutShortByARestartAsInterruptedAndRunItAgain() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, "07870");
		String village = TestData.unique("Gián đoạn ");
		String csv = "Mã,Tên,Loại,Mã đơn vị cấp trên,Hiệu lực từ ngày,Ghi chú\n,\"" + village
				+ "\",Thôn,07870,01/01/2026,\n";
		UUID checking = job(officer, "VALIDATING", "check", csv);
		UUID applying = job(officer, "APPLYING", "apply", null);
		// cut short while applying: it had been checked, with a summary and a preview
		jdbc.sql("""
				update unit_import_job set summary = 'Tệp hợp lệ: 126 đơn vị sẽ được thêm.',
				    plan = '[]'::jsonb, total_rows = 126 where id = :id
				""").param("id", applying).update();

		assertThat(runs.interruptAbandoned()).isGreaterThanOrEqualTo(2);

		for (UUID id : new UUID[] { checking, applying }) {
			ImportJobView job = SystemTask.callAs(officer.username(), () -> imports.job(id));
			assertThat(job.status()).isEqualTo("INTERRUPTED");
			assertThat(job.finished()).isTrue();
			assertThat(job.errors()).singleElement()
				.satisfies(e -> assertThat(e.message()).contains("gián đoạn").contains("chưa có gì được lưu"));
			// it says only that nothing was saved
			assertThat(job.summary()).isEqualTo("Không thành công; không dòng nào được lưu.");
			assertThat(job.preview()).isEmpty();
		}

		// the page says so and offers to run it again; the uploader does, with the file
		// kept in the run
		mvc.perform(get("/units/import/{id}", checking).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bị gián đoạn")))
			.andExpect(content().string(containsString("Chạy lại")))
			// and no longer polls
			.andExpect(content().string(not(containsString(checking + "/status"))));
		mvc.perform(post("/units/import/{id}/restart", checking).with(user(officer.username())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> SystemTask.callAs(officer.username(), () -> imports.job(checking)).finished());
		ImportJobView again = SystemTask.callAs(officer.username(), () -> imports.job(checking));
		assertThat(again.status()).as(again.toString()).isEqualTo("READY");
		assertThat(again.preview()).singleElement().satisfies(line -> assertThat(line).contains(village));
		// only an interrupted import runs again
		mvc.perform(post("/units/import/{id}/restart", checking).with(user(officer.username())).with(csrf()))
			.andExpect(status().isUnprocessableContent());
	}

	/** An import whose run was RUNNING when the application stopped. */
	private UUID job(UserView owner, String status, String phase, String file) {
		UUID id = UUID.randomUUID();
		UUID run = UUID.randomUUID();
		jdbc.sql("""
				insert into job_run (id, kind, owner, state, done, total, file_name, payload, data, locale, instance,
				    started_at)
				values (:run, 'unit-import', :owner, 'RUNNING', 40, 126, 'thon.csv', :payload, :data, 'vi', 'stopped',
				    now())
				""")
			.param("run", run)
			.param("owner", owner.username())
			.param("payload", file == null ? null : file.getBytes(StandardCharsets.UTF_8))
			.param("data", phase + ":" + id)
			.update();
		jdbc.sql("""
				insert into unit_import_job (id, file_name, status, created_by, run_id)
				values (:id, 'thon.csv', :status, :by, :run)
				""").param("id", id).param("status", status).param("by", owner.username()).param("run", run).update();
		return id;
	}

}
