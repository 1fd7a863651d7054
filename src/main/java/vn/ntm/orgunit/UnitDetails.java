package vn.ntm.orgunit;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything the unit page shows about a unit as of a date.
 *
 * @param version the version valid at {@code at}, or the nearest one when the unit did
 * not exist then
 * @param existsAt whether the unit existed at {@code at}
 * @param shownAt the day the ancestors, children and classifications are shown for:
 * {@code at}, or the nearest day of the unit's life when it did not exist then
 * @param ancestors from the country down to the parent, as of {@code at} (or as of the
 * version's start)
 * @param classifications the values that apply at {@code at}, own or inherited
 * @param rowVersion the optimistic-lock version to send back with an edit
 */
public record UnitDetails(UnitRef version, LocalDate at, boolean existsAt, LocalDate shownAt, List<UnitRef> ancestors,
		List<UnitRef> children, List<ClassificationView> classifications, int rowVersion, @Nullable String updatedBy,
		java.time.@Nullable Instant updatedAt) {

	public long id() {
		return version.id();
	}

}
