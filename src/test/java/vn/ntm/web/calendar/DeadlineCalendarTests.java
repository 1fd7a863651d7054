package vn.ntm.web.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import vn.ntm.shared.work.CalendarEntry;
import vn.ntm.shared.work.CalendarSource;
import vn.ntm.support.ICalendarFeeds;
import vn.ntm.support.ICalendarFeeds.Event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calendar's rules without a database: the state of an entry on a day, the entries of
 * every source merged in order and filtered by kind, the month as weeks from Monday, and
 * the month parameter; the iCalendar feed written (ical4j) and read back.
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

	@Test
	void shouldWriteTheFeedWithIcal4jEscapedFoldedAndValid() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("calendar.feed.name", new Locale("vi"), "NTM Monitor — Lịch hạn");
		messages.addMessage("calendar.kind.task", new Locale("vi"), "Nhiệm vụ kế hoạch");
		messages.addMessage("calendar.state.DONE", new Locale("vi"), "Đã xong");
		messages.addMessage("calendar.state.OPEN", new Locale("vi"), "Còn hạn");
		String longTitle = "Nghiệm thu, bàn giao công trình đường giao thông nông thôn; xã Tam Thăng\\đợt 1 ".repeat(3);
		List<DeadlineCalendar.Line> lines = List.of(
				new DeadlineCalendar.Line(new CalendarEntry("calendar.kind.task", longTitle, "Kế hoạch 2024\nDòng 2",
						"/tasks/7", LocalDate.of(2024, 10, 30), false, "task-7@ntm-monitor"),
						DeadlineCalendar.State.OPEN),
				new DeadlineCalendar.Line(entry("calendar.kind.task", "Đã nộp", LocalDate.of(2024, 10, 1), true),
						DeadlineCalendar.State.DONE));
		String ics = CalendarFeed.write(lines, "https://ntm.example", Instant.parse("2024-10-18T01:02:03Z"), messages,
				new Locale("vi"));

		// folded at 75 octets, never inside a character, and valid for ical4j
		assertThat(ics).contains("\r\n ").contains("DTSTAMP:20241018T010203Z\r\n");
		// (ical4j's parser drops the title's last space; the feed keeps it)
		Calendar calendar = ICalendarFeeds.parse(ics);
		assertThat(ICalendarFeeds.name(calendar)).isEqualTo("NTM Monitor — Lịch hạn");
		assertThat(ICalendarFeeds.events(calendar)).containsExactly(
				new Event("task-7@ntm-monitor", longTitle.strip(), LocalDate.of(2024, 10, 30),
						LocalDate.of(2024, 10, 31), "Nhiệm vụ kế hoạch — Còn hạn\nKế hoạch 2024\nDòng 2",
						List.of("Nhiệm vụ kế hoạch"), "https://ntm.example/tasks/7", null),
				new Event("Đã nộp@test", "✓ Đã nộp", LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 2),
						"Nhiệm vụ kế hoạch — Đã xong", List.of("Nhiệm vụ kế hoạch"), null, null));
		// texts escaped as RFC 5545 says
		assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:Nghiệm thu\\, bàn giao",
				"nông thôn\\; xã Tam Thăng\\\\đợt 1");
	}

}
