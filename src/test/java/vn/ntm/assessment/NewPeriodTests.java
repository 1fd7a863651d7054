package vn.ntm.assessment;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The period 2026–2030: the 2021–2025 sets show that they ended, a xã is offered QĐ
 * 51/2025 for 2026 by default, and the demo's 2026 drafts stay drafts, with the
 * predecessors' 2023 results reachable from the new communes' pages.
 */
@IntegrationTest
class NewPeriodTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	vn.ntm.orgunit.UnitManagement units;

	@Test
	void shouldOpenTheDemosYear2026AsDraftsAgainstQd51() throws Exception {
		long qd51 = SystemTask.call(() -> catalog.inForce("QD51_2025_XA_NTM", LocalDate.of(2026, 12, 31)))
			.orElseThrow()
			.id();
		for (String code : new String[] { "02308", "07870", "07246" }) {
			long unit = data.unit(code, TestData.AFTER_REFORM).id();
			AssessmentView draft = SystemTask.call(() -> assessments.find(unit, qd51, 2026)).orElseThrow();
			assertThat(draft.status()).isEqualTo("DRAFT");
		}
		// Xã Tân Mỹ's page reaches Xã Hùng Mỹ's 2023 result; its form offers 2026 and QĐ
		// 51
		long tanMy = data.unit("02308", TestData.AFTER_REFORM).id();
		var officer = user("tanmy");
		mvc.perform(get("/units/{id}", tanMy).with(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("earlier-assessments")))
			.andExpect(content().string(containsString("Xã Hùng Mỹ · 2023")));
		// Phường Quảng Phú's page reaches Xã Tam Thanh's title (Xã NTM 2017)
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		long quangPhu = SystemTask.call(() -> units.fate(tamThanh)).orElseThrow().successors().get(0).unit().id();
		mvc.perform(get("/units/{id}", quangPhu).with(user("danang")))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*id=\"earlier-titles\".*Xã Tam Thanh.*2017.*")));
		mvc.perform(get("/evaluations").param("unit", String.valueOf(tanMy)).with(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*id=\"open-year\"[^>]*value=\"2026\".*")))
			.andExpect(content().string(matchesPattern("(?s).*<option value=\"" + qd51 + "\"[^>]*selected.*")));
	}

	@Test
	void shouldShowThatThe2021To2025SetsEnded() throws Exception {
		mvc.perform(get("/criteria").with(user("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đã hết giai đoạn (đến hết ngày 31/12/2025)")));
	}

}
