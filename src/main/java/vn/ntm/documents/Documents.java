package vn.ntm.documents;

import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

/**
 * The one store of uploaded files. A file is streamed to disk (never held in memory),
 * hashed and counted as it arrives, refused beyond a size, empty, or of a kind other than
 * PDF, images (JPEG, PNG, GIF, WebP), Word, Excel and OpenDocument as its content shows,
 * and kept once per content under its SHA-256. Nothing stored is ever deleted. The store
 * knows no owner and checks no access: the module whose record a file belongs to keeps
 * its {@link StoredDocument} and decides who may read it before calling {@link #open}.
 * <p>
 * Refusals are {@link vn.ntm.shared.BusinessRuleException}s whose message names the field
 * ({@code field}, a message key such as {@code planning.attachment.field}, or a text) and
 * the file.
 */
public interface Documents {

	/**
	 * Stores the content read from {@code content}; the name is the one sent, made safe
	 * (see {@link StoredDocument#fileName()}).
	 * @param content the bytes, read to the end (not closed)
	 * @param originalName the name as sent by the browser or client (a path is cut off)
	 * @param field what the file is in the form, for the messages of a refusal
	 * @param maxSize the largest file accepted, in bytes
	 */
	StoredDocument store(InputStream content, @Nullable String originalName, String field, long maxSize);

	/** Stores with the application's limit ({@link #maxFileSize()}). */
	default StoredDocument store(InputStream content, @Nullable String originalName, String field) {
		return store(content, originalName, field, maxFileSize());
	}

	/**
	 * The stored content of a SHA-256 (hex); {@code NotFoundException} when nothing is
	 * stored under it.
	 */
	Resource open(String sha256);

	/** The application's limit for one file ({@code ntm.documents.max-file-size}). */
	long maxFileSize();

}
