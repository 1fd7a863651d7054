package vn.ntm.recognition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recognition dossiers: opened on the route of their day with the plan's deadlines, read
 * back, and summarised for other modules.
 */
@IntegrationTest
class DossiersTests {

	@Autowired
	Dossiers dossiers;

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

	@Test
	void shouldOpenA2024CommuneDossierOnTheRouteWithTheDistrictAndThePlansDeadlines() {
		UnitRef commune = data.commune("502", "Xã Hồ Sơ");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());

		DossierView opened = as(officer,
				() -> dossiers.open(new NewDossier(commune.id(), "XA_NTM", 2024, LocalDate.of(2024, 9, 2))));

		assertThat(opened.state()).isEqualTo("DRAFT");
		assertThat(opened.routeCode()).isEqualTo("XA_2021");
		assertThat(opened.steps()).extracting(DossierView.StepView::code)
			.containsExactly("SUBMIT", "DISTRICT_REVIEW", "PROVINCE_APPRAISAL", "DECISION", "ANNOUNCE");
		assertThat(opened.steps().get(0).due()).isEqualTo(LocalDate.of(2024, 10, 30));
		assertThat(opened.steps().get(1).due()).isEqualTo(LocalDate.of(2024, 11, 30));
		assertThat(opened.steps().get(2).due()).isNull();
		assertThat(opened.checklist()).extracting(DossierView.ChecklistEntry::code)
			.contains("TO_TRINH", "BAO_CAO_THAM_TRA");
		assertThat(opened.can("SUBMIT")).isTrue();

		DossierView read = as(officer, () -> dossiers.find(opened.id()));
		assertThat(read.openedOn()).isEqualTo(LocalDate.of(2024, 9, 2));
		Map<Long, DossierSummary> latest = as(officer, () -> dossiers.latestFor(List.of(commune.id()), "XA_NTM", 2024));
		assertThat(latest.get(commune.id())).isEqualTo(new DossierSummary(opened.id(), commune.id(), "XA_NTM", 2024,
				"DRAFT", "Xã nộp hồ sơ", LocalDate.of(2024, 10, 30), null));
	}

}
