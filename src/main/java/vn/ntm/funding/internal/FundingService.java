package vn.ntm.funding.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.funding.ConstructionDebt;
import vn.ntm.funding.FundingAlert;
import vn.ntm.funding.FundingAlerts;
import vn.ntm.funding.FundingFieldException;
import vn.ntm.funding.FundingManagement;
import vn.ntm.funding.FundingRule;
import vn.ntm.funding.FundingSource;
import vn.ntm.funding.FundingViews;
import vn.ntm.funding.RuleSetting;
import vn.ntm.funding.SourceAmount;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.Permission;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.Money;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * The funding facade: reads within the user's units, changes with
 * {@link Permission#FUNDING_EDIT}, each audited in its transaction.
 */
@Service
class FundingService implements FundingManagement, FundingAlerts {

	static final Set<String> KINDS = Set.of("PLAN", "ASSIGN", "SUPPLEMENT", "CUT", "CARRY_IN");

	static final Set<String> PURPOSES = Set.of("NANG_CAO", "KIEU_MAU", "MAINTENANCE", "MODEL_VILLAGE");

	private final FundingStore store;

	private final UnitManagement units;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	FundingService(FundingStore store, UnitManagement units, AccessPolicy access, AuditLog audit, Clock clock) {
		this.store = store;
		this.units = units;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ reads

	@Override
	@Transactional(readOnly = true)
	public List<FundingSource> sources() {
		return store.sources();
	}

	Map<String, String> sourceNames() {
		return store.sources()
			.stream()
			.collect(Collectors.toMap(FundingSource::code, FundingSource::name, (a, b) -> a, LinkedHashMap::new));
	}

	private Map<String, String> sourceLevels() {
		return store.sources().stream().collect(Collectors.toMap(FundingSource::code, FundingSource::level));
	}

	@Override
	@Transactional(readOnly = true)
	public FundingViews.Summary summary(long unitId, int fromYear, int toYear, LocalDate at) {
		access.requireRead(unitId);
		if (toYear < fromYear || toYear - fromYear > 20) {
			throw new BusinessRuleException("funding.years.invalid", String.valueOf(fromYear), String.valueOf(toYear));
		}
		String unitName = unitName(unitId, at);
		Map<String, String> names = sourceNames();
		Map<Long, String> subtree = subtree(unitId, at);
		// planned and assigned: the unit's own capital plans; demo amounts ("Ví dụ minh
		// họa") kept apart from the official figures
		Map<String, Money[]> cells = new TreeMap<>();
		Map<Integer, Money[]> demo = new TreeMap<>();
		for (Facts.Tx t : store.txFacts(List.of(unitId), Map.of(), Map.of())) {
			if (t.year() < fromYear || t.year() > toYear) {
				continue;
			}
			Money[] cell = t.illustration() ? demo.computeIfAbsent(t.year(), k -> zeros())
					: cells.computeIfAbsent(key(t.year(), t.source()), k -> zeros());
			cell[t.assigned() ? 1 : 0] = cell[t.assigned() ? 1 : 0].plus(t.amount());
		}
		// allocated and disbursed: works of the unit and below
		List<FundingStore.WorkRow> works = store.worksOf(subtree.keySet());
		List<Long> workIds = works.stream().map(FundingStore.WorkRow::id).toList();
		Set<Long> demoWorks = works.stream()
			.filter(FundingStore.WorkRow::illustration)
			.map(FundingStore.WorkRow::id)
			.collect(Collectors.toSet());
		Map<String, String> levels = sourceLevels();
		store.allocFacts(workIds, levels).forEach((workId, list) -> list.forEach(a -> {
			if (a.year() >= fromYear && a.year() <= toYear && !a.decidedOn().isAfter(at)) {
				Money[] cell = demoWorks.contains(workId) ? demo.computeIfAbsent(a.year(), k -> zeros())
						: cells.computeIfAbsent(key(a.year(), a.source()), k -> zeros());
				cell[2] = cell[2].plus(a.amount());
			}
		}));
		store.payFacts(workIds, levels).forEach((workId, list) -> list.forEach(p -> {
			if (p.year() >= fromYear && p.year() <= toYear && !p.paidOn().isAfter(at)) {
				Money[] cell = demoWorks.contains(workId) ? demo.computeIfAbsent(p.year(), k -> zeros())
						: cells.computeIfAbsent(key(p.year(), p.source()), k -> zeros());
				cell[3] = cell[3].plus(p.amount());
			}
		}));
		List<String> order = new ArrayList<>(names.keySet());
		List<FundingViews.SummaryRow> rows = new ArrayList<>();
		List<FundingViews.SummaryRow> yearTotals = new ArrayList<>();
		Money[] grand = zeros();
		for (int year = fromYear; year <= toYear; year++) {
			Money[] yearSum = zeros();
			for (String source : order) {
				Money[] cell = cells.get(key(year, source));
				if (cell == null) {
					continue;
				}
				rows.add(new FundingViews.SummaryRow(year, source, names.get(source), cell[0], cell[1], cell[2],
						cell[3]));
				add(yearSum, cell);
			}
			add(grand, yearSum);
			yearTotals.add(new FundingViews.SummaryRow(year, null, String.valueOf(year), yearSum[0], yearSum[1],
					yearSum[2], yearSum[3]));
		}
		FundingViews.SummaryRow total = new FundingViews.SummaryRow(null, null, fromYear + "–" + toYear, grand[0],
				grand[1], grand[2], grand[3]);
		List<FundingViews.SummaryRow> illustrations = new ArrayList<>();
		Money[] demoSum = zeros();
		demo.forEach((year, cell) -> {
			illustrations
				.add(new FundingViews.SummaryRow(year, null, ILLUSTRATION_LABEL, cell[0], cell[1], cell[2], cell[3]));
			add(demoSum, cell);
		});
		FundingViews.SummaryRow illustrationTotal = new FundingViews.SummaryRow(null, null, ILLUSTRATION_LABEL,
				demoSum[0], demoSum[1], demoSum[2], demoSum[3]);
		return new FundingViews.Summary(unitId, unitName, fromYear, toYear, rows, yearTotals, total,
				store.documents(unitId), store.transactions(unitId, names),
				access.canActOn(unitId, Permission.FUNDING_EDIT), illustrations, illustrationTotal);
	}

	/** The label of the demo amounts' line (the pages use their bundle's words). */
	static final String ILLUSTRATION_LABEL = "Ví dụ minh họa — không phải số liệu chính thức";

	private static String key(int year, String source) {
		return year + "/" + source;
	}

	private static Money[] zeros() {
		return new Money[] { Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO };
	}

	private static void add(Money[] sum, Money[] cell) {
		for (int i = 0; i < sum.length; i++) {
			sum[i] = sum[i].plus(cell[i]);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<FundingViews.WorkView> works(long unitId, LocalDate at) {
		access.requireRead(unitId);
		Map<Long, String> subtree = subtree(unitId, at);
		return workViews(store.worksOf(subtree.keySet()), subtree, at);
	}

	private List<FundingViews.WorkView> workViews(List<FundingStore.WorkRow> rows, Map<Long, String> names,
			LocalDate at) {
		Map<String, String> levels = sourceLevels();
		List<Long> ids = rows.stream().map(FundingStore.WorkRow::id).toList();
		Map<Long, List<Facts.Alloc>> allocs = store.allocFacts(ids, levels);
		Map<Long, List<Facts.Pay>> pays = store.payFacts(ids, levels);
		List<Facts.Work> facts = rows.stream().map(r -> fact(r, names, allocs, pays)).toList();
		Map<Long, List<FundingAlert>> alerts = engine().alerts(facts, List.of(), List.of(), at)
			.stream()
			.filter(a -> a.workId() != null)
			.collect(Collectors.groupingBy(FundingAlert::workId));
		List<FundingViews.WorkView> views = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			FundingStore.WorkRow r = rows.get(i);
			Facts.Work f = facts.get(i);
			Money allocated = f.allocations()
				.stream()
				.filter(a -> !a.decidedOn().isAfter(at))
				.map(Facts.Alloc::amount)
				.reduce(Money.ZERO, Money::plus);
			Money paid = f.payments()
				.stream()
				.filter(p -> !p.paidOn().isAfter(at))
				.map(Facts.Pay::amount)
				.reduce(Money.ZERO, Money::plus);
			views.add(new FundingViews.WorkView(r.id(), r.unitId(), names.getOrDefault(r.unitId(), "#" + r.unitId()),
					r.name(), r.investor(), r.projectCode(), r.criterion(), r.totalInvestment(),
					r.counterpartRequired(), r.allocatedOn(), r.contractorOn(), r.completedOn(), r.settledOn(),
					r.settlementAmount(), r.illustration(), r.note(), r.version(), allocated, paid,
					f.paidOfLevel("LOCAL", at), alerts.getOrDefault(r.id(), List.of()), r.settlementDecision()));
		}
		return views;
	}

	private static Facts.Work fact(FundingStore.WorkRow r, Map<Long, String> names, Map<Long, List<Facts.Alloc>> allocs,
			Map<Long, List<Facts.Pay>> pays) {
		return new Facts.Work(r.id(), r.unitId(), names.getOrDefault(r.unitId(), "#" + r.unitId()), r.name(),
				r.allocatedOn(), r.contractorOn(), r.completedOn(), r.settledOn(), r.illustration(),
				allocs.getOrDefault(r.id(), List.of()), pays.getOrDefault(r.id(), List.of()), r.settlementAmount());
	}

	@Override
	@Transactional(readOnly = true)
	public FundingViews.WorkDetail work(long workId, LocalDate at) {
		FundingStore.WorkRow row = store.work(workId)
			.orElseThrow(() -> new NotFoundException("funding.work.notFound", workId));
		access.requireRead(row.unitId());
		Map<Long, String> names = new HashMap<>();
		names.put(row.unitId(), unitName(row.unitId(), at));
		FundingViews.WorkView view = workViews(List.of(row), names, at).get(0);
		Map<String, String> sourceNames = sourceNames();
		Map<String, String> levels = sourceLevels();
		Facts.Work fact = fact(row, names, store.allocFacts(List.of(workId), levels),
				store.payFacts(List.of(workId), levels));
		List<SourceAmount> debt = RuleEngine.debtBySource(fact, at)
			.entrySet()
			.stream()
			.map(e -> new SourceAmount(e.getKey(), sourceNames.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
			.toList();
		List<FundingViews.MoveView> moves = store.movesOf("WORK", workId)
			.stream()
			.map(m -> new FundingViews.MoveView(m.what(), nameAnyTime(m.from(), m.effective().minusDays(1)),
					nameAnyTime(m.to(), m.effective()), m.effective()))
			.toList();
		return new FundingViews.WorkDetail(view, store.allocations(workId, sourceNames),
				store.disbursements(workId, sourceNames), debt, moves,
				access.canActOn(row.unitId(), Permission.FUNDING_EDIT));
	}

	@Override
	@Transactional(readOnly = true)
	public FundingViews.Ranking ranking(long provinceId, int year, LocalDate at) {
		access.requireRead(provinceId);
		List<UnitRef> below = units.descendants(provinceId, at);
		Map<Long, Long> parents = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		for (UnitRef u : below) {
			if (u.parentId() != null) {
				parents.put(u.id(), u.parentId());
			}
			names.put(u.id(), u.fullName());
		}
		Map<Long, Long> topOf = new HashMap<>();
		for (UnitRef u : below) {
			long id = u.id();
			int guard = 0;
			while (parents.containsKey(id) && parents.get(id) != provinceId && guard++ < 10) {
				id = parents.get(id);
			}
			if (parents.get(id) != null && parents.get(id) == provinceId) {
				topOf.put(u.id(), id);
			}
		}
		List<FundingStore.WorkRow> works = store.worksOf(topOf.keySet());
		List<FundingViews.WorkView> views = workViews(works, names, at);
		Map<Long, Money[]> sums = new LinkedHashMap<>();
		Map<Long, int[]> counts = new HashMap<>();
		Map<String, String> levels = sourceLevels();
		Map<Long, List<Facts.Alloc>> allocs = store.allocFacts(works.stream().map(FundingStore.WorkRow::id).toList(),
				levels);
		Map<Long, List<Facts.Pay>> pays = store.payFacts(works.stream().map(FundingStore.WorkRow::id).toList(), levels);
		Map<Long, Money[]> demo = new HashMap<>();
		for (FundingViews.WorkView w : views) {
			long top = topOf.get(w.unitId());
			// demo works ("Ví dụ minh họa") apart from the official figures
			Money[] sum = w.illustration() ? demo.computeIfAbsent(top, k -> new Money[] { Money.ZERO, Money.ZERO })
					: sums.computeIfAbsent(top, k -> new Money[] { Money.ZERO, Money.ZERO });
			sums.computeIfAbsent(top, k -> new Money[] { Money.ZERO, Money.ZERO });
			Facts.Work f = new Facts.Work(w.id(), w.unitId(), "", w.name(), null, null, null, null, false,
					allocs.getOrDefault(w.id(), List.of()), pays.getOrDefault(w.id(), List.of()));
			sum[0] = sum[0].plus(f.allocated(year, at));
			sum[1] = sum[1].plus(f.paid(year, at));
			int[] c = counts.computeIfAbsent(top, k -> new int[2]);
			c[0]++;
			c[1] += w.alerts().size();
		}
		Money[] none = { Money.ZERO, Money.ZERO };
		List<Map.Entry<Long, Money[]>> entries = new ArrayList<>(sums.entrySet());
		entries.removeIf(e -> e.getValue()[0].isZero() && e.getValue()[1].isZero()
				&& demo.getOrDefault(e.getKey(), none)[0].isZero() && demo.getOrDefault(e.getKey(), none)[1].isZero());
		// ranked by the official rate; units with demo amounts only after them, unranked
		entries.sort(Comparator.comparing((Map.Entry<Long, Money[]> e) -> noOfficialFigures(e.getValue()))
			.thenComparing(Comparator
				.comparing((Map.Entry<Long, Money[]> e) -> vn.ntm.shared.Share.of(e.getValue()[1], e.getValue()[0])
					.percent()
					.orElse(java.math.BigDecimal.ZERO))
				.reversed())
			.thenComparing(e -> names.getOrDefault(e.getKey(), "")));
		List<FundingViews.RankingRow> rows = new ArrayList<>();
		int rank = 0;
		for (Map.Entry<Long, Money[]> e : entries) {
			Money[] d = demo.getOrDefault(e.getKey(), none);
			rows.add(new FundingViews.RankingRow(noOfficialFigures(e.getValue()) ? 0 : ++rank, e.getKey(),
					names.getOrDefault(e.getKey(), ""), e.getValue()[0], e.getValue()[1], counts.get(e.getKey())[0],
					counts.get(e.getKey())[1], d[0], d[1]));
		}
		return new FundingViews.Ranking(provinceId, unitName(provinceId, at), year, at, rows);
	}

	/** Whether a unit's official figures are empty (it has demo amounts only). */
	private static boolean noOfficialFigures(Money[] official) {
		return official[0].isZero() && official[1].isZero();
	}

	@Override
	@Transactional(readOnly = true)
	public List<FundingViews.RequestView> requests(long unitId) {
		access.requireRead(unitId);
		LocalDate at = today();
		Map<Long, String> subtree = subtree(unitId, at);
		return store.requests(subtree.keySet(), subtree, sourceNames());
	}

	// ------------------------------------------------------------------ alerts

	@Override
	@Transactional(readOnly = true)
	public List<FundingAlert> forCurrentUser(LocalDate at, int limit) {
		CurrentUser user = access.current();
		Set<Long> unitIds = new LinkedHashSet<>(store.fundedUnits());
		unitIds.removeIf(id -> !access.canRead(id));
		Map<Long, String> names = new HashMap<>();
		unitIds.forEach(id -> names.put(id, unitName(id, at)));
		List<FundingAlert> alerts = alertsOf(names, at);
		return alerts.size() > limit ? alerts.subList(0, limit) : alerts;
	}

	@Override
	@Transactional(readOnly = true)
	public List<FundingAlert> forUnit(long unitId, LocalDate at) {
		access.requireRead(unitId);
		return alertsOf(subtree(unitId, at), at);
	}

	private List<FundingAlert> alertsOf(Map<Long, String> names, LocalDate at) {
		Map<String, String> levels = sourceLevels();
		List<FundingStore.WorkRow> rows = store.worksOf(names.keySet());
		List<Long> ids = rows.stream().map(FundingStore.WorkRow::id).toList();
		Map<Long, List<Facts.Alloc>> allocs = store.allocFacts(ids, levels);
		Map<Long, List<Facts.Pay>> pays = store.payFacts(ids, levels);
		List<Facts.Work> works = rows.stream().map(r -> fact(r, names, allocs, pays)).toList();
		List<Facts.Tx> txs = store.txFacts(names.keySet(), names, Map.of());
		List<Facts.Request> requests = store.requests(names.keySet(), names, Map.of())
			.stream()
			.map(r -> new Facts.Request(r.id(), r.unitId(), r.unitName(), r.year(), r.source(), r.amount(),
					r.requestedOn(), r.completedOn(), r.illustration()))
			.toList();
		return engine().alerts(works, txs, requests, at);
	}

	@Override
	@Transactional(readOnly = true)
	public ConstructionDebt constructionDebt(long unitId, LocalDate at) {
		access.requireRead(unitId);
		Map<Long, String> names = subtree(unitId, at);
		Map<String, String> levels = sourceLevels();
		List<FundingStore.WorkRow> rows = store.worksOf(names.keySet());
		List<Long> ids = rows.stream().map(FundingStore.WorkRow::id).toList();
		Map<Long, List<Facts.Alloc>> allocs = store.allocFacts(ids, levels);
		Map<Long, List<Facts.Pay>> pays = store.payFacts(ids, levels);
		return engine().debt(unitId, rows.stream().map(r -> fact(r, names, allocs, pays)).toList(), at);
	}

	RuleEngine engine() {
		Map<String, String> names = sourceNames();
		Map<Long, Long> provinces = new HashMap<>();
		Map<String, RuleSetting> cache = new HashMap<>();
		return new RuleEngine((rule, unitId, year) -> {
			Long province = provinces.computeIfAbsent(unitId, this::provinceOf);
			return cache.computeIfAbsent(rule + "/" + province + "/" + year,
					k -> resolve(rule, province == -1L ? null : province, year));
		}, (code, locale) -> names.getOrDefault(code, code));
	}

	RuleSetting resolve(FundingRule rule, @Nullable Long provinceId, int year) {
		RuleSetting merged = rule.defaults();
		List<RuleSetting> rows = new ArrayList<>(store.settingRows(rule, provinceId, year));
		java.util.Collections.reverse(rows); // least specific first, most specific last
		for (RuleSetting s : rows) {
			merged = new RuleSetting(rule, s.enabled(), s.month() != null ? s.month() : merged.month(),
					s.day() != null ? s.day() : merged.day(), s.percent() != null ? s.percent() : merged.percent(),
					s.years() != null ? s.years() : merged.years(), s.amount() != null ? s.amount() : merged.amount());
		}
		return merged;
	}

	private long provinceOf(long unitId) {
		LocalDate at = today();
		var version = units.find(unitId, at);
		LocalDate when = version.isPresent() ? at : lastDay(unitId);
		if (version.isPresent() && version.get().level() == 1) {
			return unitId;
		}
		return units.ancestors(unitId, when)
			.stream()
			.filter(u -> u.level() == 1)
			.map(UnitRef::id)
			.findFirst()
			.orElse(-1L);
	}

	private LocalDate lastDay(long unitId) {
		var history = units.history(unitId);
		return history.versions()
			.stream()
			.map(v -> v.version().validTo())
			.filter(java.util.Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(today());
	}

	@Override
	@Transactional(readOnly = true)
	public List<RuleSetting> settings(long provinceId, int year) {
		access.requireRead(provinceId);
		return java.util.Arrays.stream(FundingRule.values()).map(r -> resolve(r, provinceId, year)).toList();
	}

	@Override
	@Transactional
	public void saveSetting(long provinceId, @Nullable Integer year, RuleSetting setting) {
		access.requireActOn(provinceId, Permission.FUNDING_EDIT);
		UnitRef province = units.find(provinceId, today())
			.filter(u -> u.level() == 1)
			.orElseThrow(() -> new BusinessRuleException("funding.rule.provinceOnly"));
		RuleSetting before = resolve(setting.rule(), provinceId, year == null ? today().getYear() : year);
		store.upsertSetting(provinceId, year, setting, actor());
		audit.record(
				AuditRecord.updated("funding_rule", setting.rule().name() + "/" + provinceId + "/" + year,
						province.fullName(), "Đổi quy tắc nguồn vốn " + setting.rule().name() + " của "
								+ province.fullName() + (year == null ? " (mọi năm)" : " năm " + year),
						before, setting));
	}

	@Override
	@Transactional(readOnly = true)
	public List<FundingViews.RuleRow> ruleRows(long provinceId, int year) {
		access.requireRead(provinceId);
		checkYear(year);
		List<FundingViews.RuleRow> rows = new ArrayList<>();
		for (FundingRule rule : FundingRule.values()) {
			var ofYear = store.ownSetting(rule, provinceId, year);
			var ofAll = store.ownSetting(rule, provinceId, null);
			rows.add(new FundingViews.RuleRow(rule, resolve(rule, provinceId, year),
					ofYear.map(FundingStore.OwnSetting::setting).orElse(null),
					ofYear.map(FundingStore.OwnSetting::version).orElse(0),
					ofAll.map(FundingStore.OwnSetting::setting).orElse(null),
					ofAll.map(FundingStore.OwnSetting::version).orElse(0)));
		}
		return rows;
	}

	@Override
	@Transactional
	public void saveSetting(long provinceId, @Nullable Integer year, RuleSetting setting, int expectedVersion) {
		access.requireActOn(provinceId, Permission.FUNDING_EDIT);
		UnitRef province = units.find(provinceId, today())
			.filter(u -> u.level() == 1)
			.orElseThrow(() -> new BusinessRuleException("funding.rule.provinceOnly"));
		if (year != null) {
			checkYear(year, "scope");
		}
		checkSetting(setting);
		RuleSetting before = store.ownSetting(setting.rule(), provinceId, year)
			.map(FundingStore.OwnSetting::setting)
			.orElse(null);
		if (store.saveSetting(provinceId, year, setting, expectedVersion, actor()) != 1) {
			String what = "quy tắc " + setting.rule().name() + " của " + province.fullName();
			FundingStore.Changed changed = store.settingChanged(setting.rule(), provinceId, year)
				.orElse(new FundingStore.Changed("?", java.time.Instant.now()));
			throw new ConcurrentChangeException(what, changed.by(), changed.at());
		}
		audit.record(
				AuditRecord.updated("funding_rule", setting.rule().name() + "/" + provinceId + "/" + year,
						province.fullName(), "Đổi quy tắc nguồn vốn " + setting.rule().name() + " của "
								+ province.fullName() + (year == null ? " (mọi năm)" : " năm " + year),
						before, setting));
	}

	/** A setting's figures within their bounds, each problem naming its field. */
	private static void checkSetting(RuleSetting s) {
		if (s.month() != null && (s.month() < 1 || s.month() > 12)) {
			throw new FundingFieldException("month", "funding.setting.month", s.month());
		}
		if (s.day() != null && (s.day() < 1 || s.day() > 31)) {
			throw new FundingFieldException("day", "funding.setting.day", s.day());
		}
		if ((s.month() == null) != (s.day() == null)) {
			throw new FundingFieldException(s.month() == null ? "month" : "day", "funding.setting.dayAndMonth");
		}
		if (s.percent() != null
				&& (s.percent().signum() < 0 || s.percent().compareTo(new java.math.BigDecimal("100")) > 0)) {
			throw new FundingFieldException("percent", "funding.setting.percent", VnFormat.number(s.percent()));
		}
		if (s.years() != null && (s.years() < 1 || s.years() > 20)) {
			throw new FundingFieldException("years", "funding.setting.years", s.years());
		}
		if (s.amount() != null && s.amount().signum() <= 0) {
			throw new FundingFieldException("amount", "funding.amount.positive", "funding.field.amount");
		}
	}

	// ------------------------------------------------------------------ changes

	@Override
	@Transactional
	public long recordTransaction(NewTransaction t) {
		return recordTransaction(t, null, false);
	}

	long recordTransaction(NewTransaction t, @Nullable Long documentId, boolean illustration) {
		access.requireActOn(t.unitId(), Permission.FUNDING_EDIT);
		if (!KINDS.contains(t.kind())) {
			throw new FundingFieldException("kind", "funding.transaction.kind", t.kind());
		}
		checkSource(t.source());
		checkAmount(t.amount(), "funding.field.amount");
		checkYear(t.year());
		if (t.purpose() != null && !PURPOSES.contains(t.purpose())) {
			throw new FundingFieldException("purpose", "funding.transaction.purpose", t.purpose());
		}
		if ("CARRY_IN".equals(t.kind()) && (t.fromYear() == null || t.fromYear() >= t.year() || t.deadline() == null)) {
			throw new FundingFieldException(t.fromYear() == null || t.fromYear() >= t.year() ? "fromYear" : "deadline",
					"funding.transaction.carryOver");
		}
		if ("CUT".equals(t.kind())) {
			Money assigned = assigned(t.unitId(), t.year(), t.source());
			if (t.amount().exceeds(assigned)) {
				throw new FundingFieldException("amount", "funding.transaction.cutTooLarge", money(t.amount()),
						money(assigned));
			}
		}
		long id = store.insertTransaction(t, documentId, null, illustration, actor());
		String unit = unitName(t.unitId(), today());
		audit.record(AuditRecord.created("capital_transaction", id, unit, "Ghi " + kindText(t.kind()) + " "
				+ money(t.amount()) + " (" + t.source() + ", năm " + t.year() + ") cho " + unit, t));
		return id;
	}

	private Money assigned(long unitId, int year, String source) {
		return store.txFacts(List.of(unitId), Map.of(), Map.of())
			.stream()
			.filter(x -> x.assigned() && x.year() == year && x.source().equals(source))
			.map(Facts.Tx::amount)
			.reduce(Money.ZERO, Money::plus);
	}

	@Override
	@Transactional
	public void transfer(Transfer t) {
		access.requireActOn(t.fromUnitId(), Permission.FUNDING_EDIT);
		access.requireActOn(t.toUnitId(), Permission.FUNDING_EDIT);
		checkSource(t.source());
		checkAmount(t.amount(), "funding.field.amount");
		if (t.fromUnitId() == t.toUnitId()) {
			throw new FundingFieldException("toUnitId", "funding.transfer.sameUnit");
		}
		Money available = assigned(t.fromUnitId(), t.year(), t.source());
		if (t.amount().exceeds(available)) {
			throw new FundingFieldException("amount", "funding.transfer.tooLarge", money(t.amount()), money(available));
		}
		UUID group = UUID.randomUUID();
		String by = actor();
		long out = store.insertTransaction(new NewTransaction(t.fromUnitId(), t.year(), t.source(), "TRANSFER_OUT",
				t.amount(), t.decision(), t.decidedOn(), null, null, null, t.note()), null, group, false, by);
		store.insertTransaction(new NewTransaction(t.toUnitId(), t.year(), t.source(), "TRANSFER_IN", t.amount(),
				t.decision(), t.decidedOn(), null, null, null, t.note()), null, group, false, by);
		String from = unitName(t.fromUnitId(), today());
		String to = unitName(t.toUnitId(), today());
		audit.record(AuditRecord.created("capital_transaction", out, from, "Điều chuyển " + money(t.amount()) + " ("
				+ t.source() + ", năm " + t.year() + ") từ " + from + " sang " + to, t));
	}

	@Override
	@Transactional
	public long createWork(NewWork w) {
		return createWork(w, false);
	}

	long createWork(NewWork w, boolean illustration) {
		access.requireActOn(w.unitId(), Permission.FUNDING_EDIT);
		if (w.name() == null || w.name().isBlank()) {
			throw new FundingFieldException("name", "funding.work.nameRequired");
		}
		NewWork clean = new NewWork(w.unitId(), VnText.clean(w.name()), blank(w.investor()), blank(w.projectCode()),
				blank(w.criterion()), w.totalInvestment(), w.counterpartRequired(), w.allocatedOn(), w.contractorOn(),
				blank(w.note()));
		if (clean.projectCode() != null && store.projectCodeTaken(clean.projectCode())) {
			throw new FundingFieldException("projectCode", "funding.work.codeTaken", clean.projectCode());
		}
		if (clean.totalInvestment() != null) {
			checkAmount(clean.totalInvestment(), "funding.field.totalInvestment");
		}
		if (clean.counterpartRequired() != null) {
			checkAmount(clean.counterpartRequired(), "funding.field.counterpartRequired");
		}
		long id = store.insertWork(clean, illustration, actor());
		audit.record(AuditRecord.created("funding_work", id, clean.name(),
				"Thêm công trình " + clean.name() + " (" + unitName(clean.unitId(), today()) + ")", clean));
		return id;
	}

	@Override
	@Transactional
	public void updateWork(long workId, WorkEdit e) {
		FundingStore.WorkRow w = lockForChange(workId);
		if (w.version() != e.version()) {
			throw new ConcurrentChangeException(w.name(), w.updatedBy(), w.updatedAt());
		}
		if (e.name() == null || e.name().isBlank()) {
			throw new FundingFieldException("name", "funding.work.nameRequired");
		}
		WorkEdit clean = new WorkEdit(VnText.clean(e.name()), blank(e.investor()), blank(e.projectCode()),
				blank(e.criterion()), e.totalInvestment(), e.counterpartRequired(), e.allocatedOn(), e.contractorOn(),
				blank(e.note()), e.version());
		if (clean.projectCode() != null && store.projectCodeTakenByOther(clean.projectCode(), workId)) {
			throw new FundingFieldException("projectCode", "funding.work.codeTaken", clean.projectCode());
		}
		if (clean.totalInvestment() != null) {
			checkAmount(clean.totalInvestment(), "funding.field.totalInvestment");
		}
		if (clean.counterpartRequired() != null) {
			checkAmount(clean.counterpartRequired(), "funding.field.counterpartRequired");
		}
		if (store.updateWork(workId, clean, actor()) != 1) {
			throw new ConcurrentChangeException(w.name(), w.updatedBy(), w.updatedAt());
		}
		audit.record(AuditRecord.updated("funding_work", workId, clean.name(),
				"Sửa thông tin công trình " + clean.name(), w, clean));
	}

	/**
	 * The work, locked for the rest of the transaction (so that concurrent payments are
	 * compared with what is allocated one after another), once the user may change it.
	 */
	private FundingStore.WorkRow lockForChange(long workId) {
		FundingStore.WorkRow w = store.lockWork(workId)
			.orElseThrow(() -> new NotFoundException("funding.work.notFound", workId));
		access.requireActOn(w.unitId(), Permission.FUNDING_EDIT);
		return w;
	}

	@Override
	@Transactional
	public long allocate(long workId, NewAllocation a) {
		FundingStore.WorkRow w = lockForChange(workId);
		checkSource(a.source());
		checkAmount(a.amount(), "funding.field.amount");
		checkYear(a.year());
		long id = store.insertAllocation(workId, a, actor());
		audit.record(AuditRecord.created("work_allocation", id, w.name(), "Phân bổ " + money(a.amount()) + " ("
				+ a.source() + ", vốn năm " + a.year() + ") cho công trình " + w.name(), a));
		return id;
	}

	@Override
	@Transactional
	public long disburse(long workId, NewDisbursement d) {
		FundingStore.WorkRow w = lockForChange(workId);
		checkSource(d.source());
		checkAmount(d.amount(), "funding.field.amount");
		checkYear(d.year());
		if (d.paidOn().isAfter(today())) {
			throw new FundingFieldException("paidOn", "funding.disbursement.future", VnFormat.date(d.paidOn()));
		}
		Money allocated = store.allocatedTo(workId, d.year(), d.source());
		Money paid = store.paidTo(workId, d.year(), d.source());
		Money remaining = allocated.minus(paid);
		if (d.amount().exceeds(remaining)) {
			throw new FundingFieldException("amount", "funding.disbursement.exceeds", money(d.amount()), w.name(),
					sourceNames().getOrDefault(d.source(), d.source()), String.valueOf(d.year()), money(allocated),
					money(paid), money(remaining.max(Money.ZERO)));
		}
		long id = store.insertDisbursement(workId, d, actor());
		audit.record(
				AuditRecord.created(
						"disbursement", id, w.name(), "Giải ngân " + money(d.amount()) + " (" + d.source()
								+ ", vốn năm " + d.year() + ") ngày " + VnFormat.date(d.paidOn()) + " cho " + w.name(),
						d));
		return id;
	}

	@Override
	@Transactional
	public void progress(long workId, WorkProgress p) {
		FundingStore.WorkRow w = lockForChange(workId);
		if (w.version() != p.version()) {
			throw new ConcurrentChangeException(w.name(), w.updatedBy(), w.updatedAt());
		}
		checkNotFuture(p.contractorOn(), "contractorOn");
		checkNotFuture(p.completedOn(), "completedOn");
		checkNotFuture(p.settledOn(), "settledOn");
		if (p.settledOn() != null && (p.completedOn() == null || p.settledOn().isBefore(p.completedOn()))) {
			throw new FundingFieldException("settledOn", "funding.work.settledBeforeCompleted");
		}
		if (p.settlementAmount() != null) {
			checkAmount(p.settlementAmount(), "funding.field.settlementAmount");
			if (p.settledOn() == null) {
				throw new FundingFieldException("settledOn", "funding.work.settlementWithoutDate");
			}
		}
		if (p.settlementDecision() != null && p.settlementDecision().length() > 500) {
			throw new FundingFieldException("settlementDecision", "funding.field.tooLong", 500);
		}
		p = new WorkProgress(p.contractorOn(), p.completedOn(), p.settledOn(), p.settlementAmount(), p.version(),
				blank(p.settlementDecision()));
		if (store.updateProgress(workId, p, actor()) != 1) {
			throw new ConcurrentChangeException(w.name(), w.updatedBy(), w.updatedAt());
		}
		audit.record(
				AuditRecord.updated("funding_work", workId, w.name(), "Cập nhật tiến độ công trình " + w.name(), w, p));
	}

	@Override
	@Transactional
	public long requestReallocation(NewRequest r) {
		return requestReallocation(r, false);
	}

	long requestReallocation(NewRequest r, boolean illustration) {
		access.requireActOn(r.unitId(), Permission.FUNDING_EDIT);
		checkSource(r.source());
		checkAmount(r.amount(), "funding.field.amount");
		checkYear(r.year());
		long id = store.insertRequest(r, illustration, actor());
		String unit = unitName(r.unitId(), today());
		audit.record(AuditRecord.created("reallocation_request", id, unit,
				"Đề nghị điều chuyển " + money(r.amount()) + " vốn năm " + r.year() + " của " + unit, r));
		return id;
	}

	@Override
	@Transactional
	public void completeReallocation(long requestId, LocalDate completedOn) {
		FundingViews.RequestView before = store.requests(store.fundedUnits(), Map.of(), Map.of())
			.stream()
			.filter(r -> r.id() == requestId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("funding.request.notFound", requestId));
		access.requireActOn(before.unitId(), Permission.FUNDING_EDIT);
		store.completeRequest(requestId, completedOn);
		audit.record(AuditRecord.updated("reallocation_request", requestId, "#" + requestId,
				"Hoàn thành điều chuyển ngày " + VnFormat.date(completedOn), before, completedOn));
	}

	// ------------------------------------------------------------------ reorganization

	/**
	 * Moves the funding records of an ended unit to its single successor, each move
	 * recorded (the history) and audited.
	 */
	@Transactional
	int moveToSuccessor(long ended, long successor, LocalDate effective, long eventId) {
		int moved = 0;
		String from = nameAnyTime(ended, effective.minusDays(1));
		String to = nameAnyTime(successor, effective);
		for (Long id : store.idsOf("funding_work", ended)) {
			store.insertMove("WORK", id, ended, successor, effective, eventId);
			moved++;
		}
		for (Long id : store.idsOf("capital_transaction", ended)) {
			store.insertMove("PLAN", id, ended, successor, effective, eventId);
			moved++;
		}
		for (Long id : store.idsOf("reallocation_request", ended)) {
			store.insertMove("REQUEST", id, ended, successor, effective, eventId);
			moved++;
		}
		store.moveUnit("funding_work", ended, successor);
		store.moveUnit("capital_transaction", ended, successor);
		store.moveUnit("reallocation_request", ended, successor);
		store.moveUnit("funding_document", ended, successor);
		if (moved > 0) {
			audit.record(new AuditRecord("MOVE", "funding_unit", String.valueOf(ended), from,
					"Chuyển " + moved + " bản ghi nguồn vốn (công trình, kế hoạch vốn) của " + from + " sang " + to
							+ " từ ngày " + VnFormat.date(effective),
					Map.of("unitId", ended), Map.of("unitId", successor)));
		}
		return moved;
	}

	// ------------------------------------------------------------------ helpers

	@Override
	public void requireEdit(long unitId) {
		access.requireActOn(unitId, Permission.FUNDING_EDIT);
	}

	/** The unit and every unit below it as of {@code at}, with names. */
	Map<Long, String> subtree(long unitId, LocalDate at) {
		Map<Long, String> names = new LinkedHashMap<>();
		names.put(unitId, unitName(unitId, at));
		// a unit that has ended: the units below it on its last day
		LocalDate when = units.find(unitId, at).isPresent() ? at : lastDay(unitId);
		if (units.find(unitId, when).isEmpty()) {
			return names;
		}
		for (UnitRef u : units.descendants(unitId, when)) {
			names.put(u.id(), u.fullName());
		}
		return names;
	}

	String unitName(long unitId, LocalDate at) {
		return units.find(unitId, at).map(UnitRef::fullName).orElseGet(() -> nameAnyTime(unitId, at));
	}

	/**
	 * The unit's name at {@code at}, else its latest version's (no exception: a failing
	 * read would mark the caller's transaction for rollback).
	 */
	private String nameAnyTime(long unitId, LocalDate at) {
		return units.find(unitId, at)
			.map(UnitRef::fullName)
			.orElseGet(() -> units.history(unitId)
				.versions()
				.stream()
				.reduce((a, b) -> b)
				.map(v -> v.version().fullName())
				.orElse("#" + unitId));
	}

	private void checkSource(String code) {
		if (store.sources().stream().noneMatch(s -> s.code().equals(code) && s.active())) {
			throw new FundingFieldException("source", "funding.source.unknown", code);
		}
	}

	/** {@code field}: the key {@code funding.field.<property>} naming the amount. */
	private static void checkAmount(Money amount, String field) {
		if (!amount.isPositive()) {
			throw new FundingFieldException(field.substring(field.lastIndexOf('.') + 1), "funding.amount.positive",
					field);
		}
	}

	private static void checkYear(int year) {
		checkYear(year, "year");
	}

	private static void checkYear(int year, String field) {
		if (year < 2000 || year > 2100) {
			throw new FundingFieldException(field, "funding.year.invalid", String.valueOf(year));
		}
	}

	private void checkNotFuture(@Nullable LocalDate date, String field) {
		if (date != null && date.isAfter(today())) {
			throw new FundingFieldException(field, "funding.date.future", VnFormat.date(date));
		}
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : VnText.clean(text);
	}

	private static String kindText(String kind) {
		return switch (kind) {
			case "PLAN" -> "kế hoạch vốn (dự kiến)";
			case "ASSIGN" -> "giao vốn";
			case "SUPPLEMENT" -> "bổ sung vốn";
			case "CUT" -> "cắt giảm vốn";
			case "CARRY_IN" -> "vốn chuyển nguồn";
			default -> kind;
		};
	}

	static String money(Money amount) {
		return amount.format(MoneyUnit.TRIEU);
	}

	String actor() {
		return access.currentIfAny().map(CurrentUser::username).orElse(SystemTask.ACTOR);
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	Function<Long, String> names(LocalDate at) {
		return id -> unitName(id, at);
	}

}
