package vn.ntm.assessment.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.criteria.engine.RevocationVerdict;
import vn.ntm.criteria.engine.TitleVerdict;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.VnFormat;

/**
 * The list of a large unit's units summed up: one row per unit directly below the root
 * with its units, those entered, qualifying, at risk of revocation and to be revoked, and
 * the average of criteria met — then drill down.
 *
 * @param groups the units directly below the root (with units at risk or to be revoked
 * only, when asked)
 * @param total the whole root
 */
record WithinAggregate(List<Group> groups, Group total) {

	/**
	 * @param single the unit is itself one of the rows: it links to its evaluation
	 */
	record Group(long unitId, String label, boolean single, int units, int entered, int qualifying, int atRisk,
			int revoke, int metSum) {

		/** The average number of criteria met per unit: "17,4". */
		public String average() {
			return units == 0 ? "—" : VnFormat
				.fixed(BigDecimal.valueOf(metSum).divide(BigDecimal.valueOf(units), 1, RoundingMode.HALF_UP), 1);
		}

	}

	static WithinAggregate of(List<UnitEvaluation> all, UnitGroups groups, boolean atRiskOnly) {
		Map<Long, List<UnitEvaluation>> byGroup = new LinkedHashMap<>();
		List<UnitRef> order = groups.groups(all.stream().map(UnitEvaluation::unitId).toList());
		order.forEach(g -> byGroup.put(g.id(), new ArrayList<>()));
		all.forEach(u -> byGroup.get(groups.groupOf(u.unitId()).id()).add(u));
		List<Group> rows = new ArrayList<>();
		for (UnitRef unit : order) {
			List<UnitEvaluation> units = byGroup.get(unit.id());
			boolean single = units.size() == 1 && units.get(0).unitId() == unit.id();
			Group group = group(unit.id(), single ? units.get(0).label() : unit.fullName(), single, units);
			if (!atRiskOnly || group.atRisk() + group.revoke() > 0) {
				rows.add(group);
			}
		}
		return new WithinAggregate(rows, group(groups.rootId(), "", false, all));
	}

	private static Group group(long id, String label, boolean single, List<UnitEvaluation> units) {
		int entered = 0;
		int qualifying = 0;
		int atRisk = 0;
		int revoke = 0;
		int metSum = 0;
		for (UnitEvaluation unit : units) {
			var evaluation = unit.evaluation();
			if (unit.assessmentId() != null) {
				entered++;
			}
			if (evaluation.title().outcome() == TitleVerdict.Outcome.QUALIFIES) {
				qualifying++;
			}
			if (evaluation.revocation().outcome() == RevocationVerdict.Outcome.AT_RISK) {
				atRisk++;
			}
			if (evaluation.revocation().outcome() == RevocationVerdict.Outcome.REVOKE) {
				revoke++;
			}
			metSum += evaluation.summary().met();
		}
		return new Group(id, label, single, units.size(), entered, qualifying, atRisk, revoke, metSum);
	}

}
