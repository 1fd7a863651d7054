package vn.ntm.funding.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;

import vn.ntm.funding.ConstructionDebt;
import vn.ntm.funding.FundingAlert;
import vn.ntm.funding.FundingRule;
import vn.ntm.funding.RuleSetting;
import vn.ntm.funding.SourceAmount;
import vn.ntm.shared.Money;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.shared.Share;
import vn.ntm.shared.VnFormat;

/**
 * The money rules of seed 001 as of a date, over plain facts. Every deadline counts what
 * happened on its day; an alert shows from the day after and is dated the deadline.
 */
final class RuleEngine {

	/** The setting of a rule for a unit (its province) and a year. */
	interface Settings {

		RuleSetting of(FundingRule rule, long unitId, int year);

	}

	private final Settings settings;

	private final BiFunction<String, java.util.Locale, String> sourceName;

	RuleEngine(Settings settings, BiFunction<String, java.util.Locale, String> sourceName) {
		this.settings = settings;
		this.sourceName = sourceName;
	}

	List<FundingAlert> alerts(List<Facts.Work> works, List<Facts.Tx> txs, List<Facts.Request> requests, LocalDate at) {
		List<FundingAlert> alerts = new ArrayList<>();
		for (Facts.Work work : works) {
			workAlerts(work, at, alerts);
		}
		unitAlerts(works, txs, at, alerts);
		for (Facts.Request r : requests) {
			requestAlerts(r, at, alerts);
		}
		alerts.sort(Comparator.comparing(FundingAlert::date)
			.reversed()
			.thenComparing(a -> a.rule().ordinal())
			.thenComparing(FundingAlert::unitName));
		return alerts;
	}

	private void workAlerts(Facts.Work w, LocalDate at, List<FundingAlert> out) {
		TreeSet<Integer> years = new TreeSet<>();
		w.allocations().forEach(a -> years.add(a.year()));
		for (int year : years) {
			if (year > at.getYear()) {
				continue;
			}
			RuleSetting zero = settings.of(FundingRule.ZERO_AT_MID_YEAR, w.unitId(), year);
			RuleSetting half = settings.of(FundingRule.BELOW_HALF_AT_MID_YEAR, w.unitId(), year);
			RuleSetting full = settings.of(FundingRule.BELOW_FULL_AT_YEAR_END, w.unitId(), year);
			RuleSetting contractor = settings.of(FundingRule.CONTRACTOR_LATE, w.unitId(), year);
			if (zero.enabled()) {
				LocalDate d = zero.dateIn(year);
				Money alloc = w.allocated(year, d);
				if (at.isAfter(d) && alloc.isPositive() && w.paid(year, d).isZero()) {
					out.add(alert(FundingRule.ZERO_AT_MID_YEAR, d, w,
							List.of(String.valueOf(year), money(alloc), VnFormat.date(d))));
				}
			}
			if (half.enabled()) {
				LocalDate d = half.dateIn(year);
				Money alloc = w.allocated(year, d);
				Money paid = w.paid(year, d);
				boolean coveredByZero = zero.enabled() && zero.dateIn(year).equals(d) && paid.isZero();
				if (at.isAfter(d) && alloc.isPositive() && !coveredByZero && Share.of(paid, alloc).isBelow(pct(half))) {
					out.add(alert(FundingRule.BELOW_HALF_AT_MID_YEAR, d, w, List.of(String.valueOf(year),
							Share.of(paid, alloc).format(1), VnFormat.number(pct(half)), VnFormat.date(d))));
				}
			}
			if (full.enabled()) {
				LocalDate d = full.dateIn(year);
				Money alloc = w.allocated(year, d);
				Money paid = w.paid(year, d);
				if (at.isAfter(d) && alloc.isPositive() && Share.of(paid, alloc).isBelow(pct(full))) {
					out.add(alert(FundingRule.BELOW_FULL_AT_YEAR_END, d, w, List.of(String.valueOf(year),
							Share.of(paid, alloc).format(1), VnFormat.number(pct(full)), VnFormat.date(d))));
				}
			}
			if (contractor.enabled() && w.allocatedOn() != null && w.allocatedOn().getYear() == year) {
				LocalDate d = contractor.dateIn(year);
				boolean late = w.contractorOn() == null || w.contractorOn().isAfter(d);
				if (at.isAfter(d) && !w.allocatedOn().isAfter(d) && late) {
					out.add(alert(FundingRule.CONTRACTOR_LATE, d, w, List.of(VnFormat.date(d),
							w.contractorOn() == null ? "—" : VnFormat.date(w.contractorOn()))));
				}
			}
		}
		if (w.allocatedOn() != null) {
			RuleSetting overdue = settings.of(FundingRule.SETTLEMENT_OVERDUE, w.unitId(), w.allocatedOn().getYear());
			if (overdue.enabled() && overdue.years() != null) {
				LocalDate d = w.allocatedOn().plusYears(overdue.years());
				if (at.isAfter(d) && !w.settledBy(at)) {
					Money upper = debtOfLevel(w, "UPPER", at);
					out.add(alert(FundingRule.SETTLEMENT_OVERDUE, d, w,
							List.of(VnFormat.date(w.allocatedOn()), String.valueOf(overdue.years()), money(upper))));
				}
			}
		}
		RuleSetting counterpart = settings.of(FundingRule.COUNTERPART_BEHIND, w.unitId(), at.getYear());
		if (counterpart.enabled()) {
			Money upperAlloc = w.allocatedOfLevel("UPPER", at);
			Money localAlloc = w.allocatedOfLevel("LOCAL", at);
			Share upper = Share.of(w.paidOfLevel("UPPER", at), upperAlloc);
			Share local = Share.of(w.paidOfLevel("LOCAL", at), localAlloc);
			if (upperAlloc.isPositive() && localAlloc.isPositive() && upper.exceeds(local)) {
				LocalDate last = w.payments()
					.stream()
					.map(Facts.Pay::paidOn)
					.filter(p -> !p.isAfter(at))
					.max(Comparator.naturalOrder())
					.orElse(at);
				out.add(alert(FundingRule.COUNTERPART_BEHIND, last, w, List.of(upper.format(1), local.format(1))));
			}
		}
	}

	private void unitAlerts(List<Facts.Work> works, List<Facts.Tx> txs, LocalDate at, List<FundingAlert> out) {
		// capital assigned to the unit but not to its works by the rule's day
		Map<String, List<Facts.Tx>> byUnitYear = new LinkedHashMap<>();
		for (Facts.Tx t : txs) {
			if (t.assigned()) {
				byUnitYear.computeIfAbsent(t.unitId() + "/" + t.year(), k -> new ArrayList<>()).add(t);
			}
		}
		for (List<Facts.Tx> group : byUnitYear.values()) {
			Facts.Tx first = group.get(0);
			int year = first.year();
			RuleSetting rule = settings.of(FundingRule.NOT_ASSIGNED_TO_WORKS, first.unitId(), year);
			if (!rule.enabled() || year > at.getYear()) {
				continue;
			}
			LocalDate d = rule.dateIn(year);
			if (!at.isAfter(d)) {
				continue;
			}
			Money assigned = group.stream()
				.filter(t -> t.decidedOn() == null || !t.decidedOn().isAfter(d))
				.filter(t -> !"CARRY_IN".equals(t.kind()))
				.map(Facts.Tx::amount)
				.reduce(Money.ZERO, Money::plus);
			Money toWorks = works.stream()
				.filter(w -> w.unitId() == first.unitId())
				.map(w -> w.allocated(year, d))
				.reduce(Money.ZERO, Money::plus);
			if (assigned.exceeds(toWorks)) {
				out.add(new FundingAlert(FundingRule.NOT_ASSIGNED_TO_WORKS, d, first.unitId(), first.unitName(), null,
						null, "funding.alert.NOT_ASSIGNED_TO_WORKS",
						List.of(String.valueOf(year), money(assigned.minus(toWorks)), VnFormat.date(d)),
						group.stream().anyMatch(Facts.Tx::illustration)));
			}
		}
		// carry-over not disbursed by its deadline
		for (Facts.Tx t : txs) {
			if (!"CARRY_IN".equals(t.kind()) || t.deadline() == null || t.fromYear() == null) {
				continue;
			}
			RuleSetting rule = settings.of(FundingRule.CARRY_OVER_NOT_DISBURSED, t.unitId(), t.year());
			LocalDate d = t.deadline();
			if (!rule.enabled() || !at.isAfter(d)) {
				continue;
			}
			LocalDate from = LocalDate.of(t.year(), 1, 1);
			Money paid = works.stream()
				.filter(w -> w.unitId() == t.unitId())
				.flatMap(w -> w.payments().stream())
				.filter(p -> p.year() == t.fromYear() && p.source().equals(t.source()) && !p.paidOn().isBefore(from)
						&& !p.paidOn().isAfter(d))
				.map(Facts.Pay::amount)
				.reduce(Money.ZERO, Money::plus);
			if (Share.of(paid, t.amount()).isBelow(pct(rule))) {
				out.add(new FundingAlert(FundingRule.CARRY_OVER_NOT_DISBURSED, d, t.unitId(), t.unitName(), null, null,
						"funding.alert.CARRY_OVER_NOT_DISBURSED",
						List.of(String.valueOf(t.fromYear()), money(t.amount()), money(paid), VnFormat.date(d)),
						t.illustration()));
			}
		}
		// support norms
		normAlerts(txs, at, out);
		// communes with construction debt
		Map<Long, List<Facts.Work>> byUnit = new LinkedHashMap<>();
		works.forEach(w -> byUnit.computeIfAbsent(w.unitId(), k -> new ArrayList<>()).add(w));
		for (List<Facts.Work> unitWorks : byUnit.values()) {
			Facts.Work first = unitWorks.get(0);
			if (!settings.of(FundingRule.CONSTRUCTION_DEBT, first.unitId(), at.getYear()).enabled()) {
				continue;
			}
			ConstructionDebt debt = debt(first.unitId(), unitWorks, at);
			if (debt.hasDebt()) {
				LocalDate since = unitWorks.stream()
					.filter(w -> debtOf(w, at).isPositive())
					.map(Facts.Work::completedOn)
					.min(Comparator.naturalOrder())
					.orElse(at);
				out.add(new FundingAlert(FundingRule.CONSTRUCTION_DEBT, since, first.unitId(), first.unitName(), null,
						null, "funding.alert.CONSTRUCTION_DEBT",
						List.of(money(debt.total()), String.valueOf(debt.workIds().size())),
						unitWorks.stream().anyMatch(Facts.Work::illustration)));
			}
		}
	}

	private void normAlerts(List<Facts.Tx> txs, LocalDate at, List<FundingAlert> out) {
		Map<String, List<Facts.Tx>> groups = new LinkedHashMap<>();
		for (Facts.Tx t : txs) {
			if (t.purpose() == null || !t.assigned() || (t.decidedOn() != null && t.decidedOn().isAfter(at))) {
				continue;
			}
			boolean perYear = t.purpose().equals("MAINTENANCE") || t.purpose().equals("MODEL_VILLAGE");
			groups
				.computeIfAbsent(t.unitId() + "/" + t.purpose() + (perYear ? "/" + t.year() : ""),
						k -> new ArrayList<>())
				.add(t);
		}
		for (List<Facts.Tx> group : groups.values()) {
			Facts.Tx first = group.get(0);
			FundingRule rule = FundingRule.valueOf("NORM_" + first.purpose());
			RuleSetting setting = settings.of(rule, first.unitId(), first.year());
			if (!setting.enabled() || setting.amount() == null) {
				continue;
			}
			Money norm = new Money(setting.amount());
			Money total = group.stream().map(Facts.Tx::amount).reduce(Money.ZERO, Money::plus);
			// the model village's counterpart is a floor; the other norms are the amount
			// of support
			boolean off = rule == FundingRule.NORM_MODEL_VILLAGE ? norm.exceeds(total) : norm.compareTo(total) != 0;
			if (off) {
				LocalDate date = group.stream()
					.map(t -> t.decidedOn() == null ? LocalDate.of(t.year(), 1, 1) : t.decidedOn())
					.max(Comparator.naturalOrder())
					.orElseThrow();
				out.add(new FundingAlert(rule, date, first.unitId(), first.unitName(), null, null,
						"funding.alert." + rule.name(),
						List.of(money(total), money(norm), String.valueOf(first.year())),
						group.stream().anyMatch(Facts.Tx::illustration)));
			}
		}
	}

	private void requestAlerts(Facts.Request r, LocalDate at, List<FundingAlert> out) {
		RuleSetting late = settings.of(FundingRule.REALLOCATION_REQUEST_LATE, r.unitId(), r.year());
		if (late.enabled()) {
			LocalDate d = late.dateIn(r.year());
			if (r.requestedOn().isAfter(d) && !at.isBefore(r.requestedOn())) {
				out.add(new FundingAlert(FundingRule.REALLOCATION_REQUEST_LATE, d, r.unitId(), r.unitName(), null, null,
						"funding.alert.REALLOCATION_REQUEST_LATE",
						List.of(money(r.amount()), VnFormat.date(r.requestedOn()), VnFormat.date(d)),
						r.illustration()));
			}
		}
		RuleSetting done = settings.of(FundingRule.REALLOCATION_NOT_DONE, r.unitId(), r.year());
		if (done.enabled()) {
			LocalDate d = done.dateIn(r.year());
			boolean completedInTime = r.completedOn() != null && !r.completedOn().isAfter(d);
			if (at.isAfter(d) && !r.requestedOn().isAfter(d) && !completedInTime) {
				out.add(new FundingAlert(FundingRule.REALLOCATION_NOT_DONE, d, r.unitId(), r.unitName(), null, null,
						"funding.alert.REALLOCATION_NOT_DONE",
						List.of(money(r.amount()), VnFormat.date(r.requestedOn()), VnFormat.date(d)),
						r.illustration()));
			}
		}
	}

	/** The source of a settled value beyond everything allocated: not known. */
	static final String UNKNOWN_SOURCE = "CHUA_RO_NGUON";

	static final String UNKNOWN_SOURCE_NAME = "Chưa xác định nguồn (giá trị quyết toán vượt vốn đã phân bổ)";

	/**
	 * A completed work's construction debt (nợ đọng XDCB) as of {@code at}, by source.
	 * <ul>
	 * <li>Before its final settlement is approved (or when the settlement's value was not
	 * recorded), the cost is taken to be what was allocated: by source, allocated minus
	 * paid (never below zero).</li>
	 * <li>From the day of the settlement, with its value: the debt is the settled value
	 * minus everything paid (never below zero), split over the sources that still owe in
	 * proportion to what each still owes (rounded to the đồng, the last source taking the
	 * remainder); the part of a settled value beyond everything allocated has no known
	 * source ({@link #UNKNOWN_SOURCE}).</li>
	 * </ul>
	 */
	static Map<String, Money> debtBySource(Facts.Work w, LocalDate at) {
		Map<String, Money> debt = new LinkedHashMap<>();
		if (!w.completedBy(at)) {
			return debt;
		}
		for (Facts.Alloc a : w.allocations()) {
			if (!a.decidedOn().isAfter(at)) {
				debt.merge(a.source(), a.amount(), Money::plus);
			}
		}
		for (Facts.Pay p : w.payments()) {
			if (!p.paidOn().isAfter(at)) {
				debt.merge(p.source(), p.amount().negate(), Money::plus);
			}
		}
		debt.replaceAll((k, v) -> v.max(Money.ZERO));
		debt.values().removeIf(Money::isZero);
		if (w.settledBy(at) && w.settlementAmount() != null) {
			return settledDebt(debt, w.settlementAmount().minus(w.paidBy(at)).max(Money.ZERO));
		}
		return debt;
	}

	/** The settled debt over the sources that still owe ({@code unpaid}). */
	private static Map<String, Money> settledDebt(Map<String, Money> unpaid, Money total) {
		Map<String, Money> debt = new LinkedHashMap<>();
		if (total.isZero()) {
			return debt;
		}
		Money known = unpaid.values().stream().reduce(Money.ZERO, Money::plus);
		if (!total.exceeds(known)) {
			// the settled value is within the allocations: each source's part of the debt
			Money left = total;
			List<Map.Entry<String, Money>> entries = new ArrayList<>(unpaid.entrySet());
			for (int i = 0; i < entries.size(); i++) {
				Map.Entry<String, Money> e = entries.get(i);
				Money part = i == entries.size() - 1 ? left
						: new Money(e.getValue()
							.dong()
							.multiply(total.dong())
							.divide(known.dong(), 0, java.math.RoundingMode.HALF_UP)).min(left);
				if (part.isPositive()) {
					debt.put(e.getKey(), part);
				}
				left = left.minus(part);
			}
			return debt;
		}
		debt.putAll(unpaid);
		debt.put(UNKNOWN_SOURCE, total.minus(known));
		return debt;
	}

	static Money debtOf(Facts.Work w, LocalDate at) {
		return debtBySource(w, at).values().stream().reduce(Money.ZERO, Money::plus);
	}

	private static Money debtOfLevel(Facts.Work w, String level, LocalDate at) {
		Map<String, String> levels = new LinkedHashMap<>();
		w.allocations().forEach(a -> levels.put(a.source(), a.level()));
		return debtBySource(w, at).entrySet()
			.stream()
			.filter(e -> level.equals(levels.get(e.getKey())))
			.map(Map.Entry::getValue)
			.reduce(Money.ZERO, Money::plus);
	}

	ConstructionDebt debt(long unitId, List<Facts.Work> works, LocalDate at) {
		Map<String, Money> bySource = new LinkedHashMap<>();
		Money moved = Money.ZERO;
		List<Long> ids = new ArrayList<>();
		for (Facts.Work w : works) {
			Map<String, Money> debt = debtBySource(w, at);
			if (debt.isEmpty()) {
				continue;
			}
			ids.add(w.id());
			debt.forEach((source, amount) -> bySource.merge(source, amount, Money::plus));
			if (w.allocatedOn() != null && !w.settledBy(at)) {
				RuleSetting overdue = settings.of(FundingRule.SETTLEMENT_OVERDUE, w.unitId(),
						w.allocatedOn().getYear());
				if (overdue.enabled() && overdue.years() != null
						&& at.isAfter(w.allocatedOn().plusYears(overdue.years()))) {
					moved = moved.plus(debtOfLevel(w, "UPPER", at));
				}
			}
		}
		Money total = bySource.values().stream().reduce(Money.ZERO, Money::plus);
		List<SourceAmount> amounts = bySource.entrySet()
			.stream()
			.map(e -> new SourceAmount(e.getKey(),
					UNKNOWN_SOURCE.equals(e.getKey()) ? UNKNOWN_SOURCE_NAME
							: sourceName.apply(e.getKey(), java.util.Locale.forLanguageTag("vi")),
					e.getValue()))
			.toList();
		return new ConstructionDebt(unitId, at, total, amounts, moved, ids);
	}

	private static FundingAlert alert(FundingRule rule, LocalDate date, Facts.Work w, List<String> args) {
		List<String> all = new ArrayList<>();
		all.add(w.name());
		all.addAll(args);
		return new FundingAlert(rule, date, w.unitId(), w.unitName(), w.id(), w.name(), "funding.alert." + rule.name(),
				List.copyOf(all), w.illustration());
	}

	private static BigDecimal pct(RuleSetting setting) {
		return setting.percent() == null ? BigDecimal.ZERO : setting.percent();
	}

	static String money(Money amount) {
		return amount.format(MoneyUnit.TRIEU);
	}

}
