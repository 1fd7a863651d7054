package vn.ntm.criteria.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import vn.ntm.criteria.SetDocument;
import vn.ntm.shared.RejectedInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped catalog files read strictly, and a set written as YAML or JSON reads back
 * the same.
 */
class CatalogFilesTests {

	@Test
	void shouldReadEveryShippedCatalogFile() {
		List<SetDocument> documents;
		try {
			documents = CatalogLoader.shipped();
		}
		catch (RejectedInput ex) {
			throw new AssertionError(ex.problems().toString(), ex);
		}
		assertThat(documents).extracting(SetDocument::code)
			.contains("QD318_XA_NTM", "QD318_XA_NTM_NC", "QD319_XA_NTM_KM", "QD320_HUYEN_NTM", "QD320_TX_TP_HTNV",
					"QD51_2025_XA_NTM", "BG16_2023_THON_NTM", "BG16_2023_THON_NTM_KM", "BG741_2022_XA_NTM_NC");
	}

	@Test
	void shouldWriteAndReadBackTheSameDocument() {
		for (SetDocument document : CatalogLoader.shipped()) {
			byte[] yaml = CatalogFiles.writeYaml(document);
			byte[] json = CatalogFiles.writeJson(document);
			assertThat(readBack(() -> CatalogFiles.readYaml(yaml), yaml)).as(document.code()).isEqualTo(document);
			assertThat(readBack(() -> CatalogFiles.readJson(json), json)).as(document.code()).isEqualTo(document);
		}
	}

	private static SetDocument readBack(java.util.function.Supplier<SetDocument> read, byte[] text) {
		try {
			return read.get();
		}
		catch (RejectedInput ex) {
			throw new AssertionError(
					ex.problems() + " in\n" + new String(text, java.nio.charset.StandardCharsets.UTF_8), ex);
		}
	}

	@Test
	void shouldPutRefinedSetsAfterTheSetsTheyRefine() {
		List<String> order = CatalogLoader.inOrder(CatalogLoader.shipped()).stream().map(SetDocument::code).toList();
		assertThat(order.indexOf("BG741_2022_XA_NTM_NC")).isGreaterThan(order.indexOf("QD318_XA_NTM_NC"));
	}

	@Test
	void shouldNameTheLineAndTheFieldOfAMisspeltFile() {
		String yaml = """
				code: X_TEST
				name: Thử
				unitLevel: 3
				criteria:
				  - number: "1"
				    indicators:
				      - code: "1.1"
				        type: PERCENT
				        requirement: {op: GE, value: "80"}
				""";
		assertThatThrownBy(() -> CatalogFiles.readYaml(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.isInstanceOf(RejectedInput.class)
			.satisfies(ex -> assertThat(((RejectedInput) ex).problems()).singleElement().satisfies(p -> {
				assertThat(p.key()).isEqualTo("catalog.file.unknownField");
				assertThat(p.args()).containsExactly("requirement");
				assertThat(p.where()).extracting(w -> w.key()).contains("where.line");
			}));
	}

}
