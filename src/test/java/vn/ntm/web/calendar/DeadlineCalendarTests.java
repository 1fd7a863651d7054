package vn.ntm.web.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import vn.ntm.shared.work.CalendarEntry;
import vn.ntm.shared.work.CalendarSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calendar's rules without a database: the state of an entry on a day, the entries of
 * every source merged in order and filtered by kind, the month as weeks from Monday, and
 * the month parameter.
 */
class DeadlineCalendarTests {

	static final LocalDate TODAY = LocalDate.of(2024, 10, 18);

	static CalendarEntry entry(String kind, String title, LocalDate due, boolean done) {
		return new CalendarEntry(kind, title, null, null, due, done, title + "@test");
	}

	@Test
	void shouldMarkOverdueDueSoonOpenAndDone() {
		assertThat(DeadlineCalendar.State.of(entry("k", "a", TODAY.minusDays(1), false), TODAY))
			.isEqualTo(DeadlineCalendar.State.OVERDUE);
		assertThat(DeadlineCalendar.State.of(entry("k", "b", TODAY, false), TODAY))
			.isEqualTo(DeadlineCalendar.State.DUE_SOON);
		assertThat(DeadlineCalendar.State.of(entry("k", "c", TODAY.plusDays(7), false), TODAY))
			.isEqualTo(DeadlineCalendar.State.DUE_SOON);
		assertThat(DeadlineCalendar.State.of(entry("k", "d", TODAY.plusDays(8), false), TODAY))
			.isEqualTo(DeadlineCalendar.State.OPEN);
		assertThat(DeadlineCalendar.State.of(entry("k", "e", TODAY.minusDays(30), true), TODAY))
			.isEqualTo(DeadlineCalendar.State.DONE);
	}

	@Test
	void shouldMergeEverySourceByDayAndFilterByKind() {
		CalendarSource tasks = (from, to) -> List.of(
				entry("calendar.kind.task", "Nộp báo cáo", LocalDate.of(2024, 10, 30), false),
				entry("calendar.kind.task", "Ngoài tháng", LocalDate.of(2024, 11, 2), false));
		CalendarSource dossiers = (from, to) -> List
			.of(entry("calendar.kind.dossier", "Xã Đại Chánh: huyện thẩm tra", LocalDate.of(2024, 10, 15), false));
		DeadlineCalendar calendar = new DeadlineCalendar(List.of(tasks, dossiers));
		List<DeadlineCalendar.Line> lines = calendar.lines(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 31), null,
				TODAY);
		assertThat(lines).extracting(l -> l.entry().title())
			.containsExactly("Xã Đại Chánh: huyện thẩm tra", "Nộp báo cáo");
		assertThat(lines).extracting(DeadlineCalendar.Line::state)
			.containsExactly(DeadlineCalendar.State.OVERDUE, DeadlineCalendar.State.OPEN);
		assertThat(DeadlineCalendar.kinds(lines)).containsExactly("calendar.kind.dossier", "calendar.kind.task");
		assertThat(calendar.lines(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 31), "calendar.kind.task", TODAY))
			.extracting(l -> l.entry().title())
			.containsExactly("Nộp báo cáo");
	}

	@Test
	void shouldLayTheMonthOutInWeeksFromMonday() {
		List<DeadlineCalendar.Line> lines = List.of(new DeadlineCalendar.Line(
				entry("k", "Hạn", LocalDate.of(2024, 10, 30), false), DeadlineCalendar.State.OPEN));
		List<List<DeadlineCalendar.Day>> weeks = DeadlineCalendar.weeks(YearMonth.of(2024, 10), lines, TODAY);
		// 1/10/2024 is a Tuesday: the first week starts on Monday 30/9
		assertThat(weeks).hasSize(5).allSatisfy(w -> assertThat(w).hasSize(7));
		assertThat(weeks.get(0).get(0).text()).isEqualTo("30/09/2024");
		assertThat(weeks.get(0).get(0).inMonth()).isFalse();
		assertThat(weeks.get(4).get(6).text()).isEqualTo("03/11/2024");
		assertThat(weeks.get(2).get(4).today()).isTrue();
		assertThat(weeks.get(4).get(2).lines()).hasSize(1);
	}

	@Test
	void shouldReadTheMonthParameterOrRefuseIt() {
		assertThat(CalendarController.month("10/2024")).isEqualTo(YearMonth.of(2024, 10));
		assertThat(CalendarController.month("3/2025")).isEqualTo(YearMonth.of(2025, 3));
		assertThat(CalendarController.month("2024-10")).isEqualTo(YearMonth.of(2024, 10));
		assertThatThrownBy(() -> CalendarController.month("13/2024")).hasMessageContaining("calendar.month.invalid");
	}

}
