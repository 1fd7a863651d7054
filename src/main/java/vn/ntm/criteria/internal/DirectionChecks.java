package vn.ntm.criteria.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetDocument.CriterionDoc;
import vn.ntm.criteria.SetDocument.IndicatorDoc;
import vn.ntm.criteria.SetDocument.RequirementDoc;
import vn.ntm.criteria.engine.Polarity;

/**
 * Finds thresholds whose direction contradicts their indicator's polarity
 * ({@link Polarity}): a figure of something bad with a minimum, a yes/no about something
 * bad expected "Có", or without a bar at all (the engine then takes "Không" to meet it).
 * Each becomes a flag for an administrator to confirm; nothing is changed.
 */
final class DirectionChecks {

	/** A contradiction found in a document, before confirmations are known. */
	record Found(String criterion, String indicator, String name, String kind, String requirements) {
	}

	private DirectionChecks() {
	}

	static List<Found> of(SetDocument document) {
		List<Found> found = new ArrayList<>();
		for (CriterionDoc criterion : list(document.criteria())) {
			if (criterion.retired()) {
				continue;
			}
			for (IndicatorDoc indicator : list(criterion.indicators())) {
				if (Boolean.TRUE.equals(indicator.input()) || !Polarity.adverse(indicator.name())) {
					continue;
				}
				List<RequirementDoc> requirements = list(indicator.requirements());
				String kind = null;
				if (requirements.stream().anyMatch(r -> "GE".equals(r.op()) || "GT".equals(r.op()))) {
					kind = "MINIMUM";
				}
				else if (requirements.stream().anyMatch(r -> "EXPECT".equals(r.op()) && "true".equals(r.value()))) {
					kind = "EXPECT_YES";
				}
				else if (requirements.isEmpty() && "BOOLEAN".equals(indicator.type())) {
					kind = "IMPLIED_NO";
				}
				if (kind != null) {
					found.add(new Found(criterion.number(), indicator.code(), indicator.name(), kind,
							requirements(requirements)));
				}
			}
		}
		return found;
	}

	/** "TDMNPB ≥ 24; DBSH ≥ 16,5", "—" for none: what a confirmation is bound to. */
	static String requirements(List<RequirementDoc> requirements) {
		if (requirements.isEmpty()) {
			return "—";
		}
		return String.join("; ",
				requirements.stream()
					.sorted(Comparator.comparing(RequirementDoc::appliesTo))
					.map(r -> r.appliesTo() + " " + r.display())
					.toList());
	}

	private static <T> List<T> list(List<T> list) {
		return list == null ? List.of() : list;
	}

}
