package vn.ntm.criteria.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.basic.AbsFunction;
import com.ezylang.evalex.functions.basic.IfFunction;
import com.ezylang.evalex.functions.basic.MaxFunction;
import com.ezylang.evalex.functions.basic.MinFunction;
import com.ezylang.evalex.functions.basic.RoundFunction;
import com.ezylang.evalex.parser.ParseException;
import org.apache.commons.numbers.fraction.BigFraction;
import vn.ntm.shared.BusinessRuleException;

/**
 * The formula of a computed indicator: arithmetic over other indicators of the same set,
 * written with their codes in square brackets — {@code [5.4] / [5.2]},
 * {@code ([2.1] + [2.2]) * 100 / [2.3]}, {@code MIN([15.1], [15.2])}.
 * <p>
 * The language is EvalEx's, restricted to numbers, the operators {@code + - * / ^},
 * brackets, comparisons, and the functions MIN, MAX, ABS, ROUND and IF: no strings,
 * arrays, dates or other functions, nothing that reaches outside the values given. A
 * share indicator gives its percentage, a yes/no indicator 1 or 0.
 */
public final class Formula {

	private static final Pattern REFERENCE = Pattern.compile("\\[([^\\[\\]]*)\\]");

	private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,19}");

	private static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
		.functionDictionary(MapBasedFunctionDictionary.ofFunctions(Map.entry("MIN", new MinFunction()),
				Map.entry("MAX", new MaxFunction()), Map.entry("ABS", new AbsFunction()),
				Map.entry("ROUND", new RoundFunction()), Map.entry("IF", new IfFunction())))
		.arraysAllowed(false)
		.structuresAllowed(false)
		.singleQuoteStringLiteralsAllowed(false)
		.implicitMultiplicationAllowed(false)
		.defaultConstants(Map.of())
		.mathContext(MathContext.DECIMAL128)
		.build();

	private final String text;

	private final String translated;

	/** Variable name in the translated expression → indicator code. */
	private final Map<String, String> variables;

	private Formula(String text, String translated, Map<String, String> variables) {
		this.text = text;
		this.translated = translated;
		this.variables = variables;
	}

	/**
	 * Reads a formula, or fails with a Vietnamese message (key {@code formula.*}) that
	 * says what is wrong.
	 */
	public static Formula parse(String text) {
		String source = text.strip();
		if (source.isEmpty()) {
			throw new BusinessRuleException("formula.empty");
		}
		if (source.chars().filter(c -> c == '[').count() != source.chars().filter(c -> c == ']').count()) {
			throw new BusinessRuleException("formula.brackets", source);
		}
		Map<String, String> variables = new LinkedHashMap<>();
		Map<String, String> byCode = new LinkedHashMap<>();
		Matcher m = REFERENCE.matcher(source);
		StringBuilder translated = new StringBuilder();
		while (m.find()) {
			String code = m.group(1).strip();
			if (!CODE.matcher(code).matches()) {
				throw new BusinessRuleException("formula.badReference", m.group());
			}
			String variable = byCode.computeIfAbsent(code, c -> "ref" + (byCode.size() + 1));
			variables.put(variable, code);
			m.appendReplacement(translated, variable);
		}
		m.appendTail(translated);
		Expression expression = new Expression(translated.toString(), CONFIG);
		try {
			expression.validate();
			for (String used : expression.getUsedVariables()) {
				if (!variables.containsKey(used)) {
					throw new BusinessRuleException("formula.bareName", used);
				}
			}
		}
		catch (ParseException ex) {
			throw new BusinessRuleException("formula.syntax", source, ex.getMessage());
		}
		if (variables.isEmpty()) {
			throw new BusinessRuleException("formula.noReference", source);
		}
		return new Formula(source, translated.toString(), variables);
	}

	public String text() {
		return text;
	}

	/** The codes of the indicators it uses, in order of first use. */
	public Set<String> references() {
		return new LinkedHashSet<>(variables.values());
	}

	/**
	 * The value for the given indicator values (code → number); empty when one is
	 * missing.
	 * @throws ArithmeticException on a division by zero or a result that is not a number
	 */
	public Optional<BigFraction> evaluate(Map<String, BigFraction> values) {
		Expression expression = new Expression(translated, CONFIG);
		for (Map.Entry<String, String> variable : variables.entrySet()) {
			BigFraction value = values.get(variable.getValue());
			if (value == null) {
				return Optional.empty();
			}
			expression.with(variable.getKey(),
					value.bigDecimalValue(MathContext.DECIMAL128.getPrecision(), RoundingMode.HALF_EVEN));
		}
		try {
			EvaluationValue result = expression.evaluate();
			if (result.isBooleanValue()) {
				return Optional.of(result.getBooleanValue() ? BigFraction.ONE : BigFraction.ZERO);
			}
			if (!result.isNumberValue()) {
				throw new ArithmeticException("not a number");
			}
			return Optional.of(rational(result.getNumberValue()));
		}
		catch (EvaluationException | ParseException ex) {
			throw new ArithmeticException(ex.getMessage());
		}
	}

	@Override
	public String toString() {
		return text;
	}

	/** Results closer than this (relative) to a simple fraction are that fraction. */
	private static final BigDecimal TOLERANCE = new BigDecimal("1e-28");

	private static final BigInteger LARGEST_DENOMINATOR = BigInteger.TEN.pow(12);

	/**
	 * The exact value a decimal result stands for. EvalEx computes with 34 significant
	 * digits, so {@code 1 * 100 / 3} comes back as 33.33…33; compared with a threshold of
	 * {@code 100/3} it would fall short by 10⁻³². The result is read back as the simplest
	 * fraction (denominator at most 10¹²) within 10⁻²⁸ of it, found by continued
	 * fractions; a decimal that is no such fraction is kept as it is.
	 */
	static BigFraction rational(BigDecimal x) {
		BigDecimal tolerance = x.abs().multiply(TOLERANCE).max(TOLERANCE);
		BigInteger h0 = BigInteger.ZERO;
		BigInteger h1 = BigInteger.ONE;
		BigInteger k0 = BigInteger.ONE;
		BigInteger k1 = BigInteger.ZERO;
		BigDecimal rest = x;
		for (int step = 0; step < 64; step++) {
			BigInteger a = rest.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
			BigInteger h2 = a.multiply(h1).add(h0);
			BigInteger k2 = a.multiply(k1).add(k0);
			if (k2.compareTo(LARGEST_DENOMINATOR) > 0) {
				break;
			}
			h0 = h1;
			h1 = h2;
			k0 = k1;
			k1 = k2;
			BigDecimal approximation = new BigDecimal(h1).divide(new BigDecimal(k1), MathContext.DECIMAL128);
			BigDecimal fractional = rest.subtract(new BigDecimal(a));
			if (fractional.signum() == 0 || x.subtract(approximation).abs().compareTo(tolerance) <= 0) {
				return BigFraction.of(h1, k1);
			}
			rest = BigDecimal.ONE.divide(fractional, WIDE);
		}
		return Numbers.of(x);
	}

	private static final MathContext WIDE = new MathContext(68);

}
