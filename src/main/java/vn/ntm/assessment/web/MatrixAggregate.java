package vn.ntm.assessment.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ntm.criteria.engine.Status;
import vn.ntm.criteria.engine.TitleVerdict;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.VnFormat;

/**
 * The matrix of a large unit as the reports sum it up: one row per unit directly below
 * the root (a province of the country, a district of a province) with the number of its
 * units (the matrix's rows, after the filters) meeting each criterion and their share,
 * the average of criteria met, how many meet all, 15 to all but one, 10–14, 5–9 and fewer
 * than 5 criteria, how many qualify for the title and hold it — and the same for the
 * whole root. Counted from the matrix's own rows, so its verdicts are the appraised ones
 * and its units those of the year.
 *
 * @param bands the bands of criteria met, most first
 * @param groups one per unit directly below the root that has rows, in the order of the
 * units of the year
 * @param total the whole root
 */
record MatrixAggregate(List<Band> bands, List<Group> groups, Group total) {

	/**
	 * A band of criteria met: {@code from} to {@code to} both included; {@code to} is the
	 * number of criteria for the band "all".
	 */
	record Band(int from, int to, boolean all) {

		boolean contains(int met) {
			return met >= from && met <= to;
		}

		/** "15–18", "19" (the band "all"); "dưới 5" is the template's. */
		public String range() {
			return all || from == to ? String.valueOf(from) : from + "–" + to;
		}

		public boolean below() {
			return from == 0;
		}

	}

	/**
	 * A unit directly below the root (or the root, for the total) and what its rows
	 * count.
	 *
	 * @param single the unit is itself one of the rows (a commune directly under a
	 * province): it links to its evaluation, not to a matrix
	 * @param met per criterion number, how many rows meet it
	 * @param inBands per band, how many rows
	 */
	record Group(long unitId, String label, boolean single, int units, int entered, Map<String, Integer> met,
			int metSum, int[] inBands, int qualifying, int held) {

		public int met(String criterion) {
			return met.getOrDefault(criterion, 0);
		}

		/** "41,7%" of the units, "—" when there are none. */
		public String share(String criterion) {
			return percent(met(criterion), units);
		}

		public int band(int index) {
			return inBands[index];
		}

		/** The average number of criteria met per unit: "17,4". */
		public String average() {
			return units == 0 ? "—" : VnFormat
				.fixed(BigDecimal.valueOf(metSum).divide(BigDecimal.valueOf(units), 1, RoundingMode.HALF_UP), 1);
		}

	}

	static String percent(int part, int whole) {
		if (whole == 0) {
			return "—";
		}
		return VnFormat
			.fixed(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP), 1) + "%";
	}

	/** The aggregate of the matrix's rows by the unit directly below the root. */
	static MatrixAggregate of(EvaluationMatrix matrix, UnitGroups groups) {
		List<Band> bands = bands(matrix.criteria().size());
		Map<Long, List<EvaluationMatrix.Line>> byGroup = new LinkedHashMap<>();
		List<UnitRef> order = groups.groups(matrix.rows().stream().map(EvaluationMatrix.Line::unitId).toList());
		order.forEach(g -> byGroup.put(g.id(), new ArrayList<>()));
		matrix.rows().forEach(r -> byGroup.get(groups.groupOf(r.unitId()).id()).add(r));
		List<Group> rows = new ArrayList<>();
		for (UnitRef group : order) {
			List<EvaluationMatrix.Line> lines = byGroup.get(group.id());
			boolean single = lines.size() == 1 && lines.get(0).unitId() == group.id();
			rows.add(group(group.id(), single ? lines.get(0).label() : group.fullName(), single, lines, matrix, bands));
		}
		return new MatrixAggregate(bands, rows, group(groups.rootId(), "", false, matrix.rows(), matrix, bands));
	}

	private static Group group(long id, String label, boolean single, List<EvaluationMatrix.Line> lines,
			EvaluationMatrix matrix, List<Band> bands) {
		Map<String, Integer> met = new LinkedHashMap<>();
		matrix.criteria().forEach(c -> met.put(c.number(), 0));
		int[] inBands = new int[bands.size()];
		int entered = 0;
		int metSum = 0;
		int qualifying = 0;
		int held = 0;
		for (EvaluationMatrix.Line line : lines) {
			line.cells().forEach((number, status) -> {
				if (status == Status.MET && met.containsKey(number)) {
					met.merge(number, 1, Integer::sum);
				}
			});
			if (line.assessmentId() != null) {
				entered++;
			}
			metSum += line.met();
			for (int b = 0; b < bands.size(); b++) {
				if (bands.get(b).contains(line.met())) {
					inBands[b]++;
					break;
				}
			}
			if (line.title() == TitleVerdict.Outcome.QUALIFIES) {
				qualifying++;
			}
			if (line.holdsTitle()) {
				held++;
			}
		}
		return new Group(id, label, single, lines.size(), entered, met, metSum, inBands, qualifying, held);
	}

	/**
	 * The bands of the reports for {@code criteria} criteria: all, 15 to all but one,
	 * 10–14, 5–9, fewer than 5 (those that exist for so many criteria).
	 */
	static List<Band> bands(int criteria) {
		List<Band> bands = new ArrayList<>();
		bands.add(new Band(criteria, Integer.MAX_VALUE, true));
		int top = criteria - 1;
		for (int from : new int[] { 15, 10, 5, 0 }) {
			if (top >= from) {
				bands.add(new Band(from, top, false));
				top = from - 1;
			}
		}
		return bands;
	}

}
