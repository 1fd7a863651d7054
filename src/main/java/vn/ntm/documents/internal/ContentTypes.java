package vn.ntm.documents.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.tika.io.TikaInputStream;
import org.jspecify.annotations.Nullable;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.springframework.stereotype.Component;

/**
 * The kinds of files accepted, decided from the content with Apache Tika's magic
 * detection (tika-core, no parsers). Office files need both: the content says "an OLE2 /
 * OOXML container" and the name tells Word from Excel, so a zip or a text renamed
 * {@code .docx} is refused. Only the first bytes are read.
 */
@Component
class ContentTypes {

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

	/**
	 * The name a file of the type is stored and downloaded under: the given name when it
	 * already ends with an extension of the type ("Ảnh.JPEG" stays), else the type's
	 * extension in place of one that names another type ("bao-cao.html" that is a PDF
	 * becomes "bao-cao.pdf"), or added to a name without one ("QĐ 320.2024" becomes "QĐ
	 * 320.2024.pdf"). So a file is never saved by a browser with an extension that makes
	 * the system open it as something it is not.
	 */
	String nameFor(String name, String type) {
		List<String> extensions = extensions(type);
		String lower = name.toLowerCase(Locale.ROOT);
		if (extensions.isEmpty() || extensions.stream().anyMatch(lower::endsWith)) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		boolean namesAType = dot > 0 && !MediaType.OCTET_STREAM.toString().equals(types.getMimeType(name).getName());
		return (namesAType ? name.substring(0, dot) : name) + extensions.get(0);
	}

	/** The type's extensions, its usual one first (".jpg" before ".jpeg"). */
	private List<String> extensions(String type) {
		try {
			org.apache.tika.mime.MimeType known = types.forName(type);
			String usual = known.getExtension();
			return usual.isEmpty() ? known.getExtensions()
					: java.util.stream.Stream
						.concat(java.util.stream.Stream.of(usual),
								known.getExtensions().stream().filter(e -> !e.equals(usual)))
						.toList();
		}
		catch (MimeTypeException ex) {
			return List.of();
		}
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
