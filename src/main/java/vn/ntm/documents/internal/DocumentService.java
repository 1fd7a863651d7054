package vn.ntm.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import vn.ntm.documents.Documents;
import vn.ntm.documents.StoredDocument;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.NotFoundException;

/**
 * The store of files: the name made safe first, then the content streamed to
 * {@code incoming/} (hashed and counted, refused beyond the limit), checked (not empty, a
 * kind accepted, from the content) and moved to its address. No database: the owner of a
 * file records what {@link #store} returns in its own table, in its own transaction, so a
 * file is streamed outside any transaction.
 */
@Service
class DocumentService implements Documents {

	private static final int MAX_NAME = 255;

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	/**
	 * Characters that show nothing, or change how the rest is shown: controls, format
	 * characters (bidirectional embeddings, overrides and isolates U+202A–U+202E,
	 * U+2066–U+2069, the marks U+200E/U+200F and U+061C, zero-width U+200B–U+200D,
	 * U+2060, U+FEFF, tags), line and paragraph separators, private use, lone surrogates,
	 * variation selectors, the combining grapheme joiner and the blank-looking fillers. A
	 * file named "U+202E fdp.exe" would show as "exe.pdf".
	 */
	private static final Pattern INVISIBLE = Pattern
		.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Co}\\p{Cs}\\u034F\\u115F\\u1160\\u2800\\u3164\\uFFA0\\uFE00-\\uFE0F"
				+ "\\x{E0100}-\\x{E01EF}]");

	/** Spaces of other widths (no-break, ideographic, thin…), read as one plain space. */
	private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\s]+");

	private final ContentStorage storage;

	private final ContentTypes types;

	private final long maxFileSize;

	DocumentService(ContentStorage storage, ContentTypes types,
			@Value("${ntm.documents.max-file-size:20MB}") DataSize maxFileSize) {
		this.storage = storage;
		this.types = types;
		this.maxFileSize = maxFileSize.toBytes();
	}

	@Override
	public long maxFileSize() {
		return maxFileSize;
	}

	@Override
	public StoredDocument store(InputStream content, @Nullable String originalName, String field, long maxSize) {
		String name = fileName(originalName, field);
		ContentStorage.Received received;
		try {
			received = storage.receive(content, maxSize);
		}
		catch (ContentStorage.TooLarge ex) {
			throw new BusinessRuleException("documents.tooLarge", field, name, StoredDocument.bytes(maxSize));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			if (received.size() == 0) {
				throw new BusinessRuleException("documents.empty", field, name);
			}
			ContentTypes.Detected detected = types.detect(received.temp(), name);
			if (!detected.accepted()) {
				throw new BusinessRuleException("documents.type.refused", field, name, detected.type());
			}
			String kept = storedName(types.nameFor(name, detected.type()));
			storage.keep(received);
			return new StoredDocument(received.sha256(), kept, name, detected.type(), received.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			storage.discard(received);
		}
	}

	@Override
	public Resource open(String sha256) {
		if (!SHA256.matcher(sha256).matches()) {
			throw new NotFoundException("documents.notFound", sha256);
		}
		Path path = storage.path(ContentStorage.key(sha256));
		if (!Files.isRegularFile(path)) {
			throw new NotFoundException("documents.notFound", sha256);
		}
		return new FileSystemResource(path);
	}

	/**
	 * The name as uploaded without any path a browser may send, in composed Unicode
	 * (Vietnamese letters kept), without invisible characters ({@link #INVISIBLE}) and
	 * with plain single spaces.
	 */
	static String fileName(@Nullable String given, String field) {
		String name = given == null ? "" : given;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		name = SPACES.matcher(INVISIBLE.matcher(name).replaceAll("")).replaceAll(" ").strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			throw new BusinessRuleException("documents.fileName.required", field);
		}
		if (name.length() > MAX_NAME) {
			throw new BusinessRuleException("documents.fileName.tooLong", field, MAX_NAME);
		}
		return name;
	}

	/**
	 * A name whose extension was added or replaced, shortened before the extension if it
	 * grew over the limit.
	 */
	private static String storedName(String name) {
		if (name.length() <= MAX_NAME) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 ? name.substring(dot) : "";
		return name.substring(0, MAX_NAME - extension.length()).strip() + extension;
	}

}
