package vn.ntm.assessment;

import java.io.InputStream;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Evidence files (hồ sơ minh chứng) of an assessment. Reading needs the assessment's unit
 * in the user's scope; uploading and deleting need the assessment to be editable
 * ({@link AssessmentManagement#requireEditable}). The files themselves are kept by the
 * documents module ({@link vn.ntm.documents.Documents}): checked from their content (PDF,
 * images, Word, Excel, OpenDocument), limited in size, stored once per content on disk
 * and never removed — a deleted file stays on disk and in the audit.
 */
public interface EvidenceFiles {

	/**
	 * Stores a file read from {@code content} (streamed, never held in memory) and
	 * records it for the assessment; {@code criterion} and {@code indicator} (both
	 * optional) name what the file backs in the assessment's set.
	 */
	EvidenceView upload(long assessmentId, @Nullable String criterion, @Nullable String indicator, String fileName,
			InputStream content, @Nullable String note);

	/** The assessment's files that are not deleted, in the order they were uploaded. */
	List<EvidenceView> list(long assessmentId);

	/** A file with its content, for download. */
	EvidenceContent open(long evidenceId);

	/** Marks the file deleted; its content stays on disk. */
	EvidenceView delete(long evidenceId);

	/** The largest file accepted, in bytes. */
	long maxFileSize();

}
