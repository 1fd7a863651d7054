package vn.ntm.planning.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import vn.ntm.shared.VnFormat;

/**
 * Reading what people type into the plan forms, Vietnamese-style: numbers "1.307,5" (dot
 * groups thousands, comma is the decimal mark), dates dd/mm/yyyy, years. A value that
 * cannot be read is rejected on its field (named in the message), never guessed.
 */
final class Inputs {

	private Inputs() {
	}

	static @Nullable String text(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static @Nullable BigDecimal number(@Nullable String value, String field, Errors errors) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(" ", "").replace(".", "").replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			errors.rejectValue(field, "planning.form.number", new Object[] { text }, null);
			return null;
		}
	}

	static @Nullable LocalDate date(@Nullable String value, String field, Errors errors) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		var date = VnFormat.parseDate(text);
		if (date.isEmpty()) {
			errors.rejectValue(field, "planning.form.date", new Object[] { text }, null);
			return null;
		}
		return date.get();
	}

	static @Nullable Integer year(@Nullable String value, String field, Errors errors) {
		String text = text(value);
		if (text == null) {
			errors.rejectValue(field, "planning.form.yearRequired");
			return null;
		}
		if (!text.matches("\\d{4}")) {
			errors.rejectValue(field, "planning.form.year", new Object[] { text }, null);
			return null;
		}
		return Integer.valueOf(text);
	}

	static void required(@Nullable String value, String field, String key, Errors errors) {
		if (text(value) == null) {
			errors.rejectValue(field, key);
		}
	}

	/** "1307.5" as the form shows it: "1.307,5". */
	static @Nullable String show(@Nullable BigDecimal value) {
		return value == null ? null : VnFormat.number(value, 6);
	}

}
