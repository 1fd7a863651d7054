package vn.ntm.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vietnamese and English must say the same things: both bundles hold the same keys, and
 * every key the templates and the code use exists.
 */
class MessagesInSyncTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");

	/** Keys passed as string literals to exceptions and message lookups in the code. */
	private static final Pattern CODE_KEY = Pattern.compile(
			"\"((?:unit|user|import|merge|split|change|classification|password|access|error|lineage|reform|catalog|engine|formula|title|where|criteria|assessment|evaluation|planning|jobs|documents|recognition|targets|calendar)\\.[a-zA-Z0-9_.]+)\"");

	/** The bundles, as spring.messages.basename lists them. */
	private static final java.util.List<String> BUNDLES = java.util.List.of("messages", "i18n/criteria",
			"i18n/assessment", "i18n/work", "i18n/funding", "i18n/planning", "i18n/documents", "i18n/recognition",
			"i18n/targets", "i18n/calendar");

	@Test
	void shouldHaveTheSameKeysInEveryLanguage() throws IOException {
		for (String bundle : BUNDLES) {
			Set<String> vietnamese = load(bundle + ".properties");
			Set<String> english = load(bundle + "_en.properties");
			assertThat(english).as("keys missing in " + bundle + "_en.properties")
				.containsAll(vietnamese)
				.as("keys missing in " + bundle + ".properties")
				.hasSameSizeAs(vietnamese);
		}
	}

	@Test
	void shouldDefineEveryKeyTheTemplatesUse() throws IOException {
		Set<String> defined = loadAll();
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher m = TEMPLATE_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		assertThat(defined).containsAll(used);
	}

	@Test
	void shouldDefineEveryKeyTheCodeUses() throws IOException {
		Set<String> defined = loadAll();
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher m = CODE_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		used.removeIf(key -> key.endsWith("."));
		assertThat(defined).containsAll(used);
	}

	private static Set<String> loadAll() throws IOException {
		Set<String> all = new LinkedHashSet<>();
		for (String bundle : BUNDLES) {
			all.addAll(load(bundle + ".properties"));
		}
		return all;
	}

	private static Set<String> load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesInSyncTests.class.getResourceAsStream("/" + name)) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new LinkedHashSet<>(properties.stringPropertyNames());
	}

}
