package vn.ntm.assessment.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ntm.assessment.AssessmentWorkbooks;
import vn.ntm.assessment.UploadJobView;
import vn.ntm.platform.jobs.JobRuns;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a restart in the middle of work leaves behind: an Excel upload whose check was cut
 * short says only that nothing was saved (after the job facility's start-up rule) — not
 * "Sẵn sàng áp dụng 126 thay đổi" with its preview. (The partial files of uploads:
 * {@code ContentStorageTests}.)
 */
@IntegrationTest
class InterruptedWorkTests {

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
	JobRuns runs;

	@Autowired
	AssessmentWorkbooks workbooks;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldSayOnlyThatNothingWasSavedWhenARestartCutACheckShort() {
		UUID id = UUID.randomUUID();
		UUID run = UUID.randomUUID();
		// the check was running when the application stopped
		jdbc.sql("""
				insert into job_run (id, kind, owner, state, done, total, file_name, payload, data, locale, started_at)
				values (:run, 'assessment-upload-check', 'system', 'RUNNING', 40, 126, 'tam-ky.xlsx', :file, :id,
				    'vi', now())
				""").param("run", run).param("file", new byte[] { 'P', 'K', 3, 4 }).param("id", id.toString()).update();
		jdbc.sql(
				"""
						insert into assessment_upload_job (id, file_name, status, total_rows, processed_rows, changes, plan,
						    summary, created_by, run_id)
						values (:id, 'tam-ky.xlsx', 'VALIDATING', 126, 40,
						    '[{"unitCode": "20359", "unitName": "Xã Tam Thanh", "code": "3.1", "name": "Tỷ lệ", "before": "65", "after": "88"}]',
						    '[]', 'Sẵn sàng áp dụng 126 thay đổi cho 3 đơn vị.', 'hệ thống', :run)
						""")
			.param("id", id)
			.param("run", run)
			.update();
		runs.interruptAbandoned();
		UploadJobView job = SystemTask.call(() -> workbooks.job(id));
		assertThat(job.status()).isEqualTo("INTERRUPTED");
		assertThat(job.interrupted()).isTrue();
		assertThat(job.finished()).isTrue();
		assertThat(job.summary()).isEqualTo("Không thành công; chưa có gì được lưu.");
		assertThat(job.changes()).isEmpty();
		assertThat(job.canApply()).isFalse();
		assertThat(job.errors()).singleElement()
			.satisfies(error -> assertThat(error.message()).contains("gián đoạn").contains("chưa có gì được lưu"));
	}

}
