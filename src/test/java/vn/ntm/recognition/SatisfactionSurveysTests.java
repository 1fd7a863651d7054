package vn.ntm.recognition;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Satisfaction surveys: recorded and read back with exact shares, each invalid value
 * refused naming its field with nothing saved, another unit's officer refused, a stale
 * version refused, the change audited.
 */
@IntegrationTest
class SatisfactionSurveysTests {

	private static final Locale VI = Locale.forLanguageTag("vi");

	@Autowired
	SatisfactionSurveys surveys;

	@Autowired
	AuditLog audit;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	static <T> T as(UserView user, java.util.function.Supplier<T> work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(user.username(), null, List.of()));
		var previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	static SurveyForm form(Integer households, Integer surveyed, Integer satisfied, Integer version) {
		return new SurveyForm(households, surveyed, satisfied, 1400, 1307, "Ủy ban MTTQ Việt Nam xã", null, null, null,
				List.of(new SurveyForm.Question("Hạ tầng giao thông", Math.min(1200, surveyed), surveyed)), version);
	}

	@Test
	void shouldRecordAndReadBackWithExactSharesAndAnAuditRow() {
		UnitRef commune = data.commune("502", "Xã Khảo Sát");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());

		SurveyView saved = as(officer, () -> surveys.record(commune.id(), 2024, form(1500, 1307, 1115, null)));
		SurveyView read = as(officer, () -> surveys.find(commune.id(), 2024)).orElseThrow();

		assertThat(read.households()).isEqualTo(1500);
		assertThat(read.conductedBy()).isEqualTo("Ủy ban MTTQ Việt Nam xã");
		assertThat(read.satisfaction().percent())
			.contains(BigDecimal.valueOf(111500).divide(BigDecimal.valueOf(1307), MathContext.DECIMAL128));
		assertThat(read.satisfaction().format(1)).isEqualTo("85,3%");
		assertThat(read.coverage().format(1)).isEqualTo("87,1%");
		assertThat(read.coverage().describe()).isEqualTo("1.307/1.500 (87,1%)");
		assertThat(read.questions()).singleElement()
			.satisfies(q -> assertThat(q.satisfaction().format(1)).isEqualTo("91,8%"));
		assertThat(as(officer, () -> surveys.knownBar(commune.id(), 2024))).isEmpty();
		assertThat(read.satisfactionAgainst(null).outcome()).isEqualTo(BarComparison.Outcome.NO_BAR);
		assertThat(read.satisfactionAgainst(SatisfactionBar.DISTRICT_NTM_2021_2025).outcome())
			.isEqualTo(BarComparison.Outcome.BELOW);

		List<AuditEntry> trail = SystemTask
			.call(() -> audit.historyOf("satisfaction_survey", String.valueOf(saved.id()), 10));
		assertThat(trail).singleElement().satisfies(e -> assertThat(e.summary()).contains("85,3%"));

		SurveyView changed = as(officer, () -> surveys.record(commune.id(), 2024, form(1500, 1400, 1330, 0)));
		assertThat(changed.version()).isEqualTo(1);
		assertThat(changed.satisfaction().atLeast(BigDecimal.valueOf(95))).isTrue();
		assertThat(SystemTask.call(() -> audit.historyOf("satisfaction_survey", String.valueOf(saved.id()), 10)))
			.hasSize(2);
	}

	@Test
	void shouldNameTheFieldOfEachInvalidValueAndSaveNothing() {
		UnitRef commune = data.commune("502", "Xã Khảo Sát");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());

		assertRefused(officer, commune, form(1000, 1200, 900, null), "Số hộ được lấy ý kiến (1.200)",
				"Số hộ trên địa bàn (1.000)");
		assertRefused(officer, commune, form(1000, 900, 950, null), "Số hộ hài lòng (950)",
				"Số hộ được lấy ý kiến (900)");
		assertRefused(officer, commune, form(-1, 0, 0, null), "Số hộ trên địa bàn: phải là số nguyên không âm");
		assertRefused(officer, commune, form(null, 0, 0, null), "Số hộ trên địa bàn: bắt buộc");
		assertRefused(officer, commune, new SurveyForm(10, 5, 5, 10, 12, "MTTQ", null, null, null, List.of(), null),
				"Số phiếu thu về (12)", "Số phiếu phát ra (10)");
		assertRefused(officer, commune, new SurveyForm(10, 5, 5, null, null, " ", null, null, null, List.of(), null),
				"Đơn vị tổ chức lấy ý kiến: bắt buộc");
		assertRefused(officer, commune,
				new SurveyForm(10, 5, 5, null, null, "MTTQ", null, null, null,
						List.of(new SurveyForm.Question("Môi trường", 6, 5)), null),
				"Câu hỏi thứ 1", "số hộ hài lòng (6)");
		assertRefused(officer, commune,
				new SurveyForm(10, 5, 5, null, null, "MTTQ", null, null, null,
						List.of(new SurveyForm.Question("Giao thông", 5, 5),
								new SurveyForm.Question("Môi trường", 6, 8)),
						null),
				"Câu hỏi thứ 2", "số hộ được hỏi (8)", "số hộ được lấy ý kiến (5)");
		assertThat(as(officer, () -> surveys.find(commune.id(), 2024))).isEmpty();
	}

	private void assertRefused(UserView officer, UnitRef commune, SurveyForm form, String... parts) {
		assertThatThrownBy(() -> as(officer, () -> surveys.record(commune.id(), 2024, form))).isInstanceOfSatisfying(
				BusinessRuleException.class,
				e -> assertThat(LocalizedMessages.get(messages, e.messageKey(), e.arguments(), VI)).contains(parts));
	}

	@Test
	void shouldRefuseAnotherUnitsOfficerAndAStaleVersionThroughTheApi() throws Exception {
		UnitRef commune = data.commune("502", "Xã Khảo Sát");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		String body = """
				{"households": 1500, "surveyed": 1307, "satisfied": 1115, "conductedBy": "Ủy ban MTTQ Việt Nam xã",
				 "questions": [{"question": "Hạ tầng", "satisfied": 1200, "asked": 1307}]%s}
				""";

		mvc.perform(put("/api/v1/units/{id}/surveys/2024", commune.id()).with(user(other.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(""))).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/units/{id}/surveys/2024", commune.id()).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.satisfaction.text").value("85,3%"))
			.andExpect(jsonPath("$.satisfactionAgainstBar").value("NO_BAR"));
		mvc.perform(put("/api/v1/units/{id}/surveys/2024", commune.id()).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(", \"expectedVersion\": 0"))).andExpect(status().isOk());
		mvc.perform(put("/api/v1/units/{id}/surveys/2024", commune.id()).with(user(officer.username()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(", \"expectedVersion\": 0"))).andExpect(status().isConflict());
		mvc.perform(get("/api/v1/units/{id}/surveys/2024", commune.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.survey.version").value(1))
			.andExpect(jsonPath("$.coverage.text").value("87,1%"));
		mvc.perform(get("/api/v1/units/{id}/surveys/2024", commune.id()).with(user(other.username())))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> as(other, () -> surveys.find(commune.id(), 2024))).isInstanceOf(AccessRefused.class);
	}

	@Test
	void shouldRecordThroughThePageInVietnameseNumbers() throws Exception {
		UnitRef commune = data.commune("502", "Xã Khảo Sát");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		String path = "/units/" + commune.id() + "/surveys/2024";

		mvc.perform(get(path).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("năm 2024")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("survey-form")));
		mvc.perform(post(path).with(user(officer.username()))
			.with(csrf())
			.param("households", "1.000")
			.param("surveyed", "1.200")
			.param("satisfied", "900")
			.param("conductedBy", "Ủy ban MTTQ Việt Nam xã"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Số hộ được lấy ý kiến (1.200)")));
		mvc.perform(post(path).with(user(officer.username()))
			.with(csrf())
			.param("households", "1.500")
			.param("surveyed", "1.307")
			.param("satisfied", "1.115")
			.param("startedOn", "01/10/2024")
			.param("conductedBy", "Ủy ban MTTQ Việt Nam xã")).andExpect(redirectedUrl(path));
		mvc.perform(get(path).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("85,3%")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("1.307")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("01/10/2024")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Chưa có ngưỡng")));
		mvc.perform(get(path).with(user(other.username()))).andExpect(status().isForbidden());
	}

	@Test
	void shouldListTheSurveysBelowAParentAndKnowOnlyTheDistrictsBar() {
		UnitRef commune = data.commune("502", "Xã Khảo Sát");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		as(officer, () -> surveys.record(commune.id(), 2023, form(800, 700, 650, null)));
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		UserView city = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");

		assertThat(as(city, () -> surveys.below(tamKy, 2023))).extracting(SurveyView::unitId).contains(commune.id());
		assertThat(as(officer, () -> surveys.below(commune.id(), 2023))).singleElement()
			.satisfies(s -> assertThat(s.satisfaction().format(1)).isEqualTo("92,9%"));
		long queSon = data.unit("509", TestData.BEFORE_REFORM).id();
		assertThat(SystemTask.call(() -> surveys.knownBar(queSon, 2024)))
			.contains(SatisfactionBar.DISTRICT_NTM_2021_2025);
		assertThat(SystemTask.call(() -> surveys.knownBar(commune.id(), 2024))).isEmpty();
	}

}
