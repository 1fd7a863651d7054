package vn.ntm.assessment.internal;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ntm.assessment.AssessmentWorkbooks;
import vn.ntm.assessment.UploadJobView;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a restart in the middle of work leaves behind: an Excel upload cut short while it
 * was being applied says only that nothing was saved — not "Sẵn sàng áp dụng 126 thay
 * đổi" with its preview. (The partial files of uploads: {@code ContentStorageTests}.)
 */
@IntegrationTest
class InterruptedWorkTests {

	@Autowired
	InterruptedUploads interrupted;

	@Autowired
	AssessmentWorkbooks workbooks;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldSayOnlyThatNothingWasSavedWhenARestartCutAnApplyShort() {
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						insert into assessment_upload_job (id, file_name, status, total_rows, processed_rows, changes, plan,
						    summary, created_by)
						values (:id, 'tam-ky.xlsx', 'APPLYING', 126, 40,
						    '[{"unitCode": "20359", "unitName": "Xã Tam Thanh", "code": "3.1", "name": "Tỷ lệ", "before": "65", "after": "88"}]',
						    '[]', 'Sẵn sàng áp dụng 126 thay đổi cho 3 đơn vị.', 'system')
						""")
			.param("id", id)
			.update();
		interrupted.run();
		UploadJobView job = SystemTask.call(() -> workbooks.job(id));
		assertThat(job.status()).isEqualTo("FAILED");
		assertThat(job.summary()).isEqualTo("Không thành công; chưa có gì được lưu.");
		assertThat(job.changes()).isEmpty();
		assertThat(job.canApply()).isFalse();
		assertThat(job.errors()).singleElement().satisfies(error -> assertThat(error.message()).contains("lưu"));
	}

}
