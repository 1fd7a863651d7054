package vn.ntm.recognition;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import vn.ntm.orgunit.UnitRef;

/**
 * The titles units hold (danh hiệu): recognised by decision, confirmed as maintained
 * under a newer criteria set, revoked, or ended when their unit ended in a merger. A
 * title belongs to a unit: communes merged into a new one do not pass theirs on. Which
 * titles exist is the criteria catalogue's ({@code CriteriaCatalog.titles()}). Every call
 * is checked against the caller's units.
 */
public interface Titles {

	/** Every title the unit has held, newest first, including revoked and ended ones. */
	List<TitleAward> historyOf(long unitId);

	/**
	 * Titles held at a date by each unit (for evaluations over many units; the caller has
	 * checked access to the units' parent).
	 */
	Map<Long, Set<String>> titlesHeld(Collection<Long> unitIds, LocalDate at);

	/**
	 * The titles held at the date by the units below the parent (one of them, or all with
	 * {@code titleCode} null), the units as they were at the date; only units the caller
	 * may read.
	 */
	List<TitleAward> heldBelow(long parentUnitId, @Nullable String titleCode, LocalDate at);

	/**
	 * Records a title; by province programme offices (for units of their province) and
	 * administrators. Published: {@link TitleAwarded}.
	 */
	TitleAward award(long unitId, NewTitleAward award);

	/** Records the revocation of a title. Published: {@link TitleRevoked}. */
	TitleAward revoke(long awardId, Revocation revocation, int expectedVersion);

	/** Whether the current user may record titles for the unit. */
	boolean canRecord(long unitId);

	/**
	 * Records that a title was reviewed under a newer criteria set (rà soát duy trì
	 * chuẩn): maintained or not, by a decision, with its deadline.
	 */
	TitleReview review(long awardId, NewTitleReview review, int expectedVersion);

	/** The reviews of the unit's titles, newest first. */
	List<TitleReview> reviewsOf(long unitId);

	/**
	 * The titles of the units this one was formed from (merged into it), each with the
	 * predecessor as it was on its last day; only predecessors the caller may read or
	 * that this unit came from.
	 */
	List<PredecessorTitle> predecessorTitles(long unitId);

	/** A title of a unit this one was formed from. */
	record PredecessorTitle(UnitRef unit, TitleAward award) {
	}

}
