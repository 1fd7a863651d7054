package vn.ntm.criteria;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The titles units hold (recognised by decision) and their revocation. A title belongs to
 * a unit: communes merged into a new one do not pass theirs on.
 */
public interface TitleRegistry {

	/** Every title the unit has held, newest first. */
	List<TitleAwardView> awardsOf(long unitId);

	/**
	 * Titles held at a date by each unit (for evaluations over many units; the caller has
	 * checked access to the units' parent). A title without a decision date counts from 1
	 * January of its year.
	 */
	Map<Long, Set<String>> titlesHeld(Collection<Long> unitIds, LocalDate at);

	/**
	 * Records a title; by province programme offices (for units of their province) and
	 * administrators.
	 */
	TitleAwardView award(long unitId, NewTitleAward award);

	/** Records the revocation of a title from a date. */
	TitleAwardView revoke(long awardId, LocalDate revokedOn, String decision, int expectedVersion);

	/** Whether the current user may record titles for the unit. */
	boolean canRecord(long unitId);

}
