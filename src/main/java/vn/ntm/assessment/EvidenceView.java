package vn.ntm.assessment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import vn.ntm.documents.StoredDocument;

/**
 * An evidence file of an assessment: what it backs, its name as uploaded, its type as
 * detected from the content, size, SHA-256 (hex) and who uploaded (or deleted) it.
 */
public record EvidenceView(long id, long assessmentId, @Nullable String criterionNumber, @Nullable String indicatorCode,
		String fileName, String contentType, long size, String sha256, @Nullable String note, String uploadedBy,
		Instant uploadedAt, @Nullable String deletedBy, @Nullable Instant deletedAt) {

	/** Whether browsers show the file themselves (PDF and images). */
	public boolean viewable() {
		return StoredDocument.viewable(contentType);
	}

	/** The size as people read it: "850 B", "12,5 KB", "1,2 MB". */
	public String sizeText() {
		return bytes(size);
	}

	/** The first 12 hex digits of the SHA-256, enough to tell files apart on a page. */
	public String shortSha() {
		return sha256.substring(0, Math.min(12, sha256.length()));
	}

	/**
	 * A number of bytes in Vietnamese notation: "850 B", "12,5 KB", "1,2 MB", "20 MB".
	 */
	public static String bytes(long bytes) {
		return StoredDocument.bytes(bytes);
	}

}
