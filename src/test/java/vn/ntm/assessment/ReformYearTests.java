package vn.ntm.assessment;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ntm.orgunit.UnitFate;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The years that straddle the reform of 1/7/2025 and the hand-over of open work: a year
 * covers every unit that existed in it, each as of its own last day; refusals speak in
 * words; the province that received a commune reviews and approves its 2025 assessment.
 */
@IntegrationTest
class ReformYearTests {

	/** Xã Tam Ngọc (Tam Kỳ), which no other test opens for 2025. */
	static final String TAM_NGOC = "20389";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UnitManagement units;

	@Autowired
	AssessmentManagement assessments;

	@Test
	void shouldCoverEveryUnitOfTheYearEachAsOfItsOwnLastDay() throws Exception {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		long quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		long daNang = data.unit("48", TestData.AFTER_REFORM).id();
		var ofYear = SystemTask.call(() -> units.unitsOfYear(tamKy, 2025));
		assertThat(ofYear.get(0).id()).isEqualTo(tamKy);
		UnitRef tamThanh2025 = ofYear.stream().filter(u -> u.id() == tamThanh).findFirst().orElseThrow();
		assertThat(tamThanh2025.validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(SystemTask.call(() -> units.lastDayIn(tamThanh, 2025))).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(SystemTask.call(() -> units.lastDayIn(daNang, 2025))).isEqualTo(LocalDate.of(2025, 12, 31));
		// Đà Nẵng's 2025 holds what Quảng Nam brought to it
		assertThat(SystemTask.call(() -> units.unitsOfYear(daNang, 2025))).extracting(UnitRef::id)
			.contains(tamThanh, quangNam, tamKy);
		// the Đà Nẵng of 1/7/2025 is a new unit: no 2024 of its own, said in words
		assertThatThrownBy(() -> SystemTask.call(() -> units.unitsOfYear(daNang, 2024)))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessageContaining("unit.notInYear.later");

		long set = data.setId("QD318_XA_NTM");
		var province = user("quangnam");
		for (String page : new String[] { "/units/%d/evaluations/matrix", "/units/%d/assessments/progress",
				"/units/%d/evaluations/within" }) {
			mvc.perform(
					get(page.formatted(tamKy)).param("set", String.valueOf(set)).param("year", "2025").with(province))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Xã Tam Thanh")));
			// Đà Nẵng's 2025 has more than 250 xã: it starts from the units directly
			// below, Tam Kỳ (which ended on 30/06/2025) among them, Tam Thanh in it
			mvc.perform(get(page.formatted(daNang)).param("set", String.valueOf(set))
				.param("year", "2025")
				.with(user("danang")))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("id=\"aggregate\""),
						containsString("data-unit=\"" + tamKy + "\""), containsString("Thành phố Tam Kỳ"))));
		}
		// the summary of a commune that ended in the year, with nothing entered
		mvc.perform(get("/units/{id}/summary", tamThanh).param("set", String.valueOf(set))
			.param("year", "2025")
			.with(province)).andExpect(status().isOk()).andExpect(content().string(containsString("30/06/2025")));
	}

	@Test
	void shouldExplainInWordsAYearAUnitDidNotExistIn() throws Exception {
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		var province = user("quangnam");
		mvc.perform(get("/units/{id}/evaluations/within", tamKy).param("set", String.valueOf(set))
			.param("year", "2026")
			.with(province))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(
					allOf(containsString("Thành phố Tam Kỳ không tồn tại trong năm 2026"), containsString("30/06/2025"),
							not(containsString("#" + tamKy)), not(containsString("2025-06-30")))));
		mvc.perform(get("/units/{id}/evaluation", tamThanh).param("set", String.valueOf(set))
			.param("year", "2026")
			.with(province))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Xã Tam Thanh không tồn tại trong năm 2026"),
					containsString("Phường Quảng Phú, Thành phố Đà Nẵng"))));
		// the tree of the unit's own page, by date
		mvc.perform(get("/units/{id}", tamThanh).with(province))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phường Quảng Phú")))
			.andExpect(content().string(containsString("Thành phố Đà Nẵng")));
		mvc.perform(get("/units").param("root", String.valueOf(tamKy)).param("at", "01/07/2025").with(province))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("successor-trees")));
	}

	@Test
	void shouldNameWhatAnEndedUnitBecameWithItsParent() {
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		UnitFate fate = SystemTask.call(() -> units.fate(tamThanh)).orElseThrow();
		assertThat(fate.from()).isEqualTo(TestData.AFTER_REFORM);
		assertThat(fate.successors()).extracting(UnitFate.Successor::label)
			.containsExactly("Phường Quảng Phú, Thành phố Đà Nẵng");
	}

	@Test
	void shouldHandTheYearOfAnEndedCommuneToTheProvinceThatReceivedIt() throws Exception {
		long unit = data.unit(TAM_NGOC, TestData.BEFORE_REFORM).id();
		long set = data.setId("QD318_XA_NTM");
		// opened with the defaults: as of the commune's last day
		AssessmentView opened = SystemTask
			.call(() -> assessments.open(new NewAssessment(unit, set, 2025, null, "Báo cáo xã Tam Ngọc", null)));
		assertThat(opened.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
		long id = opened.id();
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, TAM_NGOC);
		UserView daNang = data.user(Role.PROVINCE_OFFICE, TestData.AFTER_REFORM, "48");
		UserView hanoi = data.user(Role.PROVINCE_OFFICE, TestData.AFTER_REFORM, "01");
		UserView quangNam = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		long successor = SystemTask.call(() -> units.fate(unit)).orElseThrow().successors().get(0).unit().id();
		String successorCode = SystemTask.call(() -> units.find(successor, TestData.AFTER_REFORM)).orElseThrow().code();
		UserView ward = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, successorCode);

		mvc.perform(put("/api/v1/assessments/{id}/entries", id).with(as(commune))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"met\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"15\",\"16\",\"17\",\"18\",\"19\"], \"expectedVersion\": 0}"))
			.andExpect(status().isOk());
		// the ward formed from it reads it and could work on it
		mvc.perform(get("/api/v1/assessments/{id}", id).with(as(ward))).andExpect(status().isOk());
		step(as(commune), id, "submit").andExpect(status().isOk());
		// Đà Nẵng has it waiting; another province neither sees nor acts
		mvc.perform(get("/api/v1/assessments/waiting").with(as(daNang)))
			.andExpect(jsonPath("$[?(@.assessment.id == " + id + ")].action").value("REVIEW"));
		step(as(hanoi), id, "review").andExpect(status().isForbidden());
		step(as(daNang), id, "review").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVIEWED"));
		step(as(daNang), id, "approve").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
		// Quảng Nam still reads it
		mvc.perform(get("/api/v1/assessments/{id}", id).with(as(quangNam))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/assessments/{id}", id).with(as(hanoi))).andExpect(status().isForbidden());
	}

	private ResultActions step(RequestPostProcessor who, long id, String action) throws Exception {
		int version = SystemTask.call(() -> assessments.get(id)).rowVersion();
		return mvc.perform(post("/api/v1/assessments/{id}/" + action, id).with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"expectedVersion\": " + version + "}"));
	}

	private static RequestPostProcessor as(UserView user) {
		return httpBasic(user.username(), TestData.PASSWORD);
	}

}
