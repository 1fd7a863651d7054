package vn.ntm.assessment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The fast entry page: every indicator with the bar for the unit and last year's value,
 * the live verdict computed from what is typed (nothing stored), saving, a stale save
 * refused naming who saved first with everything typed kept, and a locked assessment read
 * only.
 */
@IntegrationTest
class EntryPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	JdbcClient jdbc;

	long ntm;

	UnitRef dongTien;

	UserView officer;

	@BeforeEach
	void setUp() {
		ntm = data.setId("QD318_XA_NTM");
		dongTien = data.unit("07243", TestData.BEFORE_REFORM);
		officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07243");
	}

	@Test
	void shouldShowEveryIndicatorWithItsBarAndLastYearsValue() throws Exception {
		AssessmentView last = open(ntm, 2023);
		Map<String, ValueInput> values = new LinkedHashMap<>();
		values.put("3.1", new ValueInput(null, 1276L, 1413L, null, null, "Theo điều tra hộ", "Báo cáo 2023"));
		SystemTask.call(() -> assessments.record(last.id(), new AssessmentEntry(values, null, null, null, null, 0)));
		AssessmentView now = open(ntm, 2024);
		mvc.perform(get("/assessments/{id}/entry", now.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("id=\"criterion-1\""), containsString("id=\"criterion-19\""),
						containsString("name=\"n.3.1\""), containsString("name=\"d.3.1\""), containsString("≥ 80%"),
						containsString("Số liệu năm trước lấy từ QD318_XA_NTM v1, năm 2023."),
						containsString("1.276/1.413"), containsString("data-prev-n=\"1.276\""),
						containsString("Dùng số liệu năm trước cho mọi ô trống"), containsString("id=\"entry-save\""),
						containsString("hx-post=\"/assessments/" + now.id() + "/entry/evaluate\""),
						containsString("0/19"), not(containsString("id=\"read-only\"")))));
		// the stored note and source come back in the form of last year's page
		mvc.perform(get("/assessments/{id}/entry", last.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"1.276\""), containsString("value=\"1.413\""),
					containsString("value=\"Theo điều tra hộ\""), containsString("value=\"Báo cáo 2023\""),
					containsString("90,3% (1.276/1.413)"))));
		// the evaluation page links to the entry page
		mvc.perform(get("/units/{id}/evaluation", dongTien.id()).param("set", String.valueOf(ntm))
			.param("year", "2024")
			.with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/assessments/" + now.id() + "/entry\"")));
	}

	@Test
	void shouldEvaluateWhatIsTypedWithoutStoringIt() throws Exception {
		UserView communeOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07252");
		AssessmentView opened = open(commune("07252").id(), ntm, 2021);
		mvc.perform(results(post("/assessments/{id}/entry/evaluate", opened.id()), 0).param("n.3.1", "1.276")
			.param("d.3.1", "1.413")
			.param("statedMetCount", "mười")
			.with(user(communeOfficer.username()))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"entry-verdict\""), containsString("18 (19)"),
					containsString("hx-swap-oob=\"true\""), containsString("id=\"cs-19\""),
					containsString("id=\"iv-3-1\""), containsString("1 ô chưa đọc được"),
					containsString("id=\"err-statedMetCount\""), containsString("mười"),
					not(containsString("<html")))));
		// a number that cannot be read is shown beside its field; the rest is evaluated
		mvc.perform(results(post("/assessments/{id}/entry/evaluate", opened.id()), 0).param("v.3.1", "87,5,1")
			.with(user(communeOfficer.username()))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"err-3-1\""), containsString("không phải là số"),
					containsString("18/"))));
		assertThat(SystemTask.call(() -> assessments.get(opened.id())).rowVersion()).isZero();
		assertThat(SystemTask.call(() -> assessments.values(opened.id()))).isEmpty();
	}

	@Test
	void shouldSaveValuesWithTheirNotesAndSources() throws Exception {
		UserView communeOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07252");
		AssessmentView opened = open(commune("07252").id(), ntm, 2022);
		mvc.perform(results(post("/assessments/{id}/entries", opened.id()), 0).param("n.3.1", "1.276")
			.param("d.3.1", "1.413")
			.param("note.3.1", "Hộ dùng nước sạch")
			.param("src.3.1", "Số liệu năm trước")
			.param("statedMetCount", "18")
			.with(user(communeOfficer.username()))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/assessments/" + opened.id() + "/entry"));
		Map<String, ValueInput> stored = SystemTask.call(() -> assessments.values(opened.id()));
		assertThat(stored.get("3.1"))
			.isEqualTo(new ValueInput(null, 1276L, 1413L, null, null, "Hộ dùng nước sạch", "Số liệu năm trước"));
		assertThat(SystemTask.call(() -> assessments.get(opened.id())).statedMetCount()).isEqualTo(18);
	}

	@Test
	void shouldRefuseAStaleSaveNamingWhoSavedFirstAndKeepEverythingTyped() throws Exception {
		UserView first = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07255");
		UserView colleague = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07255");
		AssessmentView opened = open(commune("07255").id(), ntm, 2022);
		mvc.perform(results(post("/assessments/{id}/entries", opened.id()), 0).param("v.3.1", "91")
			.with(user(colleague.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(results(post("/assessments/{id}/entries", opened.id()), 0).param("v.3.1", "85,5")
			.param("note.3.1", "Ghi chú của tôi")
			.param("statedMetCount", "17")
			.with(user(first.username()))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString(colleague.username()), containsString("sau khi bạn mở"),
					containsString("Không có gì bị ghi đè"), containsString("id=\"conflict-help\""),
					containsString("value=\"85,5\""), containsString("value=\"Ghi chú của tôi\""),
					containsString("value=\"17\""), containsString("id=\"c-19-NOT_MET\" checked=\"checked\""),
					containsString("Chỉ tiêu 3.1</strong>:"), containsString("đã lưu 91, bạn gõ 85,5"))));
		// the first save stands
		assertThat(SystemTask.call(() -> assessments.values(opened.id())).get("3.1").number())
			.isEqualByComparingTo(new BigDecimal("91"));
	}

	@Test
	void shouldShowRefusedValuesBesideTheirFieldsAndSaveNothing() throws Exception {
		UserView communeOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07255");
		AssessmentView opened = open(commune("07255").id(), ntm, 2021);
		mvc.perform(results(post("/assessments/{id}/entries", opened.id()), 0).param("v.3.1", "abc")
			.with(user(communeOfficer.username()))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"err-3-1\""), containsString("không phải là số"),
					containsString("value=\"abc\""))));
		assertThat(SystemTask.call(() -> assessments.get(opened.id())).rowVersion()).isZero();
	}

	@Test
	void shouldRenderALockedAssessmentReadOnlyAndRefuseToSaveIt() throws Exception {
		UserView communeOfficer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "07258");
		AssessmentView opened = open(commune("07258").id(), ntm, 2021);
		lock(opened.id());
		try {
			mvc.perform(get("/assessments/{id}/entry", opened.id()).with(user(communeOfficer.username())))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("id=\"read-only\""), containsString("disabled"),
						containsString("Đã thẩm định, phê duyệt"), containsString("chỉ xem, không sửa được"),
						not(containsString("id=\"entry-save\"")), not(containsString("hx-post")))));
			mvc.perform(results(post("/assessments/{id}/entries", opened.id()), 0).param("v.3.1", "91")
				.with(user(communeOfficer.username()))
				.with(csrf()))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("không sửa được")));
			assertThat(SystemTask.call(() -> assessments.values(opened.id()))).isEmpty();
			assertThat(SystemTask.call(() -> assessments.get(opened.id())).rowVersion()).isZero();
		}
		finally {
			jdbc.sql("update assessment set status = 'DRAFT' where id = :id").param("id", opened.id()).update();
		}
	}

	@Test
	void shouldShowTheEntryReadOnlyToAViewer() throws Exception {
		UserView viewer = data.user(Role.VIEWER, TestData.BEFORE_REFORM, "49");
		AssessmentView seed = SystemTask
			.call(() -> assessments.find(data.unit("20359", TestData.BEFORE_REFORM).id(), ntm, 2023))
			.orElseThrow();
		mvc.perform(get("/assessments/{id}/entry", seed.id()).with(user(viewer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("17 (16, 19)"), containsString("id=\"read-only\""),
					not(containsString("id=\"entry-save\"")))));
		// an officer of another commune does not see it at all
		mvc.perform(get("/assessments/{id}/entry", seed.id()).with(user(officer.username())))
			.andExpect(status().isForbidden());
	}

	/** Marks the assessment approved (read-only until reopened). */
	private void lock(long id) {
		jdbc.sql("update assessment set status = 'APPROVED' where id = :id").param("id", id).update();
	}

	/** Criteria 1–18 stated met, 19 not met, as the page posts them. */
	private static MockHttpServletRequestBuilder results(MockHttpServletRequestBuilder post, int version) {
		post.param("expectedVersion", String.valueOf(version)).param("source", "Báo cáo kết quả");
		for (int n = 1; n <= 18; n++) {
			post.param("c." + n, "MET");
		}
		return post.param("c.19", "NOT_MET");
	}

	private AssessmentView open(long setId, int year) {
		return open(dongTien.id(), setId, year);
	}

	private AssessmentView open(long unitId, long setId, int year) {
		return SystemTask.call(() -> assessments.open(new NewAssessment(unitId, setId, year, null, null, null)));
	}

	/**
	 * A commune of Yên Thế (Bắc Giang) that no other test opens assessments for: 07243
	 * Đồng Tiến, 07252 Tam Tiến, 07255 Đồng Vương, 07258 Đồng Hưu.
	 */
	private UnitRef commune(String code) {
		return data.unit(code, TestData.BEFORE_REFORM);
	}

	private AssessmentView find(long setId, int year) {
		return SystemTask.call(() -> assessments.find(dongTien.id(), setId, year)).orElseThrow();
	}

}
