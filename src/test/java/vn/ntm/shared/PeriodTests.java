package vn.ntm.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTests {

	static final LocalDate JUNE_30 = LocalDate.of(2025, 6, 30);

	static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);

	@Test
	void shouldIncludeBothEnds() {
		Period period = new Period(LocalDate.of(2025, 1, 1), JUNE_30);
		assertThat(period.contains(JUNE_30)).isTrue();
		assertThat(period.contains(LocalDate.of(2025, 1, 1))).isTrue();
		assertThat(period.contains(JULY_1)).isFalse();
	}

	@Test
	void shouldTreatMissingEndsAsOpen() {
		assertThat(new Period(null, JUNE_30).contains(LocalDate.of(1990, 1, 1))).isTrue();
		assertThat(Period.from(JULY_1).contains(LocalDate.of(2100, 1, 1))).isTrue();
		assertThat(Period.ALWAYS.overlaps(new Period(JULY_1, JULY_1))).isTrue();
	}

	@Test
	void shouldNotOverlapWhenOneEndsTheDayBeforeTheOtherStarts() {
		assertThat(new Period(null, JUNE_30).overlaps(Period.from(JULY_1))).isFalse();
		assertThat(new Period(null, JULY_1).overlaps(Period.from(JULY_1))).isTrue();
		assertThat(Period.from(JULY_1).endingBefore(JULY_1.plusDays(10)))
			.isEqualTo(new Period(JULY_1, LocalDate.of(2025, 7, 10)));
	}

	@Test
	void shouldRejectAnEndBeforeTheStart() {
		assertThatThrownBy(() -> new Period(JULY_1, JUNE_30)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("error.period.reversed");
	}

}
