package vn.ntm.planning;

import java.time.Instant;

import vn.ntm.documents.StoredDocument;

/**
 * A file attached to a progress report or a submitted report: its name as kept (safe,
 * with the extension of its type), the type detected from its content, size, SHA-256 and
 * who attached it.
 */
public record AttachmentView(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
		Instant uploadedAt) {

	/** Whether browsers show the file themselves (PDF and images). */
	public boolean viewable() {
		return StoredDocument.viewable(contentType);
	}

	/** The size as people read it: "850 B", "12,5 KB", "1,2 MB". */
	public String sizeText() {
		return StoredDocument.bytes(size);
	}

}
