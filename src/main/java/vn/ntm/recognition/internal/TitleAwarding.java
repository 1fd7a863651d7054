package vn.ntm.recognition.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import vn.ntm.criteria.NewTitleAward;
import vn.ntm.criteria.TitleRegistry;

/**
 * The one call that creates the title a decision awards. Until the titles move into this
 * module (branch i11-titles, {@code recognition.Titles}), the criteria module's registry
 * records it.
 */
@Component
class TitleAwarding {

	private final TitleRegistry titles;

	TitleAwarding(TitleRegistry titles) {
		this.titles = titles;
	}

	/** Awards the title; answers the award's id. */
	long award(long unitId, String titleCode, int year, LocalDate decidedOn, String decisionNumber,
			@org.jspecify.annotations.Nullable String issuer, String note) {
		return titles
			.award(unitId,
					new NewTitleAward(titleCode, year, decidedOn, decisionNumber,
							issuer == null ? null : "Quyết định của " + issuer, note))
			.id();
	}

}
