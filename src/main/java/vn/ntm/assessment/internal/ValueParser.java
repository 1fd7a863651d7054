package vn.ntm.assessment.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.ntm.assessment.ValueInput;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.Requirement;
import vn.ntm.criteria.engine.ValueType;

import static vn.ntm.assessment.internal.TemplateLayout.*;

/**
 * Reads the value cells of one template row for an indicator: the kind of value the
 * indicator takes, Vietnamese number writing (1.276,5), percentages, counts over counts,
 * Có/Không. A problem names the column and a message key with its arguments (after the
 * indicator's code and kind, which every message gets first).
 */
final class ValueParser {

	/** The value read, or what is wrong and in which column. */
	record Parsed(@Nullable ValueInput value, @Nullable String column, @Nullable String key, Object... args) {

		static Parsed ok(ValueInput value) {
			return new Parsed(value, null, null);
		}

		static Parsed problem(String column, String key, Object... args) {
			return new Parsed(null, column, key, args);
		}

	}

	/** A number as written: its value, whether with "%", and any other suffix. */
	record Num(BigDecimal value, boolean percent, @Nullable String suffix) {
	}

	private static final Pattern WRITTEN = Pattern.compile("^([+-]?[0-9][0-9.,\\s\\u00A0]*)(.*)$");

	private static final Pattern THOUSANDS = Pattern.compile("^[+-]?\\d{1,3}(\\.\\d{3})+$");

	private ValueParser() {
	}

	static Parsed parse(IndicatorDef indicator, @Nullable String value, @Nullable String numerator,
			@Nullable String denominator, @Nullable String note, @Nullable String source) {
		ValueType type = indicator.type();
		boolean judged = indicator.requirements().values().stream().anyMatch(r -> r instanceof Requirement.Described);
		if (numerator != null || denominator != null) {
			if (type != ValueType.PERCENT) {
				return Parsed.problem(numerator != null ? NUMERATOR : DENOMINATOR,
						"assessment.upload.fractionNotPercent");
			}
			if (value != null) {
				return Parsed.problem(VALUE, "assessment.upload.bothForms");
			}
			if (numerator == null || denominator == null) {
				return Parsed.problem(numerator == null ? NUMERATOR : DENOMINATOR, "assessment.upload.fractionMissing");
			}
			Parsed num = whole(numerator, NUMERATOR);
			if (num.key() != null) {
				return num;
			}
			Parsed den = whole(denominator, DENOMINATOR);
			if (den.key() != null) {
				return den;
			}
			long n = ((Number) num.args()[0]).longValue();
			long d = ((Number) den.args()[0]).longValue();
			if (d <= 0) {
				return Parsed.problem(DENOMINATOR, "assessment.upload.denominatorZero");
			}
			if (n > d) {
				return Parsed.problem(NUMERATOR, "assessment.upload.numeratorOverDenominator", n, d);
			}
			return Parsed.ok(new ValueInput(null, n, d, null, null, note, source));
		}
		String text = display(value);
		Boolean flag = flag(text);
		if (type == ValueType.BOOLEAN || (judged && flag != null)) {
			if (flag == null) {
				return Parsed.problem(VALUE, "assessment.upload.yesNo", text);
			}
			return Parsed.ok(new ValueInput(null, null, null, flag, null, note, source));
		}
		if (type == ValueType.CHOICE) {
			for (String choice : indicator.choices()) {
				if (key(choice).equals(key(text))) {
					return Parsed.ok(new ValueInput(null, null, null, null, choice, note, source));
				}
			}
			return Parsed.problem(VALUE, "assessment.upload.choice", text, String.join(", ", indicator.choices()));
		}
		Num number = number(value);
		if (number == null) {
			return Parsed.problem(VALUE, "assessment.upload.notNumber", text);
		}
		if (number.suffix() != null) {
			return Parsed.problem(VALUE, "assessment.upload.unitSuffix", text,
					indicator.unit() == null || indicator.unit().isBlank() ? "—" : indicator.unit());
		}
		BigDecimal n = number.value();
		if (type == ValueType.PERCENT) {
			if (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(100)) > 0) {
				return Parsed.problem(VALUE, "assessment.upload.percentRange", plain(n));
			}
		}
		else {
			if (number.percent()) {
				return Parsed.problem(VALUE, "assessment.upload.percentNotAllowed", text);
			}
			if (n.signum() < 0) {
				return Parsed.problem(VALUE, "assessment.upload.negative", plain(n));
			}
			if ((type == ValueType.COUNT || type == ValueType.LEVEL) && n.stripTrailingZeros().scale() > 0) {
				return Parsed.problem(VALUE, "assessment.upload.whole", plain(n));
			}
		}
		if (AssessmentService.outOfRange(n)) {
			return Parsed.problem(VALUE, "assessment.value.range");
		}
		return Parsed.ok(new ValueInput(n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros(),
				null, null, null, null, note, source));
	}

	/**
	 * A count: a whole number, not negative, no unit; the value is the first argument.
	 */
	private static Parsed whole(String cell, String column) {
		Num number = number(cell);
		if (number == null || number.suffix() != null || number.percent() || number.value().signum() < 0
				|| number.value().stripTrailingZeros().scale() > 0) {
			return Parsed.problem(column, "assessment.upload.count", column, display(cell));
		}
		try {
			return new Parsed(null, null, null, number.value().longValueExact());
		}
		catch (ArithmeticException ex) {
			return Parsed.problem(column, "assessment.upload.count", column, display(cell));
		}
	}

	/** The cell as the person typed it (numbers without their mark). */
	static String display(@Nullable String cell) {
		if (cell == null) {
			return "";
		}
		return cell.charAt(0) == UploadReader.NUMBER ? cell.substring(1).replace('.', ',') : cell.trim();
	}

	static @Nullable Boolean flag(String text) {
		return switch (key(text)) {
			case "co", "dat", "x", "true", "yes" -> true;
			case "khong", "khong dat", "chua dat", "false", "no" -> false;
			default -> null;
		};
	}

	/** Lower case without accents, for comparing answers however they were typed. */
	static String key(String text) {
		String plain = Normalizer.normalize(text.trim(), Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.replace('đ', 'd')
			.replace('Đ', 'D');
		return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
	}

	/**
	 * A number as a cell holds it (marked, from a number cell) or as typed in a text cell
	 * ("1.276", "85,5", "85%", "12 m2"); null when it is no number.
	 */
	static @Nullable Num number(@Nullable String cell) {
		if (cell == null || cell.isBlank()) {
			return null;
		}
		if (cell.charAt(0) == UploadReader.NUMBER) {
			String raw = cell.substring(1);
			boolean percent = raw.endsWith("%");
			try {
				return new Num(new BigDecimal(percent ? raw.substring(0, raw.length() - 1) : raw), percent, null);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		Matcher m = WRITTEN.matcher(cell.trim());
		if (!m.matches()) {
			return null;
		}
		String digits = m.group(1).replaceAll("[\\s\\u00A0]", "");
		String rest = m.group(2).trim();
		BigDecimal value = decimal(digits);
		if (value == null) {
			return null;
		}
		if (rest.isEmpty()) {
			return new Num(value, false, null);
		}
		if (rest.equals("%")) {
			return new Num(value, true, null);
		}
		return new Num(value, false, rest);
	}

	/** Vietnamese writing: "." groups thousands, "," is the decimal point. */
	private static @Nullable BigDecimal decimal(String digits) {
		String normal;
		if (digits.endsWith(".") || digits.endsWith(",")) {
			return null;
		}
		if (digits.contains(",")) {
			long commas = digits.chars().filter(c -> c == ',').count();
			normal = commas == 1 ? digits.replace(".", "").replace(',', '.') : digits.replace(",", "");
		}
		else if (THOUSANDS.matcher(digits).matches()) {
			normal = digits.replace(".", "");
		}
		else {
			normal = digits;
		}
		try {
			return new BigDecimal(normal);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static String plain(BigDecimal n) {
		return vn.ntm.shared.VnFormat.number(n, 12);
	}

	static List<String> yesNo() {
		return List.of(YES, NO);
	}

}
