package vn.ntm.orgunit.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.VnFormat;

/**
 * The "as of" date of unit pages: typed as dd/MM/yyyy or ISO; today when absent or
 * unreadable.
 */
final class AsOf {

	private AsOf() {
	}

	static LocalDate parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return VnFormat.today();
		}
		return VnFormat.parseDate(text).orElse(VnFormat.today());
	}

}
