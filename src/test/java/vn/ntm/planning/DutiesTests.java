package vn.ntm.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ntm.planning.DutyView.State;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ntm.planning.PlanningTests.as;

/**
 * Reporting duties: the seed's monthly reports of Tam Kỳ's communes, the lateness rule, a
 * report submitted on time and late, a second one refused, and access by unit.
 */
@IntegrationTest
class DutiesTests {

	@Autowired
	ReportingDuties duties;

	@Autowired
	TestData data;

	@Test
	void shouldOweTamKyAMonthlyReportFromEachOfItsFourCommunes() {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		List<DutyView> owed = SystemTask.call(() -> duties.duties(tamKy))
			.stream()
			.filter(d -> d.recipientUnitId() != null && d.recipientUnitId() == tamKy)
			.filter(d -> d.title().startsWith("Báo cáo tiến độ thực hiện các nhóm tiêu chí NTM"))
			.toList();
		assertThat(owed).hasSize(4).allSatisfy(d -> {
			assertThat(d.schedule().recurrence()).isEqualTo(Deadline.Recurrence.MONTHLY);
			assertThat(d.occurrences()).hasSize(12);
			assertThat(d.occurrences().get(0).due()).isEqualTo(LocalDate.of(2024, 1, 31));
		});
		long maiDinh = data.unit("07885", TestData.BEFORE_REFORM).id();
		assertThat(SystemTask.call(() -> duties.duties(maiDinh))).extracting(d -> d.schedule().recurrence())
			.contains(Deadline.Recurrence.WEEKLY, Deadline.Recurrence.MONTHLY, Deadline.Recurrence.QUARTERLY);
	}

	@Test
	void shouldTellOnTimeLateMissingAndUpcoming() {
		Deadline monthly = Deadline.parse("định kỳ ngày 22 hằng tháng");
		List<DutyView.Occurrence> occurrences = DutyView.occurrences(monthly, LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 12, 31), LocalDate.of(2024, 6, 30), LocalDate.of(2024, 5, 25),
				Map.of(LocalDate.of(2024, 1, 22), new DutyView.Submitted(LocalDate.of(2024, 1, 20), "x", null, "a"),
						LocalDate.of(2024, 2, 22), new DutyView.Submitted(LocalDate.of(2024, 2, 26), "x", null, "a")));
		assertThat(occurrences).extracting(DutyView.Occurrence::state)
			.containsExactly(State.ON_TIME, State.LATE, State.MISSING, State.MISSING, State.MISSING, State.UPCOMING);
		assertThat(occurrences.get(1).daysLate()).isEqualTo(4);
		assertThat(occurrences.get(4).daysLate()).isEqualTo(3);
	}

	@Test
	void shouldTakeAReportOnceFromTheUnitThatOwesIt() {
		UserView commune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314");
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long duty = as(commune,
				() -> duties
					.create(new DutyForm(tamThanh, tamKy, "UBND thành phố Tam Kỳ", TestData.unique("Báo cáo tháng "),
							"ngày 5 hằng tháng", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), null)));

		DutyView after = as(commune, () -> duties.submit(duty,
				new SubmissionForm(LocalDate.of(2024, 2, 5), LocalDate.of(2024, 2, 9), "Đã hoàn thành 12/19", "12")));
		assertThat(after.occurrences()).extracting(DutyView.Occurrence::state)
			.containsExactly(State.MISSING, State.LATE, State.MISSING);
		assertThatThrownBy(() -> as(commune,
				() -> duties.submit(duty, new SubmissionForm(LocalDate.of(2024, 2, 5), null, "lần hai", null))))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("planning.duty.alreadySubmitted");
		assertThatThrownBy(() -> as(commune,
				() -> duties.submit(duty, new SubmissionForm(LocalDate.of(2024, 2, 6), null, "x", null))))
			.hasMessage("planning.duty.noSuchOccurrence");
		assertThatThrownBy(() -> as(other, () -> duties.duty(duty))).isInstanceOf(AccessRefused.class);
	}

}
