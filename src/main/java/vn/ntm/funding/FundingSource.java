package vn.ntm.funding;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A source of money in the maintained list; {@code level} UPPER (upper-level budgets),
 * LOCAL (counterpart budgets of district and commune) or OTHER.
 */
public record FundingSource(String code, String name, String nameEn, String level, int sortOrder,
		@Nullable LocalDate validTo, boolean active) {

	public String name(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : name;
	}

}
