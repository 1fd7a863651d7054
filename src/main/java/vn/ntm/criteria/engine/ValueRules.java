package vn.ntm.criteria.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.numbers.fraction.BigFraction;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for a valid value, used by every way values come in — the entry page, the
 * JSON API, the Excel upload — and by the catalog where it applies: a value is of one
 * kind that suits its indicator; percentages lie between 0 and 100 unless the catalog
 * allows more ({@link IndicatorDef#maxValue()}); a numerator is at most its denominator;
 * counts and levels are whole; amounts, counts and points are not negative, points at
 * most the indicator's maximum; texts hold no control characters and are bounded; dates
 * lie in a sane range. Numbers written by people are read by {@link #parseNumber(String)}
 * alone.
 * <p>
 * A refusal names the field ({@link Field}, its label under
 * {@code engine.value.field.<NAME>}) and a message key under {@code engine.value.} whose
 * arguments are the indicator's code, the field's label key, then those of the refusal.
 */
public final class ValueRules {

	/** The longest note (reason) of a value. */
	public static final int NOTE_MAX = 2000;

	/** The longest source of a value. */
	public static final int SOURCE_MAX = 500;

	/** The longest answer of a choice. */
	public static final int CHOICE_MAX = 200;

	/** The earliest date anything in the programme may be dated. */
	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	/** The latest date anything in the programme may be dated. */
	public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	private static final BigFraction HUNDRED = BigFraction.of(100);

	/** Control characters: C0 and C1 (tab, line feeds allowed only in notes), DEL. */
	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

	private static final Pattern LINE_BREAKS = Pattern.compile("[\\t\\n\\r]");

	private ValueRules() {
	}

	/** A field of an entered value. Labels under {@code engine.value.field.<NAME>}. */
	public enum Field {

		VALUE, NUMERATOR, DENOMINATOR, NOTE, SOURCE;

		public String key() {
			return "engine.value.field." + name();
		}

	}

	/**
	 * A value as someone gave it, before it becomes a {@link Value}: exactly one of a
	 * number, a count over a count, a yes/no, an answer, or a stated "đạt / không đạt"
	 * ({@code verdict}, with its reason in {@code note}).
	 */
	public record Candidate(@Nullable BigDecimal number, @Nullable BigInteger numerator,
			@Nullable BigInteger denominator, @Nullable Boolean flag, @Nullable String choice,
			@Nullable Boolean verdict, @Nullable String note, @Nullable String source) {
	}

	/**
	 * Why a value is refused: the field it is in, a message key, and the arguments after
	 * the indicator's code and the field's label.
	 */
	public record Refusal(Field field, String key, List<Object> args) {

		public Refusal {
			args = List.copyOf(args);
		}

		static Refusal of(Field field, String key, Object... args) {
			return new Refusal(field, key, List.of(args));
		}

		/** The message arguments: the code, the field's label key, then the others. */
		public Object[] arguments(String code) {
			Object[] all = new Object[args.size() + 2];
			all[0] = code;
			all[1] = field.key();
			for (int i = 0; i < args.size(); i++) {
				all[i + 2] = args.get(i);
			}
			return all;
		}

	}

	/** What is wrong with a value for this indicator, if anything. */
	public static Optional<Refusal> check(IndicatorDef indicator, Candidate value) {
		Optional<Refusal> texts = text(Field.NOTE, value.note(), NOTE_MAX, true)
			.or(() -> text(Field.SOURCE, value.source(), SOURCE_MAX, false))
			.or(() -> text(Field.VALUE, value.choice(), CHOICE_MAX, false));
		if (texts.isPresent()) {
			return texts;
		}
		int given = (value.number() != null ? 1 : 0)
				+ (value.numerator() != null || value.denominator() != null ? 1 : 0) + (value.flag() != null ? 1 : 0)
				+ (value.choice() != null ? 1 : 0) + (value.verdict() != null ? 1 : 0);
		if (given != 1) {
			return Optional.of(Refusal.of(Field.VALUE, "engine.value.oneKind"));
		}
		ValueType type = indicator.type();
		if (value.verdict() != null) {
			return value.note() == null || value.note().isBlank()
					? Optional.of(Refusal.of(Field.NOTE, "engine.value.verdictReason")) : Optional.empty();
		}
		if (value.numerator() != null || value.denominator() != null) {
			return fraction(indicator, value.numerator(), value.denominator());
		}
		if (value.flag() != null) {
			// a yes/no, or the judgement "đạt / không đạt" of a requirement written as
			// text
			return type == ValueType.BOOLEAN || judged(indicator) ? Optional.empty()
					: Optional.of(Refusal.of(Field.VALUE, "engine.value.wrongKind", kind(type)));
		}
		if (value.choice() != null) {
			return type == ValueType.CHOICE && indicator.choices().contains(value.choice()) ? Optional.empty()
					: Optional.of(Refusal.of(Field.VALUE, "engine.value.choice", value.choice(),
							String.join(", ", indicator.choices())));
		}
		if (!type.numeric()) {
			return Optional.of(Refusal.of(Field.VALUE, "engine.value.wrongKind", kind(type)));
		}
		return number(indicator, value.number());
	}

	/** The value a valid candidate stands for (after {@link #check}). */
	public static Value value(Candidate value) {
		if (value.verdict() != null) {
			return new Value.Verdict(value.verdict(), value.note() == null ? null : value.note().strip());
		}
		if (value.number() != null) {
			return new Value.Number(Numbers.of(value.number()));
		}
		if (value.numerator() != null && value.denominator() != null) {
			return new Value.Fraction(value.numerator(), value.denominator());
		}
		if (value.flag() != null) {
			return new Value.Flag(value.flag());
		}
		return new Value.Choice(java.util.Objects.requireNonNull(value.choice()));
	}

	private static Optional<Refusal> fraction(IndicatorDef indicator, @Nullable BigInteger numerator,
			@Nullable BigInteger denominator) {
		if (indicator.type() != ValueType.PERCENT) {
			return Optional.of(Refusal.of(numerator != null ? Field.NUMERATOR : Field.DENOMINATOR,
					"engine.value.fractionNotPercent", kind(indicator.type())));
		}
		if (numerator == null || denominator == null) {
			return Optional.of(Refusal.of(numerator == null ? Field.NUMERATOR : Field.DENOMINATOR,
					"engine.value.fractionMissing"));
		}
		for (Field field : List.of(Field.NUMERATOR, Field.DENOMINATOR)) {
			BigInteger count = field == Field.NUMERATOR ? numerator : denominator;
			if (count.signum() < 0) {
				return Optional.of(Refusal.of(field, "engine.value.negative", Numbers.display(BigFraction.of(count))));
			}
			if (count.bitLength() > 62) {
				return Optional.of(Refusal.of(field, "engine.value.range"));
			}
		}
		if (denominator.signum() == 0) {
			return Optional.of(Refusal.of(Field.DENOMINATOR, "engine.value.denominatorZero"));
		}
		BigFraction share = Numbers.percent(numerator, denominator);
		BigFraction cap = percentCap(indicator);
		if (share.compareTo(cap) > 0) {
			return Optional.of(cap.equals(HUNDRED)
					? Refusal.of(Field.NUMERATOR, "engine.value.numeratorOverDenominator",
							Numbers.display(BigFraction.of(numerator)), Numbers.display(BigFraction.of(denominator)))
					: Refusal.of(Field.NUMERATOR, "engine.value.percentRange", Numbers.display(share),
							Numbers.display(cap)));
		}
		return Optional.empty();
	}

	private static Optional<Refusal> number(IndicatorDef indicator, @Nullable BigDecimal number) {
		if (number == null) {
			return Optional.of(Refusal.of(Field.VALUE, "engine.value.oneKind"));
		}
		if (outOfRange(number)) {
			return Optional.of(Refusal.of(Field.VALUE, "engine.value.range"));
		}
		BigFraction value = Numbers.of(number);
		String shown = Numbers.display(value);
		ValueType type = indicator.type();
		if (value.signum() < 0) {
			return Optional.of(Refusal.of(Field.VALUE,
					type == ValueType.PERCENT ? "engine.value.percentRange" : "engine.value.negative", shown,
					type == ValueType.PERCENT ? Numbers.display(percentCap(indicator)) : ""));
		}
		if (type == ValueType.PERCENT && value.compareTo(percentCap(indicator)) > 0) {
			return Optional.of(Refusal.of(Field.VALUE, "engine.value.percentRange", shown,
					Numbers.display(percentCap(indicator))));
		}
		if ((type == ValueType.COUNT || type == ValueType.LEVEL) && number.stripTrailingZeros().scale() > 0) {
			return Optional.of(Refusal.of(Field.VALUE, "engine.value.whole", shown));
		}
		BigFraction max = type == ValueType.POINTS && indicator.maxPoints() != null ? indicator.maxPoints()
				: type != ValueType.PERCENT ? indicator.maxValue() : null;
		if (max != null && value.compareTo(max) > 0) {
			return Optional.of(Refusal.of(Field.VALUE, "engine.value.aboveMax", shown, Numbers.display(max)));
		}
		return Optional.empty();
	}

	/** The largest percentage the indicator takes: 100 unless the catalog allows more. */
	public static BigFraction percentCap(IndicatorDef indicator) {
		BigFraction max = indicator.maxValue();
		return max != null && max.compareTo(HUNDRED) > 0 ? max : HUNDRED;
	}

	private static boolean judged(IndicatorDef indicator) {
		return indicator.requirements().values().stream().anyMatch(r -> r instanceof Requirement.Described);
	}

	private static String kind(ValueType type) {
		return "criteria.valueType." + type.name();
	}

	/**
	 * At most 15 digits before the point and 12 after: no programme figure needs more,
	 * and a number like 1E10000000 would otherwise cost minutes to print or store. Only
	 * precision and scale are read (no arithmetic on the number).
	 */
	public static boolean outOfRange(BigDecimal number) {
		return number.scale() > 12 || (number.signum() != 0 && number.precision() - number.scale() > 15);
	}

	/**
	 * A text field: no control characters (tabs and line breaks only where
	 * {@code lineBreaks}), at most {@code max} characters.
	 */
	public static Optional<Refusal> text(Field field, @Nullable String text, int max, boolean lineBreaks) {
		if (text == null) {
			return Optional.empty();
		}
		if (hasControl(text, lineBreaks)) {
			return Optional.of(Refusal.of(field, "engine.value.control"));
		}
		int length = text.codePointCount(0, text.length());
		if (length > max) {
			return Optional.of(Refusal.of(field, "engine.value.tooLong", length, max));
		}
		return Optional.empty();
	}

	/**
	 * Whether a text holds control characters (NUL, escape…); tabs and line breaks count
	 * only when {@code lineBreaks} is false.
	 */
	public static boolean hasControl(String text, boolean lineBreaks) {
		return CONTROL.matcher(text).find() || (!lineBreaks && LINE_BREAKS.matcher(text).find());
	}

	/** Whether a date lies in the range anything in the programme may be dated. */
	public static boolean saneDate(@Nullable LocalDate date) {
		return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
	}

	/**
	 * A number as people write it in Vietnam: "." groups thousands and "," is the decimal
	 * mark ("1.276,5", "1.276", "85,5"); a lone "." before one, two or more than three
	 * digits is read as a decimal mark ("85.5"), as spreadsheets write it. Anything else
	 * — "1,234,567" (English grouping), "1,234.5", "12 m2", "" — is no number: refused
	 * rather than guessed.
	 */
	public static Optional<BigDecimal> parseNumber(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
		if (t.startsWith("+")) {
			t = t.substring(1);
		}
		if (!WRITTEN.matcher(t).matches()) {
			return Optional.empty();
		}
		String normal;
		long commas = t.chars().filter(c -> c == ',').count();
		if (commas > 1) {
			return Optional.empty();
		}
		if (commas == 1) {
			// 1.276,5: the dots before the comma must group thousands
			String whole = t.substring(0, t.indexOf(','));
			if (whole.contains(".") && !GROUPED.matcher(whole).matches()) {
				return Optional.empty();
			}
			normal = whole.replace(".", "") + "." + t.substring(t.indexOf(',') + 1);
		}
		else if (GROUPED.matcher(t).matches()) {
			normal = t.replace(".", "");
		}
		else if (t.chars().filter(c -> c == '.').count() > 1) {
			return Optional.empty();
		}
		else {
			normal = t;
		}
		try {
			return Optional.of(new BigDecimal(normal));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static final Pattern WRITTEN = Pattern.compile("-?[0-9]([0-9.,]*[0-9])?");

	private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+");

}
