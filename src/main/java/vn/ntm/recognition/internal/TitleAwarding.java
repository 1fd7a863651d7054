package vn.ntm.recognition.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.ntm.recognition.NewTitleAward;
import vn.ntm.recognition.Titles;

/**
 * The one call that creates the title a decision awards, through the titles facade.
 */
@Component
class TitleAwarding {

	private final Titles titles;

	TitleAwarding(Titles titles) {
		this.titles = titles;
	}

	/** Awards the title; answers the award's id. */
	long award(long unitId, String titleCode, int year, LocalDate decidedOn, String decisionNumber,
			@Nullable String issuer, String note) {
		return titles.award(unitId, new NewTitleAward(titleCode, year, decidedOn, decisionNumber, issuer, note, null))
			.id();
	}

}
