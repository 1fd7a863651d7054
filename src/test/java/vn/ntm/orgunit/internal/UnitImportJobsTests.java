package vn.ntm.orgunit.internal;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ntm.orgunit.ImportJobView;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import jobs that a restart cut short: their transaction was rolled back, so at the next
 * start they are shown as failed with nothing saved, not as forever in progress.
 */
@IntegrationTest
class UnitImportJobsTests {

	@Autowired
	UnitImportJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldMarkJobsCutShortByARestartAsFailed() {
		UUID validating = UUID.randomUUID();
		UUID applying = UUID.randomUUID();
		for (var job : new Object[][] { { validating, "VALIDATING" }, { applying, "APPLYING" } }) {
			jdbc.sql(
					"insert into unit_import_job (id, file_name, status, created_by) values (:id, 'thon.xlsx', :s, 'system')")
				.param("id", job[0])
				.param("s", job[1])
				.update();
		}
		// cut short while applying: it had been checked, with a summary and a preview
		jdbc.sql("""
				update unit_import_job set summary = 'Tệp hợp lệ: 126 đơn vị sẽ được thêm.',
				    plan = '[]'::jsonb, total_rows = 126 where id = :id
				""").param("id", applying).update();
		assertThat(jobs.failInterrupted()).isGreaterThanOrEqualTo(2);
		for (UUID id : new UUID[] { validating, applying }) {
			ImportJobView job = SystemTask.call(() -> jobs.job(id));
			assertThat(job.status()).isEqualTo("FAILED");
			assertThat(job.errors()).singleElement()
				.satisfies(e -> assertThat(e.message()).contains("gián đoạn").contains("không dòng nào được lưu"));
			// it says only that nothing was saved
			assertThat(job.summary()).isEqualTo("Không thành công; không dòng nào được lưu.");
			assertThat(job.preview()).isEmpty();
		}
	}

}
