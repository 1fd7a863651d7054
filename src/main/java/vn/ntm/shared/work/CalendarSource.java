package vn.ntm.shared.work;

import java.time.LocalDate;
import java.util.List;

/**
 * Contributes to the current user's deadline calendar (the calendar page and its
 * iCalendar feed). Every module with dated work implements it as a Spring bean; the
 * calendar asks every bean and knows none of the modules.
 *
 * <p>
 * Like {@link WorkItemSource}, an implementation reads only the current user's units in
 * its SQL, links only to pages the user may open, and answers an empty list, never fails,
 * for a user with nothing dated.
 */
public interface CalendarSource {

	/** The current user's entries due between the two days, both inclusive. */
	List<CalendarEntry> entries(LocalDate from, LocalDate to);

}
