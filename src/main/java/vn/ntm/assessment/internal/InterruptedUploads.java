package vn.ntm.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.shared.StartupTask;

/**
 * Uploads that were being checked or applied when the application stopped never finish:
 * their work was lost (an apply's transaction rolled back), so they are marked as failed
 * with nothing saved — which is all they say: the summary and preview of a job cut short
 * while applying ("Sẵn sàng áp dụng 126 thay đổi") go — and the page stops polling.
 */
@Component
class InterruptedUploads extends StartupTask {

	private static final Logger log = LoggerFactory.getLogger(InterruptedUploads.class);

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	InterruptedUploads(JdbcClient jdbc, MessageSource messages, Clock clock) {
		super(WEB_SERVER - 300);
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	protected void run() {
		Locale vietnamese = Locale.forLanguageTag("vi");
		String reason = messages.getMessage("assessment.upload.interrupted", null, vietnamese);
		String nothingSaved = messages.getMessage("assessment.upload.nothingSaved", null, vietnamese);
		int failed = jdbc.sql("""
				update assessment_upload_job set status = 'FAILED', finished_at = :at,
				    errors = jsonb_build_array(jsonb_build_object('sheet', '', 'row', 0, 'column', '',
				        'message', cast(:reason as text))),
				    summary = :summary, changes = null, plan = null
				where status in ('VALIDATING', 'APPLYING')
				""")
			.param("at", Timestamp.from(clock.instant()))
			.param("reason", reason)
			.param("summary", nothingSaved)
			.update();
		if (failed > 0) {
			log.warn("{} assessment upload(s) interrupted by the last shutdown were marked as failed", failed);
		}
	}

}
