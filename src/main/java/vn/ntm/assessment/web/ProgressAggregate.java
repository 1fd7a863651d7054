package vn.ntm.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.ntm.orgunit.UnitRef;

/**
 * The progress of a large unit summed up: one row per unit directly below the root with
 * its units per state of the path (not opened, draft, submitted, returned, reviewed,
 * approved) and the longest wait — then drill down, per unit or per state.
 *
 * @param groups the units directly below the root with units in them (those with units in
 * the state asked for, when one is)
 * @param total the whole root, all states
 */
record ProgressAggregate(List<Group> groups, Group total) {

	/**
	 * @param single the unit is itself one of the rows: it links to its evaluation
	 * @param states units per state, in the order of {@link ProgressReport#STATES}
	 * @param longest the most days a unit has been waiting in its state (none when no
	 * unit has an assessment)
	 */
	record Group(long unitId, String label, boolean single, int units, Map<String, Integer> states,
			@Nullable Long longest) {

		public int count(String state) {
			return states.getOrDefault(state, 0);
		}

	}

	static ProgressAggregate of(ProgressReport report, UnitGroups groups) {
		List<ProgressReport.Row> all = report.all();
		Map<Long, List<ProgressReport.Row>> byGroup = new LinkedHashMap<>();
		List<UnitRef> order = groups.groups(all.stream().map(ProgressReport.Row::unitId).toList());
		order.forEach(g -> byGroup.put(g.id(), new ArrayList<>()));
		all.forEach(r -> byGroup.get(groups.groupOf(r.unitId()).id()).add(r));
		List<Group> rows = new ArrayList<>();
		for (UnitRef unit : order) {
			List<ProgressReport.Row> lines = byGroup.get(unit.id());
			boolean single = lines.size() == 1 && lines.get(0).unitId() == unit.id();
			Group group = group(unit.id(), single ? lines.get(0).label() : unit.fullName(), single, lines);
			if (report.state() == null || group.count(report.state()) > 0) {
				rows.add(group);
			}
		}
		return new ProgressAggregate(rows, group(groups.rootId(), "", false, all));
	}

	private static Group group(long id, String label, boolean single, List<ProgressReport.Row> lines) {
		Map<String, Integer> states = new LinkedHashMap<>();
		ProgressReport.STATES.forEach(s -> states.put(s, 0));
		Long longest = null;
		for (ProgressReport.Row line : lines) {
			states.merge(line.state(), 1, Integer::sum);
			if (line.days() != null && (longest == null || line.days() > longest)) {
				longest = line.days();
			}
		}
		return new Group(id, label, single, lines.size(), states, longest);
	}

}
