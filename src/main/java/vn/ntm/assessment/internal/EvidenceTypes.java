package vn.ntm.assessment.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.tika.io.TikaInputStream;
import org.jspecify.annotations.Nullable;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.springframework.stereotype.Component;

/**
 * The kinds of evidence files accepted, decided from the content with Apache Tika's magic
 * detection (tika-core, no parsers). Office files need both: the content says "an OLE2 /
 * OOXML container" and the name tells Word from Excel, so a zip or a text renamed
 * {@code .docx} is refused. Only the first bytes are read.
 */
@Component
class EvidenceTypes {

	/** What the content alone must show. */
	private static final Set<String> SELF_DESCRIBING = Set.of("application/pdf", "image/jpeg", "image/png", "image/gif",
			"image/webp", "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet");

	/** Office types that the content shows as a container, by the container. */
	private static final Map<String, Set<String>> CONTAINERS = Map.of("application/x-tika-msoffice",
			Set.of("application/msword", "application/vnd.ms-excel"), "application/x-tika-ooxml",
			Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

	private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

	/** The outcome: the type stored, or what the content was found to be. */
	record Detected(boolean accepted, String type) {
	}

	Detected detect(Path file, String fileName) throws IOException {
		String content = type(file, null);
		if (SELF_DESCRIBING.contains(content)) {
			return new Detected(true, content);
		}
		Set<String> named = CONTAINERS.get(content);
		if (named != null) {
			String byName = type(file, fileName);
			if (named.contains(byName)) {
				return new Detected(true, byName);
			}
		}
		return new Detected(false, content);
	}

	private String type(Path file, @Nullable String name) throws IOException {
		Metadata metadata = new Metadata();
		if (name != null) {
			metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
		}
		// from a stream, not the path: the temporary file's name must not count
		try (TikaInputStream in = TikaInputStream.get(new BufferedInputStream(Files.newInputStream(file)))) {
			MediaType type = types.detect(in, metadata, new ParseContext());
			return type.getBaseType().toString();
		}
	}

}
