package vn.ntm.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bytes of stored documents on disk, addressed by their SHA-256: {@code ab/cd/abcd…}
 * under {@code ntm.documents.dir}. A file is streamed to a temporary file of the same
 * directory while it is hashed and counted, forced to disk, then moved atomically to its
 * place; content already stored is kept and the copy dropped. Nothing stored is ever
 * deleted here; the partial files ({@code incoming/*.part}) an upload left when the
 * application stopped in the middle of it are removed at start (one application runs per
 * data directory).
 */
@Component
class ContentStorage {

	private static final Logger log = LoggerFactory.getLogger(ContentStorage.class);

	private final Path root;

	private final Path incoming;

	ContentStorage(@Value("${ntm.documents.dir:data/evidence}") Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.incoming = this.root.resolve("incoming");
		try {
			Files.createDirectories(incoming);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the documents directory " + incoming, ex);
		}
		int removed = removePartialFiles();
		if (removed > 0) {
			log.info("Removed {} partial file(s) left in {} by an interrupted upload", removed, incoming);
		}
	}

	/** Deletes the {@code *.part} files in {@code incoming/}; returns how many. */
	int removePartialFiles() {
		int removed = 0;
		try (DirectoryStream<Path> parts = Files.newDirectoryStream(incoming, "*.part")) {
			for (Path part : parts) {
				try {
					if (Files.deleteIfExists(part)) {
						removed++;
					}
				}
				catch (IOException ex) {
					log.warn("Could not remove the partial file {}: {}", part, ex.toString());
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not list {}: {}", incoming, ex.toString());
		}
		return removed;
	}

	/** A file received but not yet in its place. */
	record Received(Path temp, String sha256, long size) {
	}

	/** Thrown when more than the limit was read. */
	static final class TooLarge extends IOException {

		TooLarge() {
			super("file over the limit");
		}

	}

	/**
	 * Copies the stream to a temporary file while hashing it; refuses (and deletes what
	 * was written) as soon as more than {@code maxSize} bytes arrived.
	 */
	Received receive(InputStream content, long maxSize) throws IOException {
		Path temp = Files.createTempFile(incoming, "upload-", ".part");
		try {
			MessageDigest digest = sha256();
			long size = 0;
			try (DigestInputStream in = new DigestInputStream(content, digest);
					FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(channel)) {
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = in.read(buffer)) > 0) {
					size += n;
					if (size > maxSize) {
						throw new TooLarge();
					}
					out.write(buffer, 0, n);
				}
				out.flush();
				channel.force(true);
			}
			return new Received(temp, HexFormat.of().formatHex(digest.digest()), size);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
	}

	/** Drops a received file that was refused. */
	void discard(Received received) {
		try {
			Files.deleteIfExists(received.temp());
		}
		catch (IOException ex) {
			// a leftover in incoming/ is harmless
		}
	}

	/**
	 * Moves a received file to its place and returns its storage key; if the same content
	 * is already stored, the copy is dropped.
	 */
	String keep(Received received) throws IOException {
		String key = key(received.sha256());
		Path target = root.resolve(key);
		if (Files.exists(target)) {
			discard(received);
			return key;
		}
		Files.createDirectories(target.getParent());
		try {
			Files.move(received.temp(), target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException ex) {
			// stored by someone else in the meantime: same bytes
			discard(received);
			return key;
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("The documents directory must be on one file system: " + root, ex);
		}
		forceDirectory(target.getParent());
		return key;
	}

	/** The stored file of a key. */
	Path path(String key) {
		Path path = root.resolve(key).normalize();
		if (!path.startsWith(root) || path.startsWith(incoming)) {
			throw new IllegalArgumentException("Not a document key: " + key);
		}
		return path;
	}

	/** Where every file of the content goes: two levels of directories by its prefix. */
	static String key(String sha256) {
		return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
	}

	/** Makes the directory entry of a moved file durable (POSIX; ignored elsewhere). */
	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// not every platform opens directories
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
