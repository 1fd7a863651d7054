package vn.ntm.assessment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.ValueInput;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.CriterionKind;
import vn.ntm.criteria.engine.EvaluationInput;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.IndicatorSource;
import vn.ntm.criteria.engine.Numbers;
import vn.ntm.criteria.engine.Requirement;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.Value;
import vn.ntm.criteria.engine.ValueType;
import vn.ntm.shared.Problem;
import vn.ntm.shared.Problem.Place;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.VnFormat;

/**
 * The simple entry form of the evaluation page, kept as the text that was typed so that a
 * refused form comes back exactly as it was. Field names: {@code c.<criterion>} (MET,
 * NOT_MET, BOTH or empty), {@code v.<code>} a number, {@code n.<code>} and
 * {@code d.<code>} a count over a count, {@code f.<code>} yes/no, {@code o.<code>} an
 * answer.
 */
public final class EntryForm {

	static final String CLAIM = "c.";

	static final String NUMBER = "v.";

	static final String NUMERATOR = "n.";

	static final String DENOMINATOR = "d.";

	static final String FLAG = "f.";

	static final String CHOICE = "o.";

	private static final Set<String> PREFIXES = Set.of(CLAIM, NUMBER, NUMERATOR, DENOMINATOR, FLAG, CHOICE);

	private final Map<String, String> fields;

	private final String statedMetCount;

	private final String source;

	private final int expectedVersion;

	private EntryForm(Map<String, String> fields, String statedMetCount, String source, int expectedVersion) {
		this.fields = fields;
		this.statedMetCount = statedMetCount;
		this.source = source;
		this.expectedVersion = expectedVersion;
	}

	/** The form filled with what is stored. */
	static EntryForm of(AssessmentView assessment, EvaluationInput input) {
		Map<String, String> fields = new HashMap<>();
		input.claims()
			.forEach((number, claims) -> fields.put(CLAIM + number, claims.size() > 1 ? "BOTH"
					: claims.contains(Boolean.TRUE) ? "MET" : claims.isEmpty() ? "" : "NOT_MET"));
		input.values().forEach((code, value) -> {
			if (value instanceof Value.Fraction fraction) {
				fields.put(NUMERATOR + code, VnFormat.number(fraction.numerator()));
				fields.put(DENOMINATOR + code, VnFormat.number(fraction.denominator()));
			}
			else if (value instanceof Value.Flag flag) {
				fields.put(FLAG + code, String.valueOf(flag.value()));
			}
			else if (value instanceof Value.Choice choice) {
				fields.put(CHOICE + code, choice.value());
			}
			else if (value.numeric() != null) {
				fields.put(NUMBER + code, vietnamese(Numbers.toText(value.numeric())));
			}
		});
		return new EntryForm(fields, input.statedMetCount() == null ? "" : String.valueOf(input.statedMetCount()),
				assessment.source() == null ? "" : assessment.source(), assessment.rowVersion());
	}

	/** "2031183.13" → "2.031.183,13"; a fraction ("200/3") as it is. */
	private static String vietnamese(String text) {
		try {
			return VnFormat.number(new BigDecimal(text), 10);
		}
		catch (NumberFormatException notDecimal) {
			return text;
		}
	}

	/** The form as posted. */
	static EntryForm from(Map<String, String[]> parameters) {
		Map<String, String> fields = new HashMap<>();
		parameters.forEach((name, values) -> {
			int dot = name.indexOf('.');
			if (dot > 0 && PREFIXES.contains(name.substring(0, dot + 1)) && values.length > 0) {
				fields.put(name, values[0].strip());
			}
		});
		int version;
		try {
			version = Integer.parseInt(first(parameters, "expectedVersion"));
		}
		catch (NumberFormatException ex) {
			version = -1;
		}
		return new EntryForm(fields, first(parameters, "statedMetCount"), first(parameters, "source"), version);
	}

	private static String first(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		return values == null || values.length == 0 ? "" : values[0].strip();
	}

	/**
	 * The entry the form describes: every criterion's result (replacing what was stored),
	 * every entered indicator's value (an empty one removes it). Values that cannot be
	 * read are refused with every problem and the indicator it is in; whether a value
	 * suits its indicator is the facade's check.
	 */
	AssessmentEntry toEntry(SetDefinition set) {
		List<Problem> problems = new ArrayList<>();
		List<String> met = new ArrayList<>();
		List<String> notMet = new ArrayList<>();
		Map<String, @Nullable ValueInput> values = new LinkedHashMap<>();
		String cite = source.isBlank() ? null : source;
		for (CriterionDef criterion : set.active()) {
			String claim = claim(criterion.number());
			if (claim.equals("MET") || claim.equals("BOTH")) {
				met.add(criterion.number());
			}
			if (claim.equals("NOT_MET") || claim.equals("BOTH")) {
				notMet.add(criterion.number());
			}
			for (IndicatorDef indicator : entered(criterion)) {
				values.put(indicator.code(), value(indicator.code(), cite, problems));
			}
		}
		Integer stated = null;
		if (!statedMetCount.isBlank()) {
			Optional<BigDecimal> count = VnFormat.parseNumber(statedMetCount);
			if (count.isEmpty() || count.get().stripTrailingZeros().scale() > 0 || count.get().signum() < 0
					|| count.get().compareTo(BigDecimal.valueOf(1000)) > 0) {
				problems.add(Problem.at(List.of(new Place("assessment.field.statedMetCount", statedMetCount)),
						"evaluation.statedCount.notCount", statedMetCount));
			}
			else {
				stated = count.get().intValueExact();
			}
		}
		if (!problems.isEmpty()) {
			throw new RejectedInput("assessment.rejected", problems);
		}
		return new AssessmentEntry(values, met, notMet, stated, cite, expectedVersion);
	}

	private @Nullable ValueInput value(String code, @Nullable String cite, List<Problem> problems) {
		List<Place> at = List.of(new Place("where.indicator", code));
		BigDecimal number = null;
		String typed = number(code);
		if (!typed.isBlank()) {
			number = VnFormat.parseNumber(typed).orElse(null);
			if (number == null) {
				problems.add(Problem.at(at, "evaluation.value.notNumber", code, typed));
			}
		}
		Long numerator = count(code, numerator(code), problems);
		Long denominator = count(code, denominator(code), problems);
		Boolean flag = flag(code).isBlank() ? null : Boolean.valueOf(flag(code));
		String choice = choice(code).isBlank() ? null : choice(code);
		if (number == null && numerator == null && denominator == null && flag == null && choice == null) {
			return null;
		}
		return new ValueInput(number, numerator, denominator, flag, choice, null, cite);
	}

	private static @Nullable Long count(String code, String typed, List<Problem> problems) {
		if (typed.isBlank()) {
			return null;
		}
		Optional<BigDecimal> number = VnFormat.parseNumber(typed);
		if (number.isEmpty() || number.get().stripTrailingZeros().scale() > 0 || number.get().signum() < 0) {
			problems
				.add(Problem.at(List.of(new Place("where.indicator", code)), "evaluation.value.notCount", code, typed));
			return null;
		}
		try {
			return number.get().longValueExact();
		}
		catch (ArithmeticException tooLarge) {
			problems
				.add(Problem.at(List.of(new Place("where.indicator", code)), "evaluation.value.notCount", code, typed));
			return null;
		}
	}

	/** Indicators whose values people enter (not computed or derived). */
	static List<IndicatorDef> entered(CriterionDef criterion) {
		return criterion.indicators().stream().filter(i -> i.source() instanceof IndicatorSource.Entered).toList();
	}

	/** What the form offers for each criterion and entered indicator of the set. */
	static List<Row> rows(SetDefinition set) {
		List<Row> rows = new ArrayList<>();
		for (CriterionDef criterion : set.active()) {
			List<Field> fields = entered(criterion).stream().map(EntryForm::field).toList();
			rows.add(
					new Row(criterion.number(), criterion.name(), criterion.kind() == CriterionKind.CONDITION, fields));
		}
		return rows;
	}

	private static Field field(IndicatorDef indicator) {
		boolean judged = indicator.requirements().values().stream().anyMatch(r -> r instanceof Requirement.Described);
		ValueType type = indicator.type();
		return new Field(indicator.code(), indicator.name(), type.name(), indicator.unit(), indicator.input(),
				type == ValueType.BOOLEAN || judged, judged, type.numeric(), type == ValueType.PERCENT,
				indicator.choices());
	}

	/** A criterion of the form with its entered indicators. */
	public record Row(String number, @Nullable String name, boolean condition, List<Field> fields) {
	}

	/**
	 * An indicator of the form: which inputs it offers — yes/no ({@code flag}, labelled
	 * Đạt/Không đạt when {@code judged}), a number, a count over a count, an answer.
	 */
	public record Field(String code, @Nullable String name, String type, @Nullable String unit, boolean input,
			boolean flag, boolean judged, boolean number, boolean fraction, List<String> choices) {
	}

	public String claim(String number) {
		return fields.getOrDefault(CLAIM + number, "");
	}

	public String number(String code) {
		return fields.getOrDefault(NUMBER + code, "");
	}

	public String numerator(String code) {
		return fields.getOrDefault(NUMERATOR + code, "");
	}

	public String denominator(String code) {
		return fields.getOrDefault(DENOMINATOR + code, "");
	}

	public String flag(String code) {
		return fields.getOrDefault(FLAG + code, "");
	}

	public String choice(String code) {
		return fields.getOrDefault(CHOICE + code, "");
	}

	public String statedMetCount() {
		return statedMetCount;
	}

	public String source() {
		return source;
	}

	public int expectedVersion() {
		return expectedVersion;
	}

}
