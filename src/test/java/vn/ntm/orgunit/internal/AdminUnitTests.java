package vn.ntm.orgunit.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import vn.ntm.orgunit.UnitType;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminUnitTests {

	static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);

	static AdminUnit village() {
		return AdminUnit.create(new UnitAttributes(null, "Mai Hạ", UnitType.THON, 10L, null), Period.ALWAYS, NOW, "t");
	}

	@Test
	void shouldEndTheOldVersionTheDayBeforeAChange() {
		AdminUnit unit = village();
		unit.changeFrom(JULY_1, unit.latest().attributes().withName("Mai Thượng"), "t", NOW);
		assertThat(unit.history()).hasSize(2);
		assertThat(unit.history().get(0).validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(unit.latest().validFrom()).isEqualTo(JULY_1);
		assertThat(unit.latest().name()).isEqualTo("Mai Thượng");
		assertThat(unit.versionAt(LocalDate.of(2025, 6, 30)).orElseThrow().name()).isEqualTo("Mai Hạ");
	}

	@Test
	void shouldRefuseAChangeThatChangesNothing() {
		AdminUnit unit = village();
		assertThatThrownBy(() -> unit.changeFrom(JULY_1, unit.latest().attributes(), "t", NOW))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("unit.change.nothing");
	}

	@Test
	void shouldRefuseToRewriteHistoryBeforeTheLatestVersion() {
		AdminUnit unit = village();
		unit.changeFrom(JULY_1, unit.latest().attributes().withName("Mai Thượng"), "t", NOW);
		assertThatThrownBy(
				() -> unit.changeFrom(LocalDate.of(2025, 1, 1), unit.latest().attributes().withName("Khác"), "t", NOW))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("unit.change.notAfterStart");
	}

	@Test
	void shouldEndAUnitOnlyOnce() {
		AdminUnit unit = village();
		unit.endBefore(JULY_1, "t", NOW);
		assertThat(unit.hasEnded()).isTrue();
		assertThat(unit.lifetime()).isEqualTo(new Period(null, LocalDate.of(2025, 6, 30)));
		assertThatThrownBy(() -> unit.endBefore(LocalDate.of(2026, 1, 1), "t", NOW))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("unit.alreadyEnded");
	}

	@Test
	void shouldNotHoldTwoValuesOfASingleValuedSchemeAtOnce() {
		AdminUnit unit = village();
		unit.classify(new UnitClassification(null, "NHOM_XA", "NHOM_1", null, LocalDate.of(2026, 2, 14), null, null),
				false, "t", NOW);
		unit.classify(new UnitClassification(null, "NHOM_XA", "NHOM_2", LocalDate.of(2026, 2, 15), null, null, null),
				false, "t", NOW);
		assertThatThrownBy(() -> unit.classify(
				new UnitClassification(null, "NHOM_XA", "NHOM_3", LocalDate.of(2026, 3, 1), null, null, null), false,
				"t", NOW))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("classification.overlap");
	}

	@Test
	void shouldAllowSeveralValuesOfAMultiValuedScheme() {
		AdminUnit unit = village();
		unit.classify(new UnitClassification(null, "DBKK", "DBKK", null, null, null, null), true, "t", NOW);
		unit.classify(new UnitClassification(null, "DBKK", "ATK", null, null, null, null), true, "t", NOW);
		assertThat(unit.classifications).hasSize(2);
	}

	@Test
	void shouldRequireCodesForProvincesDistrictsAndCommunes() {
		assertThatThrownBy(() -> new UnitAttributes(null, "Tam Thanh", UnitType.XA, 1L, null))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("unit.code.required");
		assertThat(new UnitAttributes(null, "  Mai   Hạ ", UnitType.THON, 1L, null).name()).isEqualTo("Mai Hạ");
	}

}
