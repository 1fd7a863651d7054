package vn.ntm.criteria.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;

/** Dates typed in the catalog forms (dd/MM/yyyy), with an error naming the field. */
final class Dates {

	private Dates() {
	}

	static @Nullable LocalDate optional(@Nullable String text, String fieldKey) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return VnFormat.parseDate(text.strip())
			.orElseThrow(() -> new BusinessRuleException("error.date.invalid", fieldKey, text.strip()));
	}

}
