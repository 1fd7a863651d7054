package vn.ntm.recognition.internal;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.ntm.assessment.AssessmentApproved;
import vn.ntm.assessment.AssessmentReopened;
import vn.ntm.assessment.AssessmentReturned;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.VnFormat;

/**
 * A dossier listens to its unit's assessment of its year (the result its conditions are
 * checked against): the approval, a reopening or a return is noted in the history of the
 * unit's live dossiers of that year (not approved, not withdrawn), as the system. Nothing
 * happens for a unit without one.
 */
@Component
class AssessmentNotes {

	private static final Logger log = LoggerFactory.getLogger(AssessmentNotes.class);

	private final DossierService dossiers;

	AssessmentNotes(DossierService dossiers) {
		this.dossiers = dossiers;
	}

	@ApplicationModuleListener
	void on(AssessmentApproved event) {
		note(event.unitId(), event.year(), event.decidedOn(),
				"Kết quả đánh giá năm " + event.year() + " (" + event.setCode() + ") đã được phê duyệt ngày "
						+ VnFormat.date(event.decidedOn())
						+ (event.fromDocument() ? " (ghi theo quyết định đã ban hành)" : ""));
	}

	@ApplicationModuleListener
	void on(AssessmentReopened event) {
		note(event.unitId(), event.year(), LocalDate.ofInstant(event.at(), VnFormat.ZONE),
				"Kết quả đánh giá năm " + event.year() + " (" + event.setCode() + ") được mở lại: " + event.reason()
						+ " — cần kiểm tra lại điều kiện trước khi quyết định");
	}

	@ApplicationModuleListener
	void on(AssessmentReturned event) {
		String what = event.criteria().isEmpty() ? "" : " (tiêu chí " + String.join(", ", event.criteria()) + ")";
		note(event.unitId(), event.year(), LocalDate.ofInstant(event.at(), VnFormat.ZONE),
				"Kết quả đánh giá năm " + event.year() + " (" + event.setCode() + ") bị trả lại" + what + ": "
						+ (event.reason() == null ? "" : event.reason())
						+ " — cần kiểm tra lại điều kiện trước khi quyết định");
	}

	private void note(long unitId, int year, LocalDate on, String note) {
		// runs after the assessment's transaction, on its own thread: as the system,
		// which
		// the audit names
		List<Long> noted = SystemTask.call(() -> dossiers.note(unitId, year, on, note));
		if (!noted.isEmpty()) {
			log.info("Dossiers {} noted: {}", noted, note);
		}
	}

}
