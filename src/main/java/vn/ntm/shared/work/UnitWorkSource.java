package vn.ntm.shared.work;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Contributes to the home page's list of the user's units: for each unit, where this
 * year's work stands ("Năm 2026: Đang nhập") and the one action to take now.
 */
public interface UnitWorkSource {

	/**
	 * The lines for the given units (the user's own units), keyed by unit id; a unit with
	 * nothing from this source is left out.
	 */
	java.util.Map<Long, List<UnitWork>> lines(List<Unit> units, LocalDate today);

	/**
	 * One of the user's units.
	 *
	 * @param level 0 country … 4 village
	 * @param validTo its last day, if it has ended
	 */
	record Unit(long id, int level, @Nullable LocalDate validTo) {

		/** The year whose work counts: this year, or the unit's last year if it ended. */
		public int year(LocalDate today) {
			return validTo != null && validTo.isBefore(today) ? validTo.getYear() : today.getYear();
		}

	}

	/**
	 * One unit's state: {@code statusKey} (a message key) with its arguments,
	 * {@code actionKey} and {@code link} the one action for this user (both null: none).
	 */
	record UnitWork(long unitId, String statusKey, List<Object> statusArgs, @Nullable String actionKey,
			@Nullable String link) {
	}

}
