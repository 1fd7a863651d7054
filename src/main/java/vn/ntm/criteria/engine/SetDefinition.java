package vn.ntm.criteria.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One version of a criteria set, as the engine needs it.
 *
 * @param id the version's id
 * @param code the set's code across versions
 * @param title the title it confers (xã NTM, …)
 * @param thresholdScheme the classification that selects thresholds (VUNG for 2021–2025,
 * NHOM_XA for 2026–2030), or none
 * @param prerequisites titles the unit must already hold (nâng cao requires NTM)
 * @param revocation the revocation rule, or none when not known
 * @param titleNames names of the titles the set refers to (its own, prerequisites, those
 * counted among lower units), for explanations
 */
public record SetDefinition(long id, String code, int version, String name, @Nullable String title,
		@Nullable String thresholdScheme, List<ThresholdRule> thresholdRules, List<String> prerequisites,
		@Nullable RevocationRule revocation, List<CriterionDef> criteria, java.util.Map<String, String> titleNames) {

	public SetDefinition {
		titleNames = java.util.Map.copyOf(titleNames);
		thresholdRules = List.copyOf(thresholdRules);
		prerequisites = List.copyOf(prerequisites);
		criteria = List.copyOf(criteria);
	}

	/** The criteria in force (not retired), in order, conditions included. */
	public List<CriterionDef> active() {
		return criteria.stream().filter(c -> !c.retired()).toList();
	}

	public String titleName(String code) {
		return titleNames.getOrDefault(code, code);
	}

	/** The set's schemes that decide something about a unit (thresholds, rules). */
	public java.util.Set<String> schemesUsed() {
		java.util.Set<String> schemes = new java.util.LinkedHashSet<>();
		if (thresholdScheme != null) {
			schemes.add(thresholdScheme);
		}
		thresholdRules.forEach(r -> schemes.add(r.ifScheme()));
		return schemes;
	}

}
