package vn.ntm.recognition;

import java.time.Instant;

import vn.ntm.documents.StoredDocument;

/**
 * The result file of a survey (biên bản / báo cáo kết quả lấy ý kiến): the name it is
 * downloaded under, its type as its content shows, its size, its SHA-256 in the documents
 * store, who uploaded it and when.
 */
public record SurveyFile(String fileName, String contentType, long size, String sha256, String uploadedBy,
		Instant uploadedAt) {

	/** "12,5 KB". */
	public String sizeText() {
		return StoredDocument.bytes(size);
	}

	/** Whether browsers show it themselves (PDF and images). */
	public boolean viewable() {
		return StoredDocument.viewable(contentType);
	}

}
