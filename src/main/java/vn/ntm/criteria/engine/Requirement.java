package vn.ntm.criteria.engine;

import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;
import org.jspecify.annotations.Nullable;

/**
 * The required value of an indicator for one classification value (a region, a commune
 * group) or for all. {@code printed} is the requirement as the source wrote it ("≥80%"),
 * kept even when the source looks wrong; {@code note} says what is doubtful.
 */
public sealed interface Requirement
		permits Requirement.Compare, Requirement.Expect, Requirement.OneOf, Requirement.Described {

	@Nullable String printed();

	@Nullable String note();

	@Nullable String source();

	/** How it reads in a table: "≥ 80", "Có", "Tốt, Khá", or the described text. */
	String display();

	/**
	 * A number compared with the value ({@code value} in the indicator's unit; percent
	 * for shares).
	 */
	record Compare(Op op, BigFraction value, @Nullable String printed, @Nullable String note,
			@Nullable String source) implements Requirement {

		@Override
		public String display() {
			return op.symbol() + " " + Numbers.display(value);
		}

	}

	/** A yes/no indicator must be this. */
	record Expect(boolean value, @Nullable String printed, @Nullable String note,
			@Nullable String source) implements Requirement {

		@Override
		public String display() {
			return value ? "Có / Đạt" : "Không";
		}

	}

	/** The answer must be one of these. */
	record OneOf(Set<String> values, @Nullable String printed, @Nullable String note,
			@Nullable String source) implements Requirement {

		@Override
		public String display() {
			return String.join(", ", values);
		}

	}

	/**
	 * A requirement that is a text, not a comparison (e.g. "100% đạt mức độ 1; ≥70% … với
	 * xã có trên 3 trường"): a person judges it and enters Đạt or Không đạt.
	 */
	record Described(String text, @Nullable String printed, @Nullable String note,
			@Nullable String source) implements Requirement {

		@Override
		public String display() {
			return text;
		}

	}

}
