package vn.ntm.planning;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ntm.planning.Deadline.Kind;
import vn.ntm.planning.Deadline.Recurrence;
import vn.ntm.shared.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every deadline form of the seed plans, and the dates it means.
 */
class DeadlineTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			trước 15/3/2024                                  | DATE         | -          | 2024-03-15
			Hoàn thành trước 15/3/2024.                      | DATE         | -          | 2024-03-15
			trước ngày 30/11/2024                            | DATE         | -          | 2024-11-30
			chậm nhất ngày 28/02/2024                        | DATE         | -          | 2024-02-28
			hạn 29/2/2024                                    | DATE         | -          | 2024-02-29
			Thực hiện trong tháng 6/2024 hoàn thành và báo cáo kết quả trước 15/7/2024 | DATE | - | 2024-07-15
			20/10/2024                                       | DATE         | -          | 2024-10-20
			ngày 25/9/2024                                   | DATE         | -          | 2024-09-25
			trong quý I/2024                                 | QUARTER      | 2024-01-01 | 2024-03-31
			thời gian xong trong quý I/2024                  | QUARTER      | 2024-01-01 | 2024-03-31
			quý II/2024                                      | QUARTER      | 2024-04-01 | 2024-06-30
			xong trong quý III/2024                          | QUARTER      | 2024-07-01 | 2024-09-30
			quý 4/2024                                       | QUARTER      | 2024-10-01 | 2024-12-31
			trong quý 4/2024                                 | QUARTER      | 2024-10-01 | 2024-12-31
			quý IV năm 2024                                  | QUARTER      | 2024-10-01 | 2024-12-31
			trong quý 4 năm 2024                             | QUARTER      | 2024-10-01 | 2024-12-31
			Quý 1 / 2025                                     | QUARTER      | 2025-01-01 | 2025-03-31
			tháng 10/2024                                    | MONTH        | 2024-10-01 | 2024-10-31
			dự kiến xong trong tháng 10/2024                 | MONTH        | 2024-10-01 | 2024-10-31
			trong tháng 7 /2024                              | MONTH        | 2024-07-01 | 2024-07-31
			thời gian xong trong tháng 8/ 2024               | MONTH        | 2024-08-01 | 2024-08-31
			tháng 2/2024                                     | MONTH        | 2024-02-01 | 2024-02-29
			tháng 2/2025                                     | MONTH        | 2025-02-01 | 2025-02-28
			tháng 9 năm 2024                                 | MONTH        | 2024-09-01 | 2024-09-30
			Thực hiện và hoàn thành vào tháng 10/2024.       | MONTH        | 2024-10-01 | 2024-10-31
			trước tháng 6/2025                               | BEFORE_MONTH | -          | 2025-05-31
			thời gian xong trước tháng 04/ 2024              | BEFORE_MONTH | -          | 2024-03-31
			trước tháng 8/ 2024                              | BEFORE_MONTH | -          | 2024-07-31
			trước tháng 9 năm 2024                           | BEFORE_MONTH | -          | 2024-08-31
			trước tháng 1/2025                               | BEFORE_MONTH | -          | 2024-12-31
			hoàn thành trước 11/2024                         | BEFORE_MONTH | -          | 2024-10-31
			trước tháng 3/2024                               | BEFORE_MONTH | -          | 2024-02-29
			xong trong năm 2024                              | YEAR         | 2024-01-01 | 2024-12-31
			năm 2025                                         | YEAR         | 2025-01-01 | 2025-12-31
			cuối năm 2025                                    | YEAR         | 2025-01-01 | 2025-12-31
			6 tháng đầu năm 2024                             | HALF_YEAR    | 2024-01-01 | 2024-06-30
			6 tháng cuối năm 2024                            | HALF_YEAR    | 2024-07-01 | 2024-12-31
			giai đoạn 2022-2025                              | PERIOD       | 2022-01-01 | 2025-12-31
			giai đoạn 2021 – 2025                            | PERIOD       | 2021-01-01 | 2025-12-31
			giai đoạn 21-25                                  | PERIOD       | 2021-01-01 | 2025-12-31
			từ tháng 03/2024 đến hết tháng 10/2024           | RANGE        | 2024-03-01 | 2024-10-31
			từ ngày 01/7/2023 đến ngày 30/6/2024             | RANGE        | 2023-07-01 | 2024-06-30
			""")
	void shouldReadTheFormsPlansUse(String text, Kind kind, LocalDate start, LocalDate due) {
		Deadline deadline = Deadline.parse(text);

		assertThat(deadline.kind()).isEqualTo(kind);
		assertThat(deadline.start()).isEqualTo(start);
		assertThat(deadline.due()).isEqualTo(due);
		assertThat(deadline.text()).isEqualTo(text.strip());
		assertThat(deadline.isRecurring()).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			hằng tháng                                | MONTHLY     | -
			hàng tháng                                | MONTHLY     | -
			định kỳ hằng tháng báo cáo UBND thành phố | MONTHLY     | -
			định kỳ ngày 22 hằng tháng                | MONTHLY     | 22
			vào ngày 22 hàng tháng                    | MONTHLY     | 22
			ngày 5 hằng tháng                         | MONTHLY     | 5
			Hằng tuần                                 | WEEKLY      | -
			hằng quý                                  | QUARTERLY   | -
			6 tháng một lần                           | HALF_YEARLY | -
			hằng năm                                  | YEARLY      | -
			""")
	void shouldReadRecurringDeadlines(String text, Recurrence recurrence, Integer day) {
		Deadline deadline = Deadline.parse(text);

		assertThat(deadline.kind()).isEqualTo(Kind.RECURRING);
		assertThat(deadline.recurrence()).isEqualTo(recurrence);
		assertThat(deadline.dayOfMonth()).isEqualTo(day);
		assertThat(deadline.due()).isNull();
	}

	@Test
	void shouldComputeTheNextOccurrencesOfTheTwentySecond() {
		Deadline review = Deadline.parse("định kỳ ngày 22 hằng tháng");

		assertThat(review.nextDue(LocalDate.of(2024, 3, 1))).contains(LocalDate.of(2024, 3, 22));
		assertThat(review.nextDue(LocalDate.of(2024, 3, 22))).contains(LocalDate.of(2024, 3, 22));
		assertThat(review.nextDue(LocalDate.of(2024, 3, 23))).contains(LocalDate.of(2024, 4, 22));
		assertThat(review.nextDue(LocalDate.of(2024, 12, 23))).contains(LocalDate.of(2025, 1, 22));
		assertThat(review.occurrences(LocalDate.of(2024, 2, 22), LocalDate.of(2024, 12, 31))).hasSize(11)
			.startsWith(LocalDate.of(2024, 2, 22))
			.endsWith(LocalDate.of(2024, 12, 22));
	}

	@Test
	void shouldFallOnTheLastDayOfShortMonths() {
		Deadline thirtyFirst = Deadline.parse("ngày 31 hằng tháng");
		Deadline monthly = Deadline.parse("hằng tháng");

		assertThat(thirtyFirst.nextDue(LocalDate.of(2024, 2, 1))).contains(LocalDate.of(2024, 2, 29));
		assertThat(thirtyFirst.nextDue(LocalDate.of(2025, 4, 1))).contains(LocalDate.of(2025, 4, 30));
		assertThat(monthly.nextDue(LocalDate.of(2025, 2, 10))).contains(LocalDate.of(2025, 2, 28));
		assertThat(monthly.occurrences(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))).hasSize(12);
	}

	@Test
	void shouldComputeQuarterlyHalfYearlyYearlyAndWeekly() {
		assertThat(Deadline.parse("hằng quý").nextDue(LocalDate.of(2024, 5, 5))).contains(LocalDate.of(2024, 6, 30));
		assertThat(Deadline.parse("hằng quý").occurrences(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
			.containsExactly(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 6, 30), LocalDate.of(2024, 9, 30),
					LocalDate.of(2024, 12, 31));
		assertThat(Deadline.parse("6 tháng một lần").nextDue(LocalDate.of(2024, 7, 1)))
			.contains(LocalDate.of(2024, 12, 31));
		assertThat(Deadline.parse("hằng năm").nextDue(LocalDate.of(2024, 7, 1))).contains(LocalDate.of(2024, 12, 31));
		// weekly reports are due on Fridays
		assertThat(Deadline.parse("hằng tuần").nextDue(LocalDate.of(2024, 3, 4))).contains(LocalDate.of(2024, 3, 8));
	}

	@Test
	void shouldUseThePlanYearWhenTheTextHasNone() {
		assertThat(Deadline.parse("quý IV", 2024).due()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(Deadline.parse("trong tháng 5", 2024).due()).isEqualTo(LocalDate.of(2024, 5, 31));
		assertThat(Deadline.parse("trước tháng 6", 2025).due()).isEqualTo(LocalDate.of(2025, 5, 31));
		assertThat(Deadline.parse("trước ngày 15/3", 2024).due()).isEqualTo(LocalDate.of(2024, 3, 15));
		assertThatThrownBy(() -> Deadline.parse("quý IV")).isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void shouldKnowWhatIsOverdueAndWhatComesNext() {
		Deadline march = Deadline.parse("trước 15/3/2024");

		assertThat(march.isOverdueOn(LocalDate.of(2024, 3, 15))).isFalse();
		assertThat(march.isOverdueOn(LocalDate.of(2024, 3, 16))).isTrue();
		assertThat(march.nextDue(LocalDate.of(2024, 3, 16))).isEmpty();
		assertThat(march.occurrences(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
			.containsExactly(LocalDate.of(2024, 3, 15));
		assertThat(Deadline.parse("thường xuyên").isOverdueOn(LocalDate.of(2030, 1, 1))).isFalse();
		assertThat(Deadline.parse("hằng tháng").isOverdueOn(LocalDate.of(2030, 1, 1))).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			sớm nhất có thể               | planning.deadline.unreadable
			khi có kinh phí               | planning.deadline.unreadable
			tháng 13/2024                 | planning.deadline.invalid
			trước 31/2/2024               | planning.deadline.invalid
			32/1/2024                     | planning.deadline.invalid
			ngày 40 hằng tháng            | planning.deadline.invalid
			giai đoạn 2025-2021           | planning.deadline.reversed
			từ tháng 10/2024 đến tháng 3/2024 | planning.deadline.reversed
			""")
	void shouldRefuseWhatItCannotRead(String text, String key) {
		assertThatThrownBy(() -> Deadline.parse(text)).isInstanceOf(BusinessRuleException.class)
			.hasMessage(key)
			.satisfies(ex -> assertThat(((BusinessRuleException) ex).arguments()).containsExactly(text.strip()));
	}

	@Test
	void shouldRefuseAnEmptyText() {
		assertThatThrownBy(() -> Deadline.parse("  ")).hasMessage("planning.deadline.empty");
	}

	/**
	 * A seeded property loop (no jqwik): every day, month and quarter written in the
	 * forms of the plans reads back as the dates it names.
	 */
	@Test
	void shouldReadEveryDayMonthAndQuarterBack() {
		Random random = new Random(20240322L);
		for (int i = 0; i < 2_000; i++) {
			LocalDate day = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(365 * 40));
			String dd = random.nextBoolean() ? String.format("%02d", day.getDayOfMonth())
					: String.valueOf(day.getDayOfMonth());
			String mm = random.nextBoolean() ? String.format("%02d", day.getMonthValue())
					: String.valueOf(day.getMonthValue());
			assertThat(Deadline.parse("trước " + dd + "/" + mm + "/" + day.getYear()).due()).isEqualTo(day);
			assertThat(Deadline.parse("Hoàn thành trước ngày " + dd + " / " + mm + " / " + day.getYear()).due())
				.isEqualTo(day);

			Deadline month = Deadline.parse("trong tháng " + mm + "/" + day.getYear());
			assertThat(month.start()).isEqualTo(day.withDayOfMonth(1));
			assertThat(month.due()).isEqualTo(day.withDayOfMonth(day.lengthOfMonth()));
			assertThat(month.due()).isAfterOrEqualTo(day);
			assertThat(month.start()).isBeforeOrEqualTo(day);

			assertThat(Deadline.parse("trước tháng " + mm + "/" + day.getYear()).due())
				.isEqualTo(day.withDayOfMonth(1).minusDays(1));

			int q = (day.getMonthValue() - 1) / 3 + 1;
			String roman = new String[] { "I", "II", "III", "IV" }[q - 1];
			Deadline quarter = Deadline
				.parse((random.nextBoolean() ? "trong quý " + roman : "quý " + q) + "/" + day.getYear());
			assertThat(quarter.start()).isBeforeOrEqualTo(day);
			assertThat(quarter.due()).isAfterOrEqualTo(day);
			assertThat(quarter.start().plusMonths(3).minusDays(1)).isEqualTo(quarter.due());

			int dom = 1 + random.nextInt(31);
			LocalDate next = Deadline.parse("định kỳ ngày " + dom + " hằng tháng").nextDue(day).orElseThrow();
			assertThat(next).isAfterOrEqualTo(day).isBefore(day.plusMonths(1).plusDays(1));
			assertThat(next.getDayOfMonth()).isEqualTo(Math.min(dom, next.lengthOfMonth()));
		}
	}

}
