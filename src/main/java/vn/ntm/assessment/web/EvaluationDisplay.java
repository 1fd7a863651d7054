package vn.ntm.assessment.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.ntm.criteria.engine.IndicatorResult;
import vn.ntm.criteria.engine.Requirement;
import vn.ntm.criteria.engine.RevocationVerdict;
import vn.ntm.criteria.engine.Status;
import vn.ntm.criteria.engine.TitleVerdict;
import vn.ntm.criteria.engine.Value;
import vn.ntm.criteria.engine.ValueType;

/**
 * How evaluation pages show results ({@code ${@evaluationDisplay.badge(status)}}): the
 * colour of each status and verdict, and values and requirements with their unit.
 */
@Component("evaluationDisplay")
public class EvaluationDisplay {

	/** Bootstrap badge classes: met green, failing red, missing threshold amber… */
	public String badge(@Nullable Status status) {
		if (status == null) {
			return "text-bg-light border";
		}
		return switch (status) {
			case MET -> "text-bg-success";
			case NOT_MET -> "text-bg-danger";
			case CONFLICT -> "text-bg-danger border border-warning border-2";
			case INCOMPLETE -> "text-bg-info";
			case NO_DATA -> "text-bg-secondary";
			case NO_THRESHOLD -> "text-bg-warning";
			case NEEDS_JUDGEMENT -> "text-bg-primary";
			case INFO -> "text-bg-light border";
		};
	}

	/**
	 * The compact mark of a criterion in the matrix: ✓ met, ✗ not met, ! the source
	 * states both, ? anything undecided (no data, no threshold, needs judgement…).
	 */
	public String mark(@Nullable Status status) {
		if (status == null) {
			return "?";
		}
		return switch (status) {
			case MET -> "✓";
			case NOT_MET -> "✗";
			case CONFLICT -> "!";
			default -> "?";
		};
	}

	public String badge(TitleVerdict.Outcome outcome) {
		return switch (outcome) {
			case QUALIFIES -> "text-bg-success";
			case DOES_NOT_QUALIFY -> "text-bg-danger";
			case INCOMPLETE -> "text-bg-secondary";
		};
	}

	public String badge(RevocationVerdict.Outcome outcome) {
		return switch (outcome) {
			case NO_RULE, NOT_RECOGNISED -> "text-bg-light border";
			case SAFE -> "text-bg-success";
			case AT_RISK -> "text-bg-warning";
			case REVOKE -> "text-bg-danger";
			case INCOMPLETE -> "text-bg-secondary";
		};
	}

	/** A row to highlight in lists: revocation or at risk. */
	public String row(RevocationVerdict.Outcome outcome) {
		return switch (outcome) {
			case REVOKE -> "table-danger";
			case AT_RISK -> "table-warning";
			default -> "";
		};
	}

	/**
	 * The toggle of a criterion's result in the entry form: MET, NOT_MET, BOTH or none.
	 */
	public String claimButton(String claim) {
		return switch (claim) {
			case "MET" -> "btn-outline-success";
			case "NOT_MET" -> "btn-outline-danger";
			case "BOTH" -> "btn-outline-warning";
			default -> "btn-outline-secondary";
		};
	}

	/** "90,30% (1.276/1.413)", "16,38 m²/người", "Có"; empty without a value. */
	public String value(IndicatorResult indicator) {
		Value value = indicator.value();
		if (value == null) {
			return "";
		}
		return value.display() + suffix(indicator.type(), indicator.unit(), value);
	}

	/** "≥ 80%", "≥ 5 m²/người"; empty without a requirement. */
	public String requirement(IndicatorResult indicator) {
		Requirement requirement = indicator.requirement();
		if (requirement == null) {
			return "";
		}
		return requirement instanceof Requirement.Compare
				? requirement.display() + suffix(indicator.type(), indicator.unit(), null) : requirement.display();
	}

	private static String suffix(ValueType type, @Nullable String unit, @Nullable Value value) {
		if (value instanceof Value.Verdict) {
			return "";
		}
		if (type == ValueType.PERCENT) {
			return value instanceof Value.Fraction || value instanceof Value.Flag ? "" : "%";
		}
		return unit == null || unit.isBlank() || value instanceof Value.Flag ? "" : " " + unit;
	}

}
