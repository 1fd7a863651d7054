package vn.ntm.criteria.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A criterion (tiêu chí) or condition of a set: its number ("17"), name, group, the rule
 * that says when it is met, and whether failing it makes revocation easier
 * ({@code critical}: income, environment, defence and security in QĐ 18/2022).
 * {@code retired} criteria stay in the set for reading but are not evaluated.
 */
public record CriterionDef(String number, @Nullable String name, @Nullable String group, CriterionKind kind,
		MetRule rule, boolean critical, boolean retired, List<IndicatorDef> indicators) {

	public CriterionDef {
		indicators = List.copyOf(indicators);
	}

}
