package vn.ntm.criteria.engine;

import org.apache.commons.numbers.fraction.BigFraction;

/** A comparison of a value with the required value. */
public enum Op {

	GE("≥"), GT(">"), LE("≤"), LT("<"), EQ("=");

	private final String symbol;

	Op(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return symbol;
	}

	public boolean test(BigFraction value, BigFraction required) {
		int c = value.compareTo(required);
		return switch (this) {
			case GE -> c >= 0;
			case GT -> c > 0;
			case LE -> c <= 0;
			case LT -> c < 0;
			case EQ -> c == 0;
		};
	}

}
