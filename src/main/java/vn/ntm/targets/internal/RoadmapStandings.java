package vn.ntm.targets.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.ntm.targets.RoadmapBoard;
import vn.ntm.targets.RoadmapConflict;
import vn.ntm.targets.RoadmapCriteriaTarget;
import vn.ntm.targets.RoadmapRule;
import vn.ntm.targets.RoadmapStanding;
import vn.ntm.targets.RoadmapStatus;
import vn.ntm.targets.RoadmapTarget;

/**
 * Applies {@link RoadmapRule} to targets at a date, reading each input once per title for
 * all the units; lays out the board and finds the conflicts between plans.
 */
@Component
class RoadmapStandings {

	private final RoadmapInputs inputs;

	RoadmapStandings(RoadmapInputs inputs) {
		this.inputs = inputs;
	}

	List<RoadmapStanding> standings(List<RoadmapTarget> targets, List<RoadmapCriteriaTarget> counts, LocalDate at) {
		List<Long> unitIds = targets.stream().map(RoadmapTarget::unitId).distinct().toList();
		Map<Long, Set<String>> held = inputs.titlesHeld(unitIds, at);
		Map<String, Map<Long, RoadmapRule.Result>> results = new HashMap<>();
		Map<String, Map<Long, RoadmapRule.Dossier>> dossiers = new HashMap<>();
		List<RoadmapStanding> standings = new ArrayList<>();
		for (RoadmapTarget target : targets) {
			Map<Long, RoadmapRule.Result> ofTitle = results.computeIfAbsent(target.titleCode(),
					code -> inputs.latestResults(unitsOf(targets, code), code, at));
			Map<Long, RoadmapRule.Dossier> ofYear = dossiers.computeIfAbsent(target.titleCode() + "/" + target.year(),
					key -> inputs.dossiers(unitsOf(targets, target.titleCode()), target.titleCode(), target.year()));
			Integer count = counts.stream()
				.filter(c -> c.unitId() == target.unitId() && c.titleCode().equals(target.titleCode())
						&& c.year() == at.getYear())
				.map(RoadmapCriteriaTarget::criteriaCount)
				.max(Integer::compare)
				.orElse(null);
			RoadmapRule.Facts facts = new RoadmapRule.Facts(target.unitName(), target.titleCode(), target.titleName(),
					target.year(), target.dossierDue(),
					held.getOrDefault(target.unitId(), Set.of()).contains(target.titleCode()),
					ofTitle.get(target.unitId()), count,
					ofYear.getOrDefault(target.unitId(), RoadmapRule.Dossier.unknown()));
			RoadmapRule.Outcome outcome = RoadmapRule.evaluate(facts, at);
			standings.add(new RoadmapStanding(target, outcome.status(), outcome.reason()));
		}
		return standings;
	}

	private static Set<Long> unitsOf(List<RoadmapTarget> targets, String titleCode) {
		return targets.stream()
			.filter(t -> t.titleCode().equals(titleCode))
			.map(RoadmapTarget::unitId)
			.collect(Collectors.toSet());
	}

	static RoadmapBoard board(long parentId, String parentName, @Nullable String titleCode, LocalDate at,
			List<RoadmapStanding> standings, List<RoadmapConflict> conflicts) {
		List<Integer> years = new ArrayList<>(
				new TreeSet<>(standings.stream().map(s -> s.target().year()).collect(Collectors.toSet())));
		Map<Long, List<RoadmapStanding>> byUnit = new LinkedHashMap<>();
		standings.stream()
			.sorted(Comparator.comparing((RoadmapStanding s) -> s.target().unitName()))
			.forEach(s -> byUnit.computeIfAbsent(s.target().unitId(), k -> new ArrayList<>()).add(s));
		List<RoadmapBoard.Row> rows = new ArrayList<>();
		byUnit.forEach((unitId, ofUnit) -> {
			List<List<RoadmapStanding>> cells = new ArrayList<>();
			for (int year : years) {
				cells.add(ofUnit.stream().filter(s -> s.target().year() == year).toList());
			}
			rows.add(new RoadmapBoard.Row(unitId, ofUnit.get(0).target().unitName(), cells));
		});
		Map<RoadmapStatus, Integer> counts = new EnumMap<>(RoadmapStatus.class);
		for (RoadmapStatus status : RoadmapStatus.values()) {
			counts.put(status, (int) standings.stream().filter(s -> s.status() == status).count());
		}
		return new RoadmapBoard(parentId, parentName, at, titleCode, years, rows, counts, conflicts,
				List.copyOf(standings));
	}

	/** Units and titles for which the targets name more than one year. */
	static List<RoadmapConflict> conflicts(List<RoadmapTarget> targets) {
		Map<String, List<RoadmapTarget>> byUnitAndTitle = new LinkedHashMap<>();
		targets.forEach(
				t -> byUnitAndTitle.computeIfAbsent(t.unitId() + "/" + t.titleCode(), k -> new ArrayList<>()).add(t));
		List<RoadmapConflict> conflicts = new ArrayList<>();
		byUnitAndTitle.values().forEach(group -> {
			if (group.stream().map(RoadmapTarget::year).distinct().count() > 1) {
				RoadmapTarget first = group.get(0);
				conflicts.add(new RoadmapConflict(first.unitId(), first.unitName(), first.titleCode(),
						first.titleName(), group.stream().sorted(Comparator.comparing(RoadmapTarget::year)).toList()));
			}
		});
		return conflicts;
	}

}
