package vn.ntm.shared;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VnFormatTests {

	@Test
	void shouldWriteNumbersTheVietnameseWay() {
		assertThat(VnFormat.number(new BigDecimal("1307.608"))).isEqualTo("1.307,608");
		assertThat(VnFormat.number(new BigDecimal("8321.7"))).isEqualTo("8.321,7");
		assertThat(VnFormat.number(10599)).isEqualTo("10.599");
		assertThat(VnFormat.fixed(new BigDecimal("99.97"), 2)).isEqualTo("99,97");
		assertThat(VnFormat.number(new BigDecimal("-1234.5"))).isEqualTo("-1.234,5");
	}

	@Test
	void shouldWriteAndReadDatesAsDayMonthYear() {
		assertThat(VnFormat.date(LocalDate.of(2025, 7, 1))).isEqualTo("01/07/2025");
		assertThat(VnFormat.parseDate("30/6/2025")).contains(LocalDate.of(2025, 6, 30));
		assertThat(VnFormat.parseDate("30/06/2025")).contains(LocalDate.of(2025, 6, 30));
		assertThat(VnFormat.parseDate("2025-06-30")).contains(LocalDate.of(2025, 6, 30));
		assertThat(VnFormat.parseDate("31/02/2025")).isEmpty();
		assertThat(VnFormat.parseDate("tháng 6")).isEmpty();
	}

}
