package vn.ntm.shared;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact amounts in đồng, read and shown Vietnamese-style; shares rounded once at display.
 */
class MoneyTests {

	@Test
	void seedAmountsReadAndShowExactly() {
		Money central = Money.of("597,443", MoneyUnit.TY);
		Money province = Money.of("710,165", MoneyUnit.TY);
		assertThat(central.plus(province)).isEqualTo(Money.of("1.307,608", MoneyUnit.TY));
		assertThat(central.plus(province).format(MoneyUnit.TY)).isEqualTo("1.307,608 tỷ đồng");
		assertThat(central.dong()).isEqualByComparingTo("597443000000");
		assertThat(Money.of("8.321,7", MoneyUnit.TRIEU).format(MoneyUnit.TRIEU)).isEqualTo("8.321,7 triệu đồng");
		assertThat(Money.of("1.714,0", MoneyUnit.TRIEU).figure(MoneyUnit.TRIEU)).isEqualTo("1.714");
		assertThat(Money.of("8.321,7", MoneyUnit.TRIEU).format(MoneyUnit.TY, Locale.ENGLISH))
			.isEqualTo("8,3217 billion dong");
	}

	@Test
	void parsesAmountsWithTheirUnit() {
		assertThat(Money.parse("8.321,7 tr.đồng")).contains(Money.of("8321,7", MoneyUnit.TRIEU));
		assertThat(Money.parse("1.307,608 tỷ đồng")).contains(Money.of("1307,608", MoneyUnit.TY));
		assertThat(Money.parse("240 triệu đồng")).contains(Money.ofDong(240_000_000));
		assertThat(Money.parse("1.500.000")).contains(Money.ofDong(1_500_000));
		assertThat(Money.parse("1,5 tỷ")).contains(Money.ofDong(1_500_000_000));
		assertThat(Money.parse("12abc")).isEmpty();
		assertThat(Money.parse("1.30,5 tỷ")).isEmpty();
		assertThat(Money.parse("3 đô")).isEmpty();
	}

	@Test
	void equalityIgnoresScale() {
		assertThat(new Money(new BigDecimal("100.00"))).isEqualTo(Money.ofDong(100));
		assertThat(new Money(new BigDecimal("1E+3"))).isEqualTo(Money.ofDong(1000));
	}

	@Test
	void sharesAreRoundedOnceWhenShown() {
		Money total = Money.of("8.321,7", MoneyUnit.TRIEU);
		Share dtts = Share.of(Money.of("3.494,3", MoneyUnit.TRIEU), total);
		assertThat(dtts.format(2)).isEqualTo("41,99%");
		assertThat(dtts.format(1)).isEqualTo("42,0%");
		// half-up, and a share of nothing has no percentage
		assertThat(Share.of(Money.ofDong(1), Money.ofDong(8)).format(1)).isEqualTo("12,5%");
		assertThat(Share.of(Money.ofDong(1), Money.ofDong(16)).format(1)).isEqualTo("6,3%");
		assertThat(Share.of(Money.ofDong(1), Money.ZERO).format(1)).isEqualTo("—");
		assertThat(Share.of(Money.ofDong(49), Money.ofDong(100)).isBelow(BigDecimal.valueOf(50))).isTrue();
		assertThat(Share.of(Money.ofDong(50), Money.ofDong(100)).isBelow(BigDecimal.valueOf(50))).isFalse();
	}

	/** A seeded property loop: summing parts never loses a đồng, whatever the unit. */
	@Test
	void sumsAreExactForAnyAmounts() {
		Random random = new Random(20261206L);
		for (int i = 0; i < 2_000; i++) {
			long a = random.nextLong(1, 10_000_000_000_000L);
			long b = random.nextLong(1, 10_000_000_000_000L);
			Money sum = Money.ofDong(a).plus(Money.ofDong(b));
			assertThat(sum.dong()).isEqualByComparingTo(BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)));
			for (MoneyUnit unit : MoneyUnit.values()) {
				assertThat(Money.parse(sum.format(unit))).contains(sum);
			}
		}
	}

}
