package vn.ntm.assessment;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The seeds' assessments are history, not drafts: approved as of their document's date
 * (the date of the figures when the document bears none, said so), so progress does not
 * say "Đang nhập, 0 ngày"; and Tam Kỳ's QĐ 320 summary, a set made of conditions only,
 * reads as conditions.
 */
@IntegrationTest
class SeedHistoryTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	AssessmentWorkflow workflow;

	@Test
	void shouldLoadTheSeedResultsApprovedAsOfTheirDocuments() {
		long ntm = data.setId("QD318_XA_NTM");
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		AssessmentView tamThanh2023 = SystemTask.call(() -> assessments.find(tamThanh, ntm, 2023)).orElseThrow();
		WorkflowState state = SystemTask.call(() -> workflow.state(tamThanh2023.id()));
		assertThat(state.status()).isEqualTo(AssessmentStatus.APPROVED);
		// seed 000 bears no date: the date of its figures stands in, and the step says so
		assertThat(state.statusAt()).isEqualTo(LocalDate.of(2023, 12, 31).atStartOfDay(VIETNAM).toInstant());
		assertThat(state.steps()).singleElement().satisfies(step -> {
			assertThat(step.action()).isEqualTo("FROM_DOCUMENT");
			assertThat(step.to()).isEqualTo(AssessmentStatus.APPROVED);
			assertThat(step.reason()).contains("seed 000", "văn bản không ghi ngày ký", "31/12/2023");
		});
		// seed 002 is dated 22/02/2024
		long hungMy = data.unit("02314", TestData.BEFORE_REFORM).id();
		WorkflowState hungMy2023 = SystemTask
			.call(() -> workflow.state(assessments.find(hungMy, ntm, 2023).orElseThrow().id()));
		assertThat(hungMy2023.status()).isEqualTo(AssessmentStatus.APPROVED);
		assertThat(hungMy2023.statusAt()).isEqualTo(LocalDate.of(2024, 2, 22).atStartOfDay(VIETNAM).toInstant());
		assertThat(hungMy2023.steps().get(0).reason()).contains("ngày văn bản 22/02/2024");
	}

	@Test
	void shouldShowTheSeedsAsApprovedInTheProgressOfTamKy() throws Exception {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long ntm = data.setId("QD318_XA_NTM");
		mvc.perform(get("/api/v1/units/{id}/assessments/progress", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user("tamky")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[?(@.label == 'Xã Tam Thanh')].status")
				.value(org.hamcrest.Matchers.contains("APPROVED")))
			.andExpect(jsonPath("$.rows[?(@.label == 'Xã Tam Thanh')].since")
				.value(org.hamcrest.Matchers.contains("2023-12-31")));
		mvc.perform(get("/units/{id}/assessments/progress", tamKy).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.with(user("tamky")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(matchesPattern(
					"(?s).*<tr data-unit=\"\\d+\" data-state=\"APPROVED\">\\s*<th[^>]*>\\s*<a[^>]*>Xã Tam Thanh<.*"),
					not(matchesPattern("(?s).*<tr data-unit=\"\\d+\" data-state=\"DRAFT\">.*")))));
	}

	@Test
	void shouldReadTamKysCityConditionsAsConditions() throws Exception {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long city = data.setId("QD320_TX_TP_HTNV");
		mvc.perform(get("/units/{id}/summary", tamKy).param("set", String.valueOf(city))
			.param("year", "2024")
			.with(user("tamky")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Điều kiện đạt"),
					matchesPattern("(?s).*id=\"headline\">\\d/5 điều kiện đạt; chưa đạt: [0-9, ]+<.*"),
					not(containsString(">0/0<")), not(containsString("Mọi tiêu chí đều đạt")),
					containsString("id=\"unmet-2\""), containsString("Các tiêu chí, điều kiện chưa đạt"))));
		mvc.perform(get("/api/v1/units/{id}/summary", tamKy).param("set", String.valueOf(city))
			.param("year", "2024")
			.with(user("tamky")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ofConditions").value(true))
			.andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.headline", matchesPattern("\\d/5 điều kiện đạt; chưa đạt: .*")));
	}

}
