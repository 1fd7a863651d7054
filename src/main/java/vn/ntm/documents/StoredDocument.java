package vn.ntm.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;

import vn.ntm.shared.VnFormat;

/**
 * A file as stored: its SHA-256 (hex, also its address), the name it is kept and
 * downloaded under, the name as it was sent, the type detected from the content and its
 * size in bytes.
 * <p>
 * {@code fileName} is the name sent without any path, in composed Unicode, without
 * invisible characters (bidirectional overrides and isolates, zero-width and other format
 * characters — "U+202E fdp.exe" would show as "exe.pdf") and ending with an extension of
 * the detected type: a PDF sent as "bao-cao.html" is "bao-cao.pdf".
 */
public record StoredDocument(String sha256, String fileName, String originalName, String contentType, long size) {

	/** Whether the name kept differs from the one sent. */
	public boolean renamed() {
		return !fileName.equals(originalName);
	}

	/** Whether browsers show the file themselves (PDF and images). */
	public boolean viewable() {
		return viewable(contentType);
	}

	/** The size as people read it: "850 B", "12,5 KB", "1,2 MB". */
	public String sizeText() {
		return bytes(size);
	}

	/** Whether browsers show files of the type themselves (PDF and images). */
	public static boolean viewable(String contentType) {
		return contentType.equals("application/pdf") || contentType.startsWith("image/");
	}

	/**
	 * A number of bytes in Vietnamese notation: "850 B", "12,5 KB", "1,2 MB", "20 MB".
	 */
	public static String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return VnFormat.number(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP),
					1) + " KB";
		}
		return VnFormat.number(
				BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, RoundingMode.HALF_UP), 1) + " MB";
	}

}
