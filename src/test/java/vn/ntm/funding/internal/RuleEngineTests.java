package vn.ntm.funding.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.ntm.funding.FundingAlert;
import vn.ntm.funding.FundingRule;
import vn.ntm.funding.RuleSetting;
import vn.ntm.shared.Money;
import vn.ntm.shared.MoneyUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of seed 001 at its date boundaries: what happened on the deadline counts, the
 * alert shows from the day after, dated the deadline.
 */
class RuleEngineTests {

	final Map<FundingRule, RuleSetting> overrides = new HashMap<>();

	final RuleEngine engine = new RuleEngine((rule, unit, year) -> overrides.getOrDefault(rule, rule.defaults()),
			(code, locale) -> code);

	static LocalDate d(int y, int m, int day) {
		return LocalDate.of(y, m, day);
	}

	static Money tr(String millions) {
		return Money.of(millions, MoneyUnit.TRIEU);
	}

	static Facts.Alloc alloc(int year, String source, String level, String millions, LocalDate on) {
		return new Facts.Alloc(year, source, level, tr(millions), on);
	}

	static Facts.Pay pay(LocalDate on, int year, String source, String level, String millions) {
		return new Facts.Pay(on, year, source, level, tr(millions));
	}

	static Facts.Work work(LocalDate allocatedOn, LocalDate contractorOn, LocalDate completedOn, LocalDate settledOn,
			List<Facts.Alloc> allocs, List<Facts.Pay> pays) {
		return new Facts.Work(1, 10, "Xã Thử", "Công trình thử", allocatedOn, contractorOn, completedOn, settledOn,
				false, allocs, pays);
	}

	List<FundingRule> rules(List<Facts.Work> works, List<Facts.Tx> txs, List<Facts.Request> requests, LocalDate at) {
		return engine.alerts(works, txs, requests, at).stream().map(FundingAlert::rule).toList();
	}

	List<FundingRule> rules(Facts.Work work, LocalDate at) {
		return rules(List.of(work), List.of(), List.of(), at);
	}

	@Test
	void zeroOnThirtiethOfJune() {
		Facts.Work unpaid = work(d(2024, 1, 20), d(2024, 3, 1), null, null,
				List.of(alloc(2024, "NST", "UPPER", "500", d(2024, 1, 20))), List.of());
		assertThat(rules(unpaid, d(2024, 6, 30))).doesNotContain(FundingRule.ZERO_AT_MID_YEAR);
		assertThat(rules(unpaid, d(2024, 7, 1))).contains(FundingRule.ZERO_AT_MID_YEAR)
			.doesNotContain(FundingRule.BELOW_HALF_AT_MID_YEAR);
		FundingAlert alert = engine.alerts(List.of(unpaid), List.of(), List.of(), d(2024, 7, 1)).get(0);
		assertThat(alert.date()).isEqualTo(d(2024, 6, 30));
		assertThat(alert.args()).contains("2024", "500 triệu đồng", "30/06/2024");
		// a payment on 30/6 counts, one on 1/7 does not
		Facts.Work paidOnTheDay = work(d(2024, 1, 20), d(2024, 3, 1), null, null, unpaid.allocations(),
				List.of(pay(d(2024, 6, 30), 2024, "NST", "UPPER", "1")));
		assertThat(rules(paidOnTheDay, d(2024, 7, 1))).doesNotContain(FundingRule.ZERO_AT_MID_YEAR);
		Facts.Work paidTheDayAfter = work(d(2024, 1, 20), d(2024, 3, 1), null, null, unpaid.allocations(),
				List.of(pay(d(2024, 7, 1), 2024, "NST", "UPPER", "500")));
		assertThat(rules(paidTheDayAfter, d(2024, 7, 2))).contains(FundingRule.ZERO_AT_MID_YEAR);
		// an allocation decided after 30/6 was not the year's capital on 30/6
		Facts.Work lateAllocation = work(d(2024, 7, 5), d(2024, 7, 20), null, null,
				List.of(alloc(2024, "NST", "UPPER", "500", d(2024, 7, 5))), List.of());
		assertThat(rules(lateAllocation, d(2024, 7, 10))).doesNotContain(FundingRule.ZERO_AT_MID_YEAR);
	}

	@Test
	void halfByThirtiethOfJune() {
		List<Facts.Alloc> allocs = List.of(alloc(2024, "NSTW_DTPT", "UPPER", "1.000", d(2024, 2, 1)));
		Facts.Work below = work(d(2024, 2, 1), d(2024, 3, 1), null, null, allocs,
				List.of(pay(d(2024, 6, 30), 2024, "NSTW_DTPT", "UPPER", "499,999999")));
		assertThat(rules(below, d(2024, 6, 30))).doesNotContain(FundingRule.BELOW_HALF_AT_MID_YEAR);
		assertThat(rules(below, d(2024, 7, 1))).contains(FundingRule.BELOW_HALF_AT_MID_YEAR);
		Facts.Work half = work(d(2024, 2, 1), d(2024, 3, 1), null, null, allocs,
				List.of(pay(d(2024, 6, 30), 2024, "NSTW_DTPT", "UPPER", "500")));
		assertThat(rules(half, d(2024, 7, 1))).doesNotContain(FundingRule.BELOW_HALF_AT_MID_YEAR);
		// a province may set another bar
		overrides.put(FundingRule.BELOW_HALF_AT_MID_YEAR,
				new RuleSetting(FundingRule.BELOW_HALF_AT_MID_YEAR, true, 6, 30, new BigDecimal("60"), null, null));
		assertThat(rules(half, d(2024, 7, 1))).contains(FundingRule.BELOW_HALF_AT_MID_YEAR);
	}

	@Test
	void fullByThirtyFirstOfDecember() {
		List<Facts.Alloc> allocs = List.of(alloc(2024, "NST", "UPPER", "800", d(2024, 1, 10)));
		Facts.Work almost = work(d(2024, 1, 10), d(2024, 3, 1), null, null, allocs,
				List.of(pay(d(2024, 12, 31), 2024, "NST", "UPPER", "799")));
		assertThat(rules(almost, d(2024, 12, 31))).doesNotContain(FundingRule.BELOW_FULL_AT_YEAR_END);
		assertThat(rules(almost, d(2025, 1, 1))).contains(FundingRule.BELOW_FULL_AT_YEAR_END);
		Facts.Work full = work(d(2024, 1, 10), d(2024, 3, 1), null, null, allocs,
				List.of(pay(d(2024, 12, 31), 2024, "NST", "UPPER", "800")));
		assertThat(rules(full, d(2025, 1, 1))).doesNotContain(FundingRule.BELOW_FULL_AT_YEAR_END);
	}

	@Test
	void contractorByEndOfMarch() {
		List<Facts.Alloc> allocs = List.of(alloc(2024, "NST", "UPPER", "100", d(2024, 2, 1)));
		Facts.Work onTime = work(d(2024, 2, 1), d(2024, 3, 31), null, null, allocs, List.of());
		Facts.Work late = work(d(2024, 2, 1), d(2024, 4, 1), null, null, allocs, List.of());
		Facts.Work none = work(d(2024, 2, 1), null, null, null, allocs, List.of());
		assertThat(rules(late, d(2024, 3, 31))).doesNotContain(FundingRule.CONTRACTOR_LATE);
		assertThat(rules(late, d(2024, 4, 1))).contains(FundingRule.CONTRACTOR_LATE);
		assertThat(rules(none, d(2024, 4, 1))).contains(FundingRule.CONTRACTOR_LATE);
		assertThat(rules(onTime, d(2024, 4, 1))).doesNotContain(FundingRule.CONTRACTOR_LATE);
	}

	@Test
	void settlementWithinThreeYearsOfAllocation() {
		List<Facts.Alloc> allocs = List.of(alloc(2021, "NSTW_DTPT", "UPPER", "800", d(2021, 5, 10)),
				alloc(2021, "NSX", "LOCAL", "200", d(2021, 5, 10)));
		List<Facts.Pay> pays = List.of(pay(d(2021, 9, 1), 2021, "NSTW_DTPT", "UPPER", "600"),
				pay(d(2021, 9, 1), 2021, "NSX", "LOCAL", "100"));
		Facts.Work unsettled = work(d(2021, 5, 10), d(2021, 6, 1), d(2022, 12, 20), null, allocs, pays);
		assertThat(rules(unsettled, d(2024, 5, 10))).doesNotContain(FundingRule.SETTLEMENT_OVERDUE);
		assertThat(rules(unsettled, d(2024, 5, 11))).contains(FundingRule.SETTLEMENT_OVERDUE);
		FundingAlert alert = engine.alerts(List.of(unsettled), List.of(), List.of(), d(2024, 5, 11))
			.stream()
			.filter(a -> a.rule() == FundingRule.SETTLEMENT_OVERDUE)
			.findFirst()
			.orElseThrow();
		assertThat(alert.date()).isEqualTo(d(2024, 5, 10));
		// the upper-level part of the debt moves to the local budget: 800 − 600
		assertThat(alert.args()).contains("200 triệu đồng");
		Facts.Work settledOnTheDay = work(d(2021, 5, 10), d(2021, 6, 1), d(2022, 12, 20), d(2024, 5, 10), allocs, pays);
		assertThat(rules(settledOnTheDay, d(2024, 5, 11))).doesNotContain(FundingRule.SETTLEMENT_OVERDUE);
		// construction debt by source, and what moved to the local budget
		var debt = engine.debt(10, List.of(unsettled), d(2024, 5, 11));
		assertThat(debt.total()).isEqualTo(tr("300"));
		assertThat(debt.movedToLocal()).isEqualTo(tr("200"));
		assertThat(engine.debt(10, List.of(unsettled), d(2024, 5, 10)).movedToLocal()).isEqualTo(Money.ZERO);
		assertThat(engine.debt(10, List.of(unsettled), d(2022, 12, 19)).hasDebt()).isFalse();
		assertThat(rules(unsettled, d(2022, 12, 20))).contains(FundingRule.CONSTRUCTION_DEBT);
		assertThat(rules(unsettled, d(2022, 12, 19))).doesNotContain(FundingRule.CONSTRUCTION_DEBT);
	}

	@Test
	void upperShareNotAheadOfCounterpart() {
		List<Facts.Alloc> allocs = List.of(alloc(2024, "NST", "UPPER", "400", d(2024, 1, 25)),
				alloc(2024, "NSX", "LOCAL", "100", d(2024, 1, 25)));
		Facts.Work equal = work(d(2024, 1, 25), d(2024, 3, 1), null, null, allocs, List
			.of(pay(d(2024, 6, 10), 2024, "NST", "UPPER", "200"), pay(d(2024, 6, 10), 2024, "NSX", "LOCAL", "50")));
		assertThat(rules(equal, d(2024, 6, 10))).doesNotContain(FundingRule.COUNTERPART_BEHIND);
		Facts.Work ahead = work(d(2024, 1, 25), d(2024, 3, 1), null, null, allocs, List
			.of(pay(d(2024, 6, 10), 2024, "NST", "UPPER", "200"), pay(d(2024, 6, 11), 2024, "NSX", "LOCAL", "50")));
		assertThat(rules(ahead, d(2024, 6, 10))).contains(FundingRule.COUNTERPART_BEHIND);
		assertThat(rules(ahead, d(2024, 6, 11))).doesNotContain(FundingRule.COUNTERPART_BEHIND);
	}

	static Facts.Tx tx(int year, String source, String kind, String millions, LocalDate on, Integer fromYear,
			LocalDate deadline, String purpose) {
		return new Facts.Tx(10, "Xã Thử", 3, year, source, kind, tr(millions), on, fromYear, deadline, purpose, false);
	}

	@Test
	void capitalAssignedToWorksByTwentyEighthOfFebruary() {
		List<Facts.Tx> txs = List.of(tx(2024, "NST", "ASSIGN", "1.000", d(2024, 1, 15), null, null, null));
		Facts.Work byTheDay = work(d(2024, 2, 28), d(2024, 3, 1), null, null,
				List.of(alloc(2024, "NST", "UPPER", "1.000", d(2024, 2, 28))), List.of());
		Facts.Work dayAfter = work(d(2024, 2, 29), d(2024, 3, 1), null, null,
				List.of(alloc(2024, "NST", "UPPER", "1.000", d(2024, 2, 29))), List.of());
		assertThat(rules(List.of(byTheDay), txs, List.of(), d(2024, 2, 29)))
			.doesNotContain(FundingRule.NOT_ASSIGNED_TO_WORKS);
		assertThat(rules(List.of(dayAfter), txs, List.of(), d(2024, 2, 28)))
			.doesNotContain(FundingRule.NOT_ASSIGNED_TO_WORKS);
		assertThat(rules(List.of(dayAfter), txs, List.of(), d(2024, 2, 29)))
			.contains(FundingRule.NOT_ASSIGNED_TO_WORKS);
		// a document's forecast (PLAN) is not capital assigned
		assertThat(rules(List.of(), List.of(tx(2024, "NST", "PLAN", "1.000", null, null, null, null)), List.of(),
				d(2024, 12, 31)))
			.isEmpty();
	}

	@Test
	void carryOverByItsDeadline() {
		List<Facts.Tx> txs = List
			.of(tx(2024, "NSTW_DTPT", "CARRY_IN", "300", d(2024, 1, 10), 2023, d(2024, 8, 31), null));
		List<Facts.Alloc> allocs = List.of(alloc(2023, "NSTW_DTPT", "UPPER", "300", d(2023, 4, 1)));
		Facts.Work partly = work(d(2023, 4, 1), d(2023, 5, 1), null, null, allocs,
				List.of(pay(d(2024, 8, 31), 2023, "NSTW_DTPT", "UPPER", "299")));
		Facts.Work fully = work(d(2023, 4, 1), d(2023, 5, 1), null, null, allocs,
				List.of(pay(d(2024, 8, 31), 2023, "NSTW_DTPT", "UPPER", "300")));
		Facts.Work late = work(d(2023, 4, 1), d(2023, 5, 1), null, null, allocs,
				List.of(pay(d(2024, 9, 1), 2023, "NSTW_DTPT", "UPPER", "300")));
		assertThat(rules(List.of(partly), txs, List.of(), d(2024, 8, 31)))
			.doesNotContain(FundingRule.CARRY_OVER_NOT_DISBURSED);
		assertThat(rules(List.of(partly), txs, List.of(), d(2024, 9, 1)))
			.contains(FundingRule.CARRY_OVER_NOT_DISBURSED);
		assertThat(rules(List.of(fully), txs, List.of(), d(2024, 9, 1)))
			.doesNotContain(FundingRule.CARRY_OVER_NOT_DISBURSED);
		assertThat(rules(List.of(late), txs, List.of(), d(2024, 9, 2))).contains(FundingRule.CARRY_OVER_NOT_DISBURSED);
	}

	static Facts.Request request(LocalDate requested, LocalDate completed) {
		return new Facts.Request(1, 10, "Xã Thử", 2024, "NST", tr("200"), requested, completed, false);
	}

	@Test
	void reallocationAskedByTenthOfOctoberAndDoneByFifteenthOfNovember() {
		assertThat(rules(List.of(), List.of(), List.of(request(d(2024, 10, 10), d(2024, 11, 15))), d(2024, 12, 31)))
			.isEmpty();
		assertThat(rules(List.of(), List.of(), List.of(request(d(2024, 10, 11), d(2024, 11, 15))), d(2024, 10, 11)))
			.containsExactly(FundingRule.REALLOCATION_REQUEST_LATE);
		assertThat(rules(List.of(), List.of(), List.of(request(d(2024, 10, 11), null)), d(2024, 10, 10))).isEmpty();
		assertThat(rules(List.of(), List.of(), List.of(request(d(2024, 10, 1), null)), d(2024, 11, 15))).isEmpty();
		assertThat(rules(List.of(), List.of(), List.of(request(d(2024, 10, 1), null)), d(2024, 11, 16)))
			.containsExactly(FundingRule.REALLOCATION_NOT_DONE);
		assertThat(rules(List.of(), List.of(), List.of(request(d(2024, 10, 1), d(2024, 11, 16))), d(2024, 11, 20)))
			.containsExactly(FundingRule.REALLOCATION_NOT_DONE);
	}

	@Test
	void supportNorms() {
		assertThat(rules(List.of(), List.of(tx(2024, "NST", "ASSIGN", "1.500", d(2024, 2, 5), null, null, "NANG_CAO")),
				List.of(), d(2024, 2, 5)))
			.doesNotContain(FundingRule.NORM_NANG_CAO);
		assertThat(rules(List.of(), List.of(tx(2024, "NST", "ASSIGN", "1.200", d(2024, 2, 5), null, null, "NANG_CAO")),
				List.of(), d(2024, 2, 5)))
			.contains(FundingRule.NORM_NANG_CAO);
		assertThat(rules(List.of(), List.of(tx(2024, "NST", "ASSIGN", "1.200", d(2024, 2, 5), null, null, "NANG_CAO")),
				List.of(), d(2024, 2, 4)))
			.doesNotContain(FundingRule.NORM_NANG_CAO);
		assertThat(rules(List.of(), List.of(tx(2024, "NST", "ASSIGN", "2.000", d(2024, 2, 5), null, null, "KIEU_MAU")),
				List.of(), d(2024, 3, 1)))
			.doesNotContain(FundingRule.NORM_KIEU_MAU);
		assertThat(rules(List.of(),
				List.of(tx(2025, "NSTW_SN", "ASSIGN", "400", d(2025, 1, 20), null, null, "MAINTENANCE")), List.of(),
				d(2025, 3, 1)))
			.contains(FundingRule.NORM_MAINTENANCE);
		assertThat(
				rules(List.of(), List.of(tx(2024, "NSX", "ASSIGN", "200", d(2024, 3, 1), null, null, "MODEL_VILLAGE")),
						List.of(), d(2024, 3, 2)))
			.doesNotContain(FundingRule.NORM_MODEL_VILLAGE);
		assertThat(
				rules(List.of(), List.of(tx(2024, "NSX", "ASSIGN", "199", d(2024, 3, 1), null, null, "MODEL_VILLAGE")),
						List.of(), d(2024, 3, 2)))
			.contains(FundingRule.NORM_MODEL_VILLAGE);
	}

	@Test
	void aRuleTurnedOffRaisesNothing() {
		Facts.Work unpaid = work(d(2024, 1, 20), d(2024, 3, 1), null, null,
				List.of(alloc(2024, "NST", "UPPER", "500", d(2024, 1, 20))), List.of());
		overrides.put(FundingRule.ZERO_AT_MID_YEAR,
				new RuleSetting(FundingRule.ZERO_AT_MID_YEAR, false, 6, 30, BigDecimal.ZERO, null, null));
		assertThat(rules(unpaid, d(2024, 7, 1))).doesNotContain(FundingRule.ZERO_AT_MID_YEAR)
			.contains(FundingRule.BELOW_HALF_AT_MID_YEAR);
		// another day for a province (e.g. 31/7)
		overrides.put(FundingRule.ZERO_AT_MID_YEAR,
				new RuleSetting(FundingRule.ZERO_AT_MID_YEAR, true, 7, 31, BigDecimal.ZERO, null, null));
		assertThat(rules(unpaid, d(2024, 7, 31))).doesNotContain(FundingRule.ZERO_AT_MID_YEAR);
		assertThat(rules(unpaid, d(2024, 8, 1))).contains(FundingRule.ZERO_AT_MID_YEAR);
	}

	static Facts.Work settled(String settlement) {
		return new Facts.Work(2, 10, "Xã Thử", "Công trình quyết toán", d(2024, 1, 25), d(2024, 3, 1), d(2024, 6, 30),
				d(2024, 9, 30), false,
				List.of(alloc(2024, "NST", "UPPER", "400", d(2024, 1, 25)),
						alloc(2024, "NSX", "LOCAL", "100", d(2024, 1, 25))),
				List.of(pay(d(2024, 6, 10), 2024, "NST", "UPPER", "300"),
						pay(d(2024, 6, 15), 2024, "NSX", "LOCAL", "20")),
				settlement == null ? null : tr(settlement));
	}

	@Test
	void debtUsesTheSettledValueFromTheDayOfTheSettlement() {
		// before completion: no debt
		assertThat(RuleEngine.debtBySource(settled("450"), d(2024, 6, 29))).isEmpty();
		// completed, not yet settled: allocated − paid by source (100 + 80)
		assertThat(RuleEngine.debtBySource(settled("450"), d(2024, 6, 30))).containsEntry("NST", tr("100"))
			.containsEntry("NSX", tr("80"))
			.hasSize(2);
		assertThat(RuleEngine.debtOf(settled("450"), d(2024, 9, 29))).isEqualTo(tr("180"));
		// from the settlement's day: 450 − 320 = 130, shared 100 : 80 over the sources
		// still owing
		var debt = RuleEngine.debtBySource(settled("450"), d(2024, 9, 30));
		assertThat(RuleEngine.debtOf(settled("450"), d(2024, 9, 30))).isEqualTo(tr("130"));
		assertThat(debt).containsEntry("NST", Money.ofDong(72_222_222)).containsEntry("NSX", Money.ofDong(57_777_778));
		// settled above what was allocated: the excess has no known source
		assertThat(RuleEngine.debtBySource(settled("600"), d(2024, 9, 30))).containsEntry("NST", tr("100"))
			.containsEntry("NSX", tr("80"))
			.containsEntry(RuleEngine.UNKNOWN_SOURCE, tr("100"));
		// settled at what was paid (or less): no debt, and no alert
		assertThat(RuleEngine.debtBySource(settled("320"), d(2024, 9, 30))).isEmpty();
		assertThat(RuleEngine.debtBySource(settled("300"), d(2024, 9, 30))).isEmpty();
		assertThat(rules(settled("320"), d(2024, 9, 29))).contains(FundingRule.CONSTRUCTION_DEBT);
		assertThat(rules(settled("320"), d(2024, 9, 30))).doesNotContain(FundingRule.CONSTRUCTION_DEBT);
		assertThat(engine.debt(10, List.of(settled("450")), d(2024, 9, 30)).total()).isEqualTo(tr("130"));
		// settled without its value recorded: the rule before settlement still applies
		assertThat(RuleEngine.debtOf(settled(null), d(2024, 10, 1))).isEqualTo(tr("180"));
	}

}
