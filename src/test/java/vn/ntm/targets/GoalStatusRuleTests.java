package vn.ntm.targets;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status rule of a goal at a date, each branch with its reasons; and the count and
 * share of a title goal checked against its base.
 */
class GoalStatusRuleTests {

	static final LocalDate DUE = LocalDate.of(2025, 12, 31);

	static BigDecimal n(int value) {
		return BigDecimal.valueOf(value);
	}

	@Test
	void achievedWhenTheValueMeetsTheTargetAtTheDate() {
		var j = GoalStatusRule.judge(LocalDate.of(2024, 12, 31), DUE, GoalDirection.AT_LEAST, n(154), n(160), null);
		assertThat(j.status()).isEqualTo(GoalStatus.ACHIEVED);
		assertThat(j.reasons()).extracting(GoalReason::key).contains("targets.reason.met");
		assertThat(j.daysLeft()).isEqualTo(365);
	}

	@Test
	void atMostGoalsAreAchievedAtZero() {
		var j = GoalStatusRule.judge(LocalDate.of(2024, 12, 31), DUE, GoalDirection.AT_MOST, n(0), n(0), null);
		assertThat(j.status()).isEqualTo(GoalStatus.ACHIEVED);
		var k = GoalStatusRule.judge(LocalDate.of(2024, 12, 31), DUE, GoalDirection.AT_MOST, n(0), n(3), null);
		assertThat(k.status()).isEqualTo(GoalStatus.ON_TRACK);
		assertThat(k.reasons().get(0).args()).containsExactly("3", "0", "31/12/2025");
	}

	@Test
	void offTrackWhenTheDatePassedUnmet() {
		var j = GoalStatusRule.judge(LocalDate.of(2026, 12, 7), DUE, GoalDirection.AT_LEAST, n(154), n(120), n(200));
		assertThat(j.status()).isEqualTo(GoalStatus.OFF_TRACK);
		assertThat(j.reasons()).anySatisfy(r -> {
			assertThat(r.key()).isEqualTo("targets.reason.overdue");
			assertThat(r.args()).containsExactly("341", "34");
		});
	}

	@Test
	void offTrackWhenNearAndEvenThePlannedUnitsFallShort() {
		var j = GoalStatusRule.judge(LocalDate.of(2025, 11, 1), DUE, GoalDirection.AT_LEAST, n(154), n(120), n(150));
		assertThat(j.status()).isEqualTo(GoalStatus.OFF_TRACK);
		assertThat(j.reasons()).extracting(GoalReason::key).contains("targets.reason.projectionShort");
	}

	@Test
	void atRiskWhenReachingItNeedsUnitsNotYetPlanned() {
		var j = GoalStatusRule.judge(LocalDate.of(2024, 12, 31), DUE, GoalDirection.AT_LEAST, n(154), n(120), n(150));
		assertThat(j.status()).isEqualTo(GoalStatus.AT_RISK);
		assertThat(j.reasons()).anySatisfy(r -> {
			assertThat(r.key()).isEqualTo("targets.reason.projectionShort");
			assertThat(r.args()).containsExactly("150", "4");
		});
	}

	@Test
	void atRiskWhenTheDeadlineIsNearEvenIfPlanned() {
		var j = GoalStatusRule.judge(DUE.minusDays(GoalStatusRule.NEAR_DAYS), DUE, GoalDirection.AT_LEAST, n(154),
				n(150), n(160));
		assertThat(j.status()).isEqualTo(GoalStatus.AT_RISK);
		assertThat(j.reasons()).extracting(GoalReason::key)
			.contains("targets.reason.projectionMeets", "targets.reason.near");
		var noPlan = GoalStatusRule.judge(DUE.minusDays(10), DUE, GoalDirection.AT_LEAST, n(400), n(300), null);
		assertThat(noPlan.status()).isEqualTo(GoalStatus.AT_RISK);
	}

	@Test
	void onTrackWhenThePlannedUnitsReachItWithTimeLeft() {
		var j = GoalStatusRule.judge(DUE.minusDays(GoalStatusRule.NEAR_DAYS + 1), DUE, GoalDirection.AT_LEAST, n(154),
				n(150), n(154));
		assertThat(j.status()).isEqualTo(GoalStatus.ON_TRACK);
		var registry = GoalStatusRule.judge(LocalDate.of(2024, 12, 31), DUE, GoalDirection.AT_LEAST, n(400), n(10),
				null);
		assertThat(registry.status()).isEqualTo(GoalStatus.ON_TRACK);
		assertThat(registry.reasons()).extracting(GoalReason::key).contains("targets.reason.noProjection");
	}

	@Test
	void aCountAndShareThatDisagreeForTheirBaseAreFlagged() {
		var quangNam = new GoalMeasure.TitleHolders("XA_NTM", null, 3, null, n(154), n(80), 193);
		assertThat(quangNam.required(193)).isEqualByComparingTo("155");
		assertThat(quangNam.flags(193)).singleElement().satisfies(f -> {
			assertThat(f.key()).isEqualTo("targets.flag.countShare");
			assertThat(f.args()).containsExactly("154", "193", "79,79", "80", "155");
		});
		var consistent = new GoalMeasure.TitleHolders("XA_NTM", null, 3, null, n(155), n(80), 193);
		assertThat(consistent.flags(193)).isEmpty();
		assertThat(consistent.flags(190)).extracting(GoalReason::key).containsExactly("targets.flag.base");
		var shareOnly = new GoalMeasure.TitleHolders("THON_NTM_KIEU_MAU", null, 4, null, null, n(60), null);
		assertThat(shareOnly.required(7)).isEqualByComparingTo("5");
		assertThat(shareOnly.flags(7)).isEmpty();
	}

	@Test
	void aFormMissingItsTitleIsRefusedNamingTheField() {
		var form = new GoalForm("TITLE_HOLDERS", "x", " ", null, 3, null, n(1), null, null, null, null, null, null, DUE,
				false, null, null, null, null);
		org.assertj.core.api.Assertions.assertThatThrownBy(form::toMeasure)
			.isInstanceOfSatisfying(vn.ntm.shared.BusinessRuleException.class,
					ex -> assertThat(ex.arguments()).containsExactly("targets.goal.field.titleCode"));
	}

}
