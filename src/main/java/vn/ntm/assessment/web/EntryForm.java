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
import vn.ntm.criteria.engine.EvaluationInput;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.IndicatorSource;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.ValueRules;
import vn.ntm.shared.Problem;
import vn.ntm.shared.Problem.Place;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.VnFormat;

/**
 * The simple entry form of the evaluation page, kept as the text that was typed so that a
 * refused form comes back exactly as it was. Field names: {@code c.<criterion>} (MET,
 * NOT_MET, BOTH or empty), {@code v.<code>} a number, {@code n.<code>} and
 * {@code d.<code>} a count over a count, {@code f.<code>} yes/no, {@code o.<code>} an
 * answer, {@code j.<code>} the indicator stated met or not met without its figure (true,
 * false), its reason in {@code note.<code>}.
 */
public final class EntryForm {

	static final String CLAIM = "c.";

	static final String NUMBER = "v.";

	static final String NUMERATOR = "n.";

	static final String DENOMINATOR = "d.";

	static final String FLAG = "f.";

	static final String CHOICE = "o.";

	static final String VERDICT = "j.";

	static final String NOTE = "note.";

	static final String SOURCE = "src.";

	private static final Set<String> PREFIXES = Set.of(CLAIM, NUMBER, NUMERATOR, DENOMINATOR, FLAG, CHOICE, VERDICT,
			NOTE, SOURCE);

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
	static EntryForm of(AssessmentView assessment, EvaluationInput input, Map<String, ValueInput> values) {
		Map<String, String> fields = new HashMap<>();
		input.claims()
			.forEach((number, claims) -> fields.put(CLAIM + number, claims.size() > 1 ? "BOTH"
					: claims.contains(Boolean.TRUE) ? "MET" : claims.isEmpty() ? "" : "NOT_MET"));
		values.forEach((code, value) -> fields.putAll(fields(code, value)));
		return new EntryForm(fields, input.statedMetCount() == null ? "" : String.valueOf(input.statedMetCount()),
				assessment.source() == null ? "" : assessment.source(), assessment.rowVersion());
	}

	/**
	 * A stored value as the form's fields: {@code v.3.1 = 87,5} or {@code n.3.1 = 1.276}
	 * and {@code d.3.1 = 1.413}…, with its note and source.
	 */
	static Map<String, String> fields(String code, ValueInput value) {
		Map<String, String> fields = new HashMap<>();
		if (value.numerator() != null && value.denominator() != null) {
			fields.put(NUMERATOR + code, VnFormat.number(value.numerator()));
			fields.put(DENOMINATOR + code, VnFormat.number(value.denominator()));
		}
		else if (value.flag() != null) {
			fields.put(FLAG + code, String.valueOf(value.flag()));
		}
		else if (value.choice() != null) {
			fields.put(CHOICE + code, value.choice());
		}
		else if (value.verdict() != null) {
			fields.put(VERDICT + code, String.valueOf(value.verdict()));
		}
		else if (value.number() != null) {
			fields.put(NUMBER + code, VnFormat.number(value.number(), 12));
		}
		if (value.note() != null) {
			fields.put(NOTE + code, value.note());
		}
		if (value.source() != null) {
			fields.put(SOURCE + code, value.source());
		}
		return fields;
	}

	/** The form as posted. */
	static EntryForm from(Map<String, String[]> parameters) {
		Map<String, String> fields = new HashMap<>();
		parameters.forEach((name, values) -> {
			int dot = name.indexOf('.');
			if (dot > 0 && PREFIXES.contains(name.substring(0, dot + 1)) && values.length > 0) {
				// strip() keeps control characters: the engine's rules refuse them by
				// name
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
		AssessmentEntry entry = read(set, problems);
		if (!problems.isEmpty()) {
			throw new RejectedInput("assessment.rejected", problems);
		}
		return entry;
	}

	/**
	 * The entry the form describes, leaving out (and adding to {@code problems}) every
	 * value that cannot be read: what the live evaluation shows while someone types.
	 */
	AssessmentEntry read(SetDefinition set, List<Problem> problems) {
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
			Optional<BigDecimal> count = ValueRules.parseNumber(statedMetCount);
			if (count.isEmpty() || count.get().stripTrailingZeros().scale() > 0 || count.get().signum() < 0
					|| count.get().compareTo(BigDecimal.valueOf(1000)) > 0) {
				problems.add(Problem.at(List.of(new Place("assessment.field.statedMetCount", statedMetCount)),
						"evaluation.statedCount.notCount", statedMetCount));
			}
			else {
				stated = count.get().intValueExact();
			}
		}
		return new AssessmentEntry(values, met, notMet, stated, cite, expectedVersion);
	}

	private @Nullable ValueInput value(String code, @Nullable String cite, List<Problem> problems) {
		int before = problems.size();
		List<Place> at = List.of(new Place("where.indicator", code));
		BigDecimal number = null;
		String typed = number(code);
		if (!typed.isBlank()) {
			number = ValueRules.parseNumber(typed).orElse(null);
			if (number == null) {
				problems.add(Problem.at(at, "engine.value.notNumber", code, ValueRules.Field.VALUE.key(), typed));
			}
		}
		Long numerator = count(code, numerator(code), problems);
		Long denominator = count(code, denominator(code), problems);
		Boolean flag = flag(code).isBlank() ? null : Boolean.valueOf(flag(code));
		String choice = choice(code).isBlank() ? null : choice(code);
		Boolean verdict = verdict(code).isBlank() ? null : Boolean.valueOf(verdict(code));
		if (problems.size() > before || (number == null && numerator == null && denominator == null && flag == null
				&& choice == null && verdict == null)) {
			return null;
		}
		String note = note(code).isBlank() ? null : note(code);
		String source = source(code).isBlank() ? cite : source(code);
		return new ValueInput(number, numerator, denominator, flag, choice, note, source, verdict);
	}

	private static @Nullable Long count(String code, String typed, List<Problem> problems) {
		if (typed.isBlank()) {
			return null;
		}
		Optional<BigDecimal> number = ValueRules.parseNumber(typed);
		if (number.isEmpty() || number.get().stripTrailingZeros().scale() > 0) {
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

	/** "true" (đạt), "false" (không đạt) stated without the figure, or "". */
	public String verdict(String code) {
		return fields.getOrDefault(VERDICT + code, "");
	}

	public String note(String code) {
		return fields.getOrDefault(NOTE + code, "");
	}

	public String source(String code) {
		return fields.getOrDefault(SOURCE + code, "");
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
