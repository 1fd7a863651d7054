package vn.ntm.criteria;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A criteria set as a document: the format of the shipped catalog files
 * ({@code src/main/resources/catalog/*.yaml}), of catalog import and export (YAML, JSON;
 * the .xlsx sheets hold the same fields) and of the catalog API. See
 * {@code docs/criteria-catalog.md} for every field.
 *
 * @param code the set's code, the same across versions (e.g. {@code QD318_XA_NTM})
 * @param version the version number (1 when new)
 * @param title the code of the title it confers
 * @param unitLevel 1 province, 2 district, 3 commune, 4 village
 * @param unitTypes the unit types it applies to (all of the level when empty)
 * @param validFrom first day of the period it applies to (the assessment period)
 * @param validTo last day of the period, open when empty
 * @param owner the province that issued it, for provincial sets
 * @param refines the set it refines (a province's version of a national set)
 * @param thresholdScheme the classification that selects thresholds (VUNG, NHOM_XA)
 * @param prerequisites titles a unit must already hold
 * @param sourceStatus how much of it comes from a cited source: found, partial, inferred,
 * unverified
 * @param status DRAFT, PUBLISHED, SUPERSEDED or RETIRED (in exports; ignored on import)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "code", "version", "name", "nameEn", "title", "unitLevel", "unitTypes", "validFrom", "validTo",
		"decision", "legalBasis", "owner", "refines", "thresholdScheme", "thresholdRules", "prerequisites",
		"revocation", "sourceStatus", "sources", "note", "status", "groups", "criteria" })
public record SetDocument(String code, @Nullable Integer version, String name, @Nullable String nameEn,
		@Nullable String title, int unitLevel, @Nullable List<String> unitTypes, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo, @Nullable Decision decision, @Nullable String legalBasis, @Nullable Owner owner,
		@Nullable SetRef refines, @Nullable String thresholdScheme, @Nullable List<ThresholdRuleDoc> thresholdRules,
		@Nullable List<String> prerequisites, @Nullable RevocationDoc revocation, @Nullable String sourceStatus,
		@Nullable List<String> sources, @Nullable String note, @Nullable String status, @Nullable List<GroupDoc> groups,
		@Nullable List<CriterionDoc> criteria) {

	/**
	 * The decision that issued the set: "318/QĐ-TTg", 08/03/2022, "Thủ tướng Chính phủ".
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Decision(String number, @Nullable LocalDate date, @Nullable String issuer) {
	}

	/** A province, by its code as of a date (codes are reused over time). */
	public record Owner(String code, @Nullable LocalDate at) {
	}

	/** A set version by code and version number. */
	public record SetRef(String code, int version) {
	}

	/**
	 * Units classified {@code ifScheme} = one of {@code ifValues} use the thresholds of
	 * {@code use}.
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record ThresholdRuleDoc(String ifScheme, List<String> ifValues, String use, @Nullable String source) {
	}

	/**
	 * QĐ 18/2022: revoked at {@code failShare}% failing, or from
	 * {@code criticalFailShare}% with a critical one.
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record RevocationDoc(int failShare, int criticalFailShare, @Nullable String source) {
	}

	/** A group of criteria ("II", "Hạ tầng kinh tế - xã hội"). */
	public record GroupDoc(String code, String name) {
	}

	/**
	 * A criterion or condition.
	 *
	 * @param kind CRITERION (default) or CONDITION
	 * @param nameStatus found, partial, inferred, unverified or not_found
	 * @param agency the agency responsible for it
	 * @param rule when it is met from its indicators (all of them by default)
	 * @param critical failing it counts for revocation between 30% and 50%
	 * @param retired kept for reading, no longer evaluated
	 */
	@JsonInclude(JsonInclude.Include.NON_DEFAULT)
	@JsonPropertyOrder({ "number", "kind", "name", "nameStatus", "group", "agency", "rule", "critical", "retired",
			"source", "note", "indicators" })
	public record CriterionDoc(String number, @Nullable String kind, @Nullable String name, @Nullable String nameStatus,
			@Nullable String group, @Nullable String agency, @Nullable RuleDoc rule, boolean critical, boolean retired,
			@Nullable String source, @Nullable String note, @Nullable List<IndicatorDoc> indicators) {
	}

	/** ALL (default), AT_LEAST with {@code count}, or POINTS with {@code min}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record RuleDoc(String kind, @Nullable Integer count, @Nullable String min) {
	}

	/**
	 * An indicator.
	 *
	 * @param type BOOLEAN, PERCENT, AMOUNT, LEVEL, COUNT, POINTS or CHOICE
	 * @param valueFrom where its value comes from (entered when empty)
	 * @param input a figure used by formulas or shown for information, not judged itself
	 * (e.g. the area and the population behind a ratio)
	 * @param maxPoints the most points it can give (POINTS)
	 * @param maxValue the largest value people may enter where the catalog allows more
	 * than the default (a percentage above 100: a growth, a ratio to a reference)
	 * @param choices the answers it offers (CHOICE)
	 * @param source the citation of its name or requirements
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "code", "name", "nameStatus", "type", "unit", "input", "valueFrom", "requirements",
			"maxPoints", "maxValue", "choices", "source", "note" })
	public record IndicatorDoc(String code, @Nullable String name, @Nullable String nameStatus, String type,
			@Nullable String unit, @Nullable Boolean input, @Nullable ValueFromDoc valueFrom,
			@Nullable List<RequirementDoc> requirements, @Nullable String maxPoints, @Nullable String maxValue,
			@Nullable List<String> choices, @Nullable String source, @Nullable String note) {
	}

	/**
	 * ENTERED; FORMULA with {@code expression}; CHILD_SHARE, CHILD_COUNT with
	 * {@code title}; CHILD_MIN_CRITERIA with {@code set}; TITLE_HELD with {@code title}.
	 * Child kinds select lower units by {@code level}, {@code types}, and optionally
	 * {@code scheme} = {@code values}.
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record ValueFromDoc(String kind, @Nullable String expression, @Nullable String title, @Nullable String set,
			@Nullable Integer level, @Nullable List<String> types, @Nullable String scheme,
			@Nullable List<String> values) {
	}

	/**
	 * A required value for units of classification value {@code forClass} ("*" or empty:
	 * all units).
	 *
	 * @param op GE, GT, LE, LT, EQ (with {@code value}), EXPECT (value true/false), IN
	 * (with {@code values}), TEXT (with {@code text}: a person judges)
	 * @param value a decimal with a dot ("80", "16.38") or a fraction ("200/3"); percent
	 * for PERCENT indicators
	 * @param printed the requirement as the source printed it ("≥80%")
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "for", "op", "value", "values", "text", "printed", "note", "source" })
	public record RequirementDoc(@JsonProperty("for") @Nullable String forClass, String op, @Nullable String value,
			@Nullable List<String> values, @Nullable String text, @Nullable String printed, @Nullable String note,
			@Nullable String source) {

		/**
		 * How the requirement reads in a table: "≥ 80", "≥ 200/3 (66,67)", "Có", "Tốt,
		 * Khá", or its text.
		 */
		public String display() {
			return switch (op) {
				case "EXPECT" -> "true".equals(value) ? "Có / Đạt" : "Không";
				case "IN" -> values == null ? "" : String.join(", ", values);
				case "TEXT" -> text == null ? "" : text;
				default -> {
					String symbol = switch (op) {
						case "GE" -> "≥";
						case "GT" -> ">";
						case "LE" -> "≤";
						case "LT" -> "<";
						default -> "=";
					};
					String number = value == null ? "?" : value;
					String shown = vn.ntm.criteria.engine.Numbers.parse(number)
						.map(vn.ntm.criteria.engine.Numbers::display)
						.orElse(number);
					yield symbol + " " + (number.contains("/") ? number + " (" + shown + ")" : shown);
				}
			};
		}

		/** The classification value it applies to, "*" for all. */
		public String appliesTo() {
			return forClass == null || forClass.isBlank() ? "*" : forClass;
		}

	}

}
