package vn.ntm.assessment.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.ntm.assessment.ValueInput;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.Requirement;
import vn.ntm.criteria.engine.ValueRules;
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

	private ValueParser() {
	}

	static Parsed parse(IndicatorDef indicator, @Nullable String value, @Nullable String numerator,
			@Nullable String denominator, @Nullable String note, @Nullable String source) {
		ValueType type = indicator.type();
		boolean judged = indicator.requirements().values().stream().anyMatch(r -> r instanceof Requirement.Described);
		BigDecimal number = null;
		BigInteger num = null;
		BigInteger den = null;
		Boolean flag = null;
		String choice = null;
		Boolean verdict = null;
		if (numerator != null || denominator != null) {
			if (value != null) {
				return Parsed.problem(VALUE, "assessment.upload.bothForms");
			}
			if (numerator != null) {
				num = whole(numerator);
				if (num == null) {
					return Parsed.problem(NUMERATOR, "assessment.upload.count", NUMERATOR, display(numerator));
				}
			}
			if (denominator != null) {
				den = whole(denominator);
				if (den == null) {
					return Parsed.problem(DENOMINATOR, "assessment.upload.count", DENOMINATOR, display(denominator));
				}
			}
		}
		else {
			String text = display(value);
			Boolean yesNo = flag(text);
			if (type == ValueType.BOOLEAN || (judged && yesNo != null)) {
				if (yesNo == null) {
					return Parsed.problem(VALUE, "assessment.upload.yesNo", text);
				}
				flag = yesNo;
			}
			else if (verdict(text) != null) {
				// "Đạt" / "Không đạt" without the figure, the reason in the note
				verdict = verdict(text);
			}
			else if (type == ValueType.CHOICE) {
				for (String option : indicator.choices()) {
					if (key(option).equals(key(text))) {
						choice = option;
					}
				}
				if (choice == null) {
					return Parsed.problem(VALUE, "assessment.upload.choice", text,
							String.join(", ", indicator.choices()));
				}
			}
			else {
				Num written = number(value);
				if (written == null) {
					return Parsed.problem(VALUE, "assessment.upload.notNumber", text);
				}
				if (written.suffix() != null) {
					return Parsed.problem(VALUE, "assessment.upload.unitSuffix", text,
							indicator.unit() == null || indicator.unit().isBlank() ? "—" : indicator.unit());
				}
				if (written.percent() && type != ValueType.PERCENT) {
					return Parsed.problem(VALUE, "assessment.upload.percentNotAllowed", text);
				}
				number = written.value().stripTrailingZeros().scale() < 0 ? written.value().setScale(0)
						: written.value().stripTrailingZeros();
			}
		}
		ValueRules.Candidate candidate = new ValueRules.Candidate(number, num, den, flag, choice, verdict, note,
				source);
		Optional<ValueRules.Refusal> refusal = ValueRules.check(indicator, candidate);
		if (refusal.isPresent()) {
			// the engine's message, with its own arguments (code, field, …)
			return Parsed.problem(column(refusal.get().field()), refusal.get().key(),
					refusal.get().arguments(indicator.code()));
		}
		return Parsed.ok(new ValueInput(number, num == null ? null : num.longValueExact(),
				den == null ? null : den.longValueExact(), flag, choice, note, source, verdict));
	}

	private static String column(ValueRules.Field field) {
		return switch (field) {
			case VALUE -> VALUE;
			case NUMERATOR -> NUMERATOR;
			case DENOMINATOR -> DENOMINATOR;
			case NOTE -> NOTE;
			case SOURCE -> SOURCE;
		};
	}

	/** A count as a cell holds it: a whole number (its sign is the engine's rule). */
	private static @Nullable BigInteger whole(String cell) {
		Num number = number(cell);
		if (number == null || number.suffix() != null || number.percent()
				|| number.value().stripTrailingZeros().scale() > 0 || ValueRules.outOfRange(number.value())) {
			return null;
		}
		return number.value().setScale(0, java.math.RoundingMode.UNNECESSARY).toBigIntegerExact();
	}

	/**
	 * "Đạt" or "Không đạt" / "Chưa đạt" written for an indicator that is not a yes/no:
	 * the result stated without the figure.
	 */
	static @Nullable Boolean verdict(String text) {
		return switch (key(text)) {
			case "dat" -> true;
			case "khong dat", "chua dat" -> false;
			default -> null;
		};
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

	/** Vietnamese writing, read by the engine's one parser. */
	private static @Nullable BigDecimal decimal(String digits) {
		return ValueRules.parseNumber(digits).orElse(null);
	}

	static String plain(BigDecimal n) {
		return vn.ntm.shared.VnFormat.number(n, 12);
	}

	static List<String> yesNo() {
		return List.of(YES, NO);
	}

}
