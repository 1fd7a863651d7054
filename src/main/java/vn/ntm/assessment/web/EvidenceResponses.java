package vn.ntm.assessment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.ntm.assessment.EvidenceContent;
import vn.ntm.assessment.EvidenceView;

/**
 * An evidence file as a response: the type detected at upload, the name as uploaded (RFC
 * 6266 with a UTF-8 {@code filename*}), shown in the browser only for PDF and images when
 * asked, and in any case never sniffed and sandboxed (no scripts, no same-origin access)
 * should a browser render it.
 */
final class EvidenceResponses {

	/** What an evidence file is allowed to do when a browser shows it: nothing. */
	static final String SANDBOX = "sandbox";

	/** A PDF shown in the browser's viewer. */
	static final String PDF_VIEW = "default-src 'self'; object-src 'self'; frame-ancestors 'none'";

	private EvidenceResponses() {
	}

	static ResponseEntity<Resource> of(EvidenceContent content, boolean inline) {
		EvidenceView file = content.file();
		ContentDisposition disposition = (inline && file.viewable() ? ContentDisposition.inline()
				: ContentDisposition.attachment())
			.filename(file.fileName(), StandardCharsets.UTF_8)
			.build();
		long length;
		try {
			length = content.content().contentLength();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(length)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff");
		// Chromium's PDF viewer shows a sandboxed PDF (or one under object-src 'none')
		// blank: a PDF shown inline gets a policy that lets the viewer embed it and
		// nothing
		// else in.
		response.header("Content-Security-Policy",
				inline && "application/pdf".equals(file.contentType()) ? PDF_VIEW : SANDBOX);
		return response.eTag("\"" + file.sha256() + "\"").body(content.content());
	}

}
