package vn.ntm.documents.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a restart in the middle of an upload leaves behind: the partial files in
 * {@code incoming/} go when the store starts, the stored files stay.
 */
class ContentStorageTests {

	@TempDir
	Path dir;

	@Test
	void shouldRemovePartialFilesAtStartAndKeepStoredOnes() throws Exception {
		Path incoming = Files.createDirectories(dir.resolve("incoming"));
		Path part = Files.writeString(incoming.resolve("upload-123.part"), "nửa tệp");
		Path stored = Files.createDirectories(dir.resolve("ab/cd")).resolve("abcd0123");
		Files.writeString(stored, "tệp đã lưu");
		new ContentStorage(dir);
		assertThat(part).doesNotExist();
		assertThat(stored).hasContent("tệp đã lưu");
		assertThat(incoming).isEmptyDirectory();
	}

}
