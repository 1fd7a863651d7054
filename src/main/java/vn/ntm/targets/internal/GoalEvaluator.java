package vn.ntm.targets.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.UnitFate;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.VnFormat;
import vn.ntm.targets.Goal;
import vn.ntm.targets.GoalMeasure;
import vn.ntm.targets.GoalProgress;
import vn.ntm.targets.GoalReason;
import vn.ntm.targets.GoalStatusRule;

/**
 * Evaluates goals at a date from the units below the parent (orgunit), the titles they
 * hold, the latest assessment results, the registry entries and the roadmaps; the status
 * itself is {@link GoalStatusRule}'s. Units are read as of the date, or as of the
 * parent's last day when it ended before (Tỉnh Quảng Nam on 30/06/2025).
 */
@Component
class GoalEvaluator {

	/** How many units a reason names before "… và N đơn vị khác". */
	static final int NAMED = 12;

	private final UnitManagement units;

	private final UnitDirectory directory;

	private final GoalTitleSource titles;

	private final GoalPlanSource plans;

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final JdbcClient jdbc;

	GoalEvaluator(UnitManagement units, UnitDirectory directory, GoalTitleSource titles, GoalPlanSource plans,
			AssessmentManagement assessments, CriteriaCatalog catalog, JdbcClient jdbc) {
		this.units = units;
		this.directory = directory;
		this.titles = titles;
		this.plans = plans;
		this.assessments = assessments;
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	List<GoalProgress> evaluate(long parentId, List<Goal> goals, LocalDate at) {
		if (goals.isEmpty()) {
			return List.of();
		}
		Context context = new Context(parentId, at);
		return goals.stream().map(goal -> evaluate(goal, context)).toList();
	}

	/** What several goals of one parent share at one date, read once. */
	private final class Context {

		final long parentId;

		final LocalDate at;

		final LocalDate asOf;

		final @Nullable UnitFate fate;

		private @Nullable List<UnitRef> below;

		private final Map<Long, Set<String>> held = new HashMap<>();

		private final Map<String, Map<Long, Map<String, Set<String>>>> classifications = new HashMap<>();

		Context(long parentId, LocalDate at) {
			this.parentId = parentId;
			this.at = at;
			Optional<UnitRef> now = units.find(parentId, at);
			UnitFate ended = now.isPresent() ? null : units.fate(parentId).orElse(null);
			this.fate = ended != null && ended.lastDay().isBefore(at) ? ended : null;
			this.asOf = fate != null ? fate.lastDay() : at;
		}

		List<UnitRef> below() {
			if (below == null) {
				below = units.descendants(parentId, asOf);
			}
			return below;
		}

		List<UnitRef> communes() {
			return below().stream().filter(u -> u.type() == UnitType.XA).toList();
		}

		List<UnitRef> ofLevel(int level) {
			return level == 3 ? communes() : below().stream().filter(u -> u.level() == level).toList();
		}

		Map<Long, Set<String>> held(List<UnitRef> of) {
			List<Long> missing = of.stream().map(UnitRef::id).filter(id -> !held.containsKey(id)).toList();
			if (!missing.isEmpty()) {
				Map<Long, Set<String>> read = titles.titlesHeld(missing, asOf);
				missing.forEach(id -> held.put(id, read.getOrDefault(id, Set.of())));
			}
			return held;
		}

		Map<Long, Map<String, Set<String>>> classified(String scheme) {
			return classifications.computeIfAbsent(scheme,
					s -> units.classificationsAt(parentId, Set.of(s), asOf, true));
		}

	}

	private GoalProgress evaluate(Goal goal, Context c) {
		GoalMeasure m = goal.measure();
		Result r;
		if (m instanceof GoalMeasure.TitleHolders t) {
			r = titleHolders(goal, t, c);
		}
		else if (m instanceof GoalMeasure.NoChildBelow b) {
			r = noChildBelow(b, c);
		}
		else if (m instanceof GoalMeasure.NoDistrictWithout d) {
			r = noDistrictWithout(goal, d, c);
		}
		else if (m instanceof GoalMeasure.UnitTitle u) {
			r = unitTitle(u, c);
		}
		else {
			r = registryTotal((GoalMeasure.RegistryTotal) m, c);
		}
		GoalStatusRule.Judgement judgement = GoalStatusRule.judge(c.at, goal.dueOn(), goal.measure().direction(),
				r.target, r.value, r.projected);
		List<GoalReason> reasons = new ArrayList<>(judgement.reasons());
		reasons.addAll(r.reasons);
		if (c.fate != null) {
			reasons.add(GoalReason.of("targets.reason.ended", directory.label(c.parentId),
					VnFormat.date(c.fate.lastDay())));
		}
		List<GoalReason> flags = new ArrayList<>(r.flags);
		if (goal.reported()) {
			flags.add(GoalReason.of("targets.flag.reported", goal.source() == null ? "" : goal.source()));
		}
		return new GoalProgress(goal, c.at, c.asOf, r.value, r.target, r.projected, r.base, judgement.status(), reasons,
				flags, r.missing, r.planned, judgement.daysLeft());
	}

	private static final class Result {

		BigDecimal value = BigDecimal.ZERO;

		BigDecimal target = BigDecimal.ZERO;

		@Nullable BigDecimal projected;

		@Nullable Integer base;

		final List<GoalReason> reasons = new ArrayList<>();

		final List<GoalReason> flags = new ArrayList<>();

		List<String> missing = List.of();

		List<String> planned = List.of();

	}

	private Result titleHolders(Goal goal, GoalMeasure.TitleHolders t, Context c) {
		Result r = new Result();
		List<UnitRef> candidates = c.ofLevel(t.childLevel());
		Optional<String[]> pair = t.classificationPair();
		if (pair.isPresent()) {
			Map<Long, Map<String, Set<String>>> classified = c.classified(pair.get()[0]);
			candidates = candidates.stream()
				.filter(u -> classified.getOrDefault(u.id(), Map.of())
					.getOrDefault(pair.get()[0], Set.of())
					.contains(pair.get()[1]))
				.toList();
		}
		Map<Long, Set<String>> held = c.held(candidates);
		List<UnitRef> base = t.baseTitleCode() == null ? candidates
				: candidates.stream().filter(u -> held.get(u.id()).contains(t.baseTitleCode())).toList();
		List<UnitRef> holding = base.stream().filter(u -> t.heldBy(held.get(u.id()))).toList();
		r.base = base.size();
		r.value = BigDecimal.valueOf(holding.size());
		int judgedBase = t.statedBase() != null ? t.statedBase() : base.size();
		r.target = t.required(judgedBase);
		r.flags.addAll(t.flags(base.size()));
		r.reasons.add(GoalReason.of(t.baseTitleCode() == null ? "targets.reason.baseAll" : "targets.reason.baseHolding",
				VnFormat.number(base.size()), t.baseTitleCode() == null ? "" : title(t.baseTitleCode()),
				VnFormat.number(holding.size()),
				base.isEmpty() ? "—" : VnFormat.fixed(holding.size() * 100.0 / base.size(), 2)));
		List<String> without = base.stream()
			.filter(u -> !t.heldBy(held.get(u.id())))
			.map(UnitRef::fullName)
			.sorted()
			.toList();
		r.missing = without;
		Set<Long> baseIds = new HashSet<>(base.stream().map(UnitRef::id).toList());
		Optional<List<GoalPlanSource.Planned>> planned = plans.plannedBelow(c.parentId, t.titleCodes(),
				goal.dueOn().getYear());
		if (planned.isPresent()) {
			List<GoalPlanSource.Planned> coming = planned.get()
				.stream()
				.filter(p -> baseIds.contains(p.unitId()) || t.baseTitleCode() != null)
				.filter(p -> !t.heldBy(held.getOrDefault(p.unitId(), Set.of())))
				.toList();
			r.projected = r.value.add(BigDecimal.valueOf(coming.size()));
			r.planned = coming.stream()
				.sorted(Comparator.comparing(GoalPlanSource.Planned::year)
					.thenComparing(GoalPlanSource.Planned::unitName))
				.map(p -> p.unitName() + " (" + p.year() + ")")
				.toList();
			if (!coming.isEmpty()) {
				r.reasons
					.add(GoalReason.of("targets.reason.planned", VnFormat.number(coming.size()), named(r.planned)));
			}
		}
		if (!without.isEmpty() && r.value.compareTo(r.target) < 0) {
			r.reasons
				.add(GoalReason.of("targets.reason.missingUnits", VnFormat.number(without.size()), named(without)));
		}
		return r;
	}

	private Result noChildBelow(GoalMeasure.NoChildBelow b, Context c) {
		Result r = new Result();
		r.target = BigDecimal.ZERO;
		int year = c.asOf.getYear();
		Map<Long, UnitEvaluation> latest = new LinkedHashMap<>();
		Map<Long, Integer> yearOf = new HashMap<>();
		Set<Long> communes = new HashSet<>(c.communes().stream().map(UnitRef::id).toList());
		for (int y = year; y >= year - 2; y--) {
			Optional<SetSummary> set = catalog.inForce(b.setCode(), y == year ? c.asOf : LocalDate.of(y, 12, 31));
			if (set.isEmpty()) {
				continue;
			}
			for (UnitEvaluation e : assessments.evaluateWithin(c.parentId, set.get().id(), y)) {
				if (e.assessmentId() != null && communes.contains(e.unitId()) && !latest.containsKey(e.unitId())) {
					latest.put(e.unitId(), e);
					yearOf.put(e.unitId(), y);
				}
			}
		}
		List<String> below = new ArrayList<>();
		latest.values()
			.stream()
			.filter(e -> e.evaluation().summary().met() < b.minCriteria())
			.sorted(Comparator.comparing(UnitEvaluation::label))
			.forEach(e -> below
				.add(e.label() + ": " + e.evaluation().summary().ratio() + " (" + yearOf.get(e.unitId()) + ")"));
		r.value = BigDecimal.valueOf(below.size());
		r.base = latest.size();
		r.missing = below;
		r.reasons.add(GoalReason.of("targets.reason.assessed", VnFormat.number(latest.size()),
				VnFormat.number(communes.size()), String.valueOf(b.minCriteria())));
		if (!below.isEmpty()) {
			r.reasons.add(GoalReason.of("targets.reason.below", VnFormat.number(below.size()),
					String.valueOf(b.minCriteria()), named(below)));
		}
		int unknown = communes.size() - latest.size();
		if (unknown > 0) {
			r.flags.add(GoalReason.of("targets.flag.unassessed", VnFormat.number(unknown)));
		}
		return r;
	}

	private Result noDistrictWithout(Goal goal, GoalMeasure.NoDistrictWithout d, Context c) {
		Result r = new Result();
		r.target = BigDecimal.ZERO;
		List<UnitRef> communes = c.communes();
		Map<Long, Set<String>> held = c.held(communes);
		Map<Long, String> districts = new LinkedHashMap<>();
		c.below().stream().filter(u -> u.level() == 2).forEach(u -> districts.put(u.id(), u.fullName()));
		Map<Long, List<UnitRef>> byDistrict = new HashMap<>();
		for (UnitRef commune : communes) {
			if (commune.parentId() != null && districts.containsKey(commune.parentId())) {
				byDistrict.computeIfAbsent(commune.parentId(), k -> new ArrayList<>()).add(commune);
			}
		}
		List<Long> without = byDistrict.entrySet()
			.stream()
			.filter(e -> e.getValue().stream().noneMatch(u -> held.get(u.id()).contains(d.titleCode())))
			.map(Map.Entry::getKey)
			.toList();
		r.base = byDistrict.size();
		r.value = BigDecimal.valueOf(without.size());
		r.missing = without.stream().map(districts::get).sorted().toList();
		r.reasons.add(GoalReason.of("targets.reason.districts", VnFormat.number(byDistrict.size()),
				title(d.titleCode()), VnFormat.number(without.size())));
		if (!without.isEmpty()) {
			r.reasons.add(GoalReason.of("targets.reason.districtsWithout", named(r.missing)));
		}
		Optional<List<GoalPlanSource.Planned>> planned = plans.plannedBelow(c.parentId, List.of(d.titleCode()),
				goal.dueOn().getYear());
		if (planned.isPresent()) {
			Set<Long> plannedIds = new HashSet<>(planned.get().stream().map(GoalPlanSource.Planned::unitId).toList());
			List<Long> stillWithout = without.stream()
				.filter(id -> byDistrict.get(id).stream().noneMatch(u -> plannedIds.contains(u.id())))
				.toList();
			r.projected = BigDecimal.valueOf(stillWithout.size());
			r.planned = without.stream().filter(id -> !stillWithout.contains(id)).map(districts::get).sorted().toList();
		}
		return r;
	}

	private Result unitTitle(GoalMeasure.UnitTitle u, Context c) {
		Result r = new Result();
		r.target = BigDecimal.ONE;
		String name = directory.label(u.subjectUnitId());
		Set<String> held = titles.titlesHeld(List.of(u.subjectUnitId()), c.asOf)
			.getOrDefault(u.subjectUnitId(), Set.of());
		boolean holds = held.contains(u.titleCode());
		r.value = holds ? BigDecimal.ONE : BigDecimal.ZERO;
		r.missing = holds ? List.of() : List.of(name);
		r.reasons.add(GoalReason.of(holds ? "targets.reason.unitHolds" : "targets.reason.unitLacks", name,
				title(u.titleCode())));
		return r;
	}

	private Result registryTotal(GoalMeasure.RegistryTotal t, Context c) {
		Result r = new Result();
		Set<Long> below = directory.everBelow(List.of(c.parentId));
		BigDecimal sum = jdbc.sql("""
				select coalesce(sum(quantity), 0) from goal_registry_entry
				where unit_id in (:units) and kind = :kind and entry_date <= :at
				""")
			.param("units", below)
			.param("kind", t.registryKind().name())
			.param("at", c.at)
			.query(BigDecimal.class)
			.single();
		int entries = jdbc.sql("""
				select count(*) from goal_registry_entry
				where unit_id in (:units) and kind = :kind and entry_date <= :at
				""")
			.param("units", below)
			.param("kind", t.registryKind().name())
			.param("at", c.at)
			.query(Integer.class)
			.single();
		r.value = GoalService.strip(sum);
		r.target = t.total();
		r.reasons.add(GoalReason.of("targets.reason.registry", VnFormat.number(entries), VnFormat.number(r.value),
				t.measure(), VnFormat.date(c.at)));
		return r;
	}

	private String title(String code) {
		return catalog.titles().stream().filter(t -> t.code().equals(code)).map(t -> t.name()).findFirst().orElse(code);
	}

	static String named(List<String> names) {
		if (names.size() <= NAMED) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, NAMED)) + " … (+" + (names.size() - NAMED) + ")";
	}

}
