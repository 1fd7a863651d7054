package vn.ntm.criteria.internal;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import vn.ntm.criteria.SetDocument;
import vn.ntm.shared.Problem;
import vn.ntm.shared.RejectedInput;

/**
 * Set documents as YAML and JSON text. Reading is strict: an unknown field is an error (a
 * misspelt "requirement" must not silently drop a threshold).
 */
final class CatalogFiles {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
		.enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private CatalogFiles() {
	}

	static SetDocument readYaml(byte[] content) {
		return read(YAML, content);
	}

	static SetDocument readJson(byte[] content) {
		return read(JSON, content);
	}

	static byte[] writeYaml(SetDocument document) {
		return YAML.writeValueAsBytes(document);
	}

	static byte[] writeJson(SetDocument document) {
		return JSON.writeValueAsBytes(document);
	}

	private static SetDocument read(ObjectMapper mapper, byte[] content) {
		if (content.length == 0) {
			throw new RejectedInput("catalog.rejected", List.of(Problem.at(List.of(), "catalog.file.empty")));
		}
		if (content.length > MAX_BYTES) {
			throw new RejectedInput("catalog.rejected",
					List.of(Problem.at(List.of(), "catalog.file.tooLarge", MAX_BYTES / 1024 / 1024)));
		}
		try {
			SetDocument document = mapper.readValue(content, SetDocument.class);
			if (document == null) {
				throw new RejectedInput("catalog.rejected", List.of(Problem.at(List.of(), "catalog.file.empty")));
			}
			return document;
		}
		catch (UnrecognizedPropertyException ex) {
			throw rejected(ex, "catalog.file.unknownField", ex.getPropertyName());
		}
		catch (JacksonException ex) {
			throw rejected(ex, "catalog.file.syntax", ex.getOriginalMessage());
		}
	}

	private static RejectedInput rejected(JacksonException ex, String key, Object detail) {
		TokenStreamLocation location = ex.getLocation();
		List<Problem.Place> where = location == null || location.getLineNr() < 1 ? List.of()
				: List.of(new Problem.Place("where.line", String.valueOf(location.getLineNr())));
		return new RejectedInput("catalog.rejected", List.of(Problem.at(where, key, String.valueOf(detail))));
	}

}
