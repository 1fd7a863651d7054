package vn.ntm.criteria;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.audit.AuditLog;
import vn.ntm.criteria.internal.CatalogFilesTestsSupport;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A threshold whose direction contradicts its indicator (the source's "≥22%" for a
 * stunting rate) is flagged where the set is shown and in the API, confirmed by someone
 * who may edit the set with a reason, audited; flagged again when the bar changes.
 */
@IntegrationTest
class DirectionFlagsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	AuditLog audit;

	@Test
	void shouldFlagAThresholdAgainstItsIndicatorForAnAdministratorToConfirm() throws Exception {
		// the shipped QĐ 318 as the source printed 15.3, imported as a draft of a new
		// code
		SetDocument shipped = SystemTask.call(() -> catalog.document(data.setId("QD318_XA_NTM")));
		SetDocument printed = CatalogFilesTestsSupport.withStuntingAsPrinted(shipped);
		String code = "T" + TestData.unique("IN").replaceAll("[^A-Z0-9]", "");
		SetDocument renamed = new SetDocument(code, null, printed.name(), printed.nameEn(), null, printed.unitLevel(),
				printed.unitTypes(), printed.validFrom(), printed.validTo(), printed.decision(), printed.legalBasis(),
				null, null, printed.thresholdScheme(), printed.thresholdRules(), null, null, printed.sourceStatus(),
				printed.sources(), printed.note(), null, printed.groups(), printed.criteria());
		SetSummary draft = SystemTask.call(() -> catalog.importDraft(renamed));

		mvc.perform(get("/api/v1/criteria-sets/{id}/direction-flags", draft.id()).with(user("admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.indicator == '15.3')].kind", contains("MINIMUM")))
			.andExpect(jsonPath("$[?(@.indicator == '15.3')].confirmedBy").isEmpty())
			.andExpect(jsonPath("$[?(@.indicator == '9.1')].kind", contains("IMPLIED_NO")));
		mvc.perform(get("/criteria/sets/{id}", draft.id()).with(user("xem")))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("id=\"direction\""), containsString("id=\"direction-15.3\""),
							containsString("mức tối thiểu (≥)"), not(containsString("/direction/15.3/confirm")))));

		// a viewer may not confirm; a reason is required
		mvc.perform(post("/api/v1/criteria-sets/{id}/direction-flags/15.3/confirm", draft.id())
			.with(httpBasic("xem", "NtmDemo@2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\": \"đúng\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/criteria-sets/{id}/direction-flags/15.3/confirm", draft.id())
			.with(httpBasic("admin", "NtmDemo@2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\": \" \"}")).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/criteria/sets/{id}/direction/15.3/confirm", draft.id())
			.param("note", "Đã đối chiếu: văn bản in ≥")
			.with(user("admin"))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/criteria-sets/{id}/direction-flags", draft.id()).with(user("admin")))
			.andExpect(jsonPath("$[?(@.indicator == '15.3')].confirmedBy", contains("admin")))
			.andExpect(jsonPath("$[?(@.indicator == '15.3')].note", contains("Đã đối chiếu: văn bản in ≥")));
		mvc.perform(get("/criteria/sets/{id}", draft.id()).with(user("admin")))
			.andExpect(content().string(containsString("Đã xác nhận bởi admin")));
		assertThat(SystemTask.call(() -> audit.historyOf("criteria_set", String.valueOf(draft.id()), 10)))
			.anySatisfy(e -> assertThat(e.summary()).startsWith("Xác nhận chiều so sánh của chỉ tiêu 15.3"));

		// the shipped set itself: 15.3 is a maximum, nothing to confirm for it
		assertThat(SystemTask.call(() -> catalog.directionFlags(data.setId("QD318_XA_NTM"))))
			.extracting(DirectionFlag::indicator)
			.doesNotContain("15.3");
	}

}
