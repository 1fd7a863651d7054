package vn.ntm.shared.work;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iCalendar text rules: texts escaped, content lines folded at 75 octets without
 * cutting a Vietnamese (multi-byte) character, CRLF at the end of every line.
 */
class ICalendarTextTests {

	@Test
	void shouldEscapeTextValues() {
		assertThat(ICalendarText.escape("Hồ sơ; tờ trình, biên bản\\bản sao\nDòng 2"))
			.isEqualTo("Hồ sơ\\; tờ trình\\, biên bản\\\\bản sao\\nDòng 2");
	}

	@Test
	void shouldFoldLongLinesAt75OctetsWithoutCuttingACharacter() {
		String summary = "SUMMARY:" + "Nghiệm thu công trình đường giao thông nông thôn xã Tam Thăng, ".repeat(4);
		StringBuilder out = new StringBuilder();
		ICalendarText.line(out, summary);
		String text = out.toString();
		assertThat(text).endsWith("\r\n");
		String[] lines = text.split("\r\n");
		assertThat(lines).hasSizeGreaterThan(3);
		for (int i = 0; i < lines.length; i++) {
			assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
			assertThat(lines[i]).doesNotContain("\uFFFD");
			if (i > 0) {
				assertThat(lines[i]).startsWith(" ");
			}
		}
		StringBuilder unfolded = new StringBuilder(lines[0]);
		for (int i = 1; i < lines.length; i++) {
			unfolded.append(lines[i].substring(1));
		}
		assertThat(unfolded.toString()).isEqualTo(summary);
	}

}
