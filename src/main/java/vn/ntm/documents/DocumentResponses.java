package vn.ntm.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file as a download, the same for every module that serves one: the type
 * detected at upload, the name kept (RFC 6266 with a UTF-8 {@code filename*}), shown in
 * the browser only for PDF and images when asked, and in any case never sniffed and
 * sandboxed (no scripts, no same-origin access) should a browser render it.
 */
public final class DocumentResponses {

	/** What a stored file is allowed to do when a browser shows it: nothing. */
	public static final String SANDBOX = "sandbox";

	/** A PDF shown in the browser's viewer. */
	public static final String PDF_VIEW = "default-src 'self'; object-src 'self'; frame-ancestors 'none'";

	private DocumentResponses() {
	}

	/**
	 * The response for a file: {@code inline} asks browsers to show PDF and images, any
	 * other type is a download.
	 */
	public static ResponseEntity<Resource> of(Resource content, String fileName, String contentType, String sha256,
			boolean inline) {
		boolean shown = inline && StoredDocument.viewable(contentType);
		ContentDisposition disposition = (shown ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(fileName, StandardCharsets.UTF_8)
			.build();
		long length;
		try {
			length = content.contentLength();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.contentLength(length)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff");
		// Chromium's PDF viewer shows a sandboxed PDF (or one under object-src 'none')
		// blank: a PDF shown inline gets a policy that lets the viewer embed it and
		// nothing else in.
		response.header("Content-Security-Policy",
				inline && "application/pdf".equals(contentType) ? PDF_VIEW : SANDBOX);
		return response.eTag("\"" + sha256 + "\"").body(content);
	}

}
