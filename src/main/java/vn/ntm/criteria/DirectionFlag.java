package vn.ntm.criteria;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A threshold whose direction contradicts what its indicator measures, found when a set
 * is loaded, imported or saved and shown on the set's page for an administrator to
 * confirm: nothing is changed silently.
 *
 * @param kind {@code MINIMUM}: a figure of something bad (a rate of stunted children, of
 * poor households…) required at least a bar, where a maximum (≤) is expected;
 * {@code EXPECT_YES}: a yes/no about something bad required to be "Có";
 * {@code IMPLIED_NO}: a yes/no about something bad with no bar, which the engine takes to
 * be met by "Không". Labels under {@code catalog.direction.<kind>}.
 * @param requirements the requirements as they read now ("TDMNPB ≥ 24; DBSH ≥ 16,5"), the
 * text a confirmation is bound to
 * @param confirmedBy who confirmed it for these requirements, none when not confirmed
 */
public record DirectionFlag(String criterion, String indicator, @Nullable String name, String kind, String requirements,
		@Nullable String note, @Nullable String confirmedBy, @Nullable Instant confirmedAt) {

	public boolean confirmed() {
		return confirmedBy != null;
	}

}
