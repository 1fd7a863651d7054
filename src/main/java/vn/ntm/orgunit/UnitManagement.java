package vn.ntm.orgunit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The administrative units through time. Every method checks the caller's scope: reading
 * a unit outside it fails with 403, and searches and lists only return units within it.
 */
public interface UnitManagement {

	/**
	 * The units of a year below a root: every unit that existed at any time in the year
	 * below the root (or below a unit that ended in the year and became the root), each
	 * as of its own last day in the year — Xã Tam Thanh's 2025 is as of 30/06/2025. The
	 * root comes first. The one answer behind the matrix, progress, summary and "within"
	 * of a year; a root that did not exist in the year is refused in words.
	 */
	List<UnitRef> unitsOfYear(long rootId, int year);

	/**
	 * The unit's last day in the year: 31/12, or the day it ended; a unit that did not
	 * exist in the year is refused in words naming what it became or when it began.
	 */
	LocalDate lastDayIn(long unitId, int year);

	/** What became of a unit that has ended; empty while it exists. */
	Optional<UnitFate> fate(long unitId);

	/** Whether the unit existed at any time in the year. */
	default boolean existedIn(long unitId, int year) {
		try {
			lastDayIn(unitId, year);
			return true;
		}
		catch (vn.ntm.shared.BusinessRuleException ex) {
			return false;
		}
	}

	/** The root of the tree (Việt Nam). */
	long countryId();

	/** The unit as of {@code at}, with ancestors, children and classifications. */
	UnitDetails details(long unitId, LocalDate at);

	/** The version valid at {@code at}, if the unit existed then. */
	Optional<UnitRef> find(long unitId, LocalDate at);

	/** Children as of {@code at}, ordered by type and name. */
	List<UnitRef> children(long unitId, LocalDate at);

	/** Ancestors as of {@code at}, from the country down to the parent. */
	List<UnitRef> ancestors(long unitId, LocalDate at);

	/**
	 * The sub-tree below {@code rootId} as of {@code at}, {@code maxDepth} levels deep.
	 */
	TreeNode tree(long rootId, LocalDate at, int maxDepth);

	/** All units below {@code rootId} as of {@code at}, in tree order. */
	List<UnitRef> descendants(long rootId, LocalDate at);

	/** The unit's versions, lineage events, classifications and data issues. */
	UnitHistory history(long unitId);

	/**
	 * Units whose name or code matches {@code text} ignoring diacritics ("hung my" finds
	 * "Hùng Mỹ"), within the caller's scope; valid at {@code at} when given, else at any
	 * time (current versions first).
	 */
	List<UnitRef> search(String text, @Nullable LocalDate at, int limit);

	/**
	 * For each unit version, where it lay: its ancestors nearest first, without the
	 * country ("Thành phố Tam Kỳ, Tỉnh Quảng Nam"), as of the version's last day (or
	 * today).
	 */
	java.util.Map<Long, String> locations(List<UnitRef> versions);

	/** The unit holding {@code code} at {@code at}. */
	Optional<UnitRef> findByCode(String code, LocalDate at);

	/**
	 * The units the caller is bound to, as of {@code at} (their latest version if they
	 * ended before).
	 */
	List<UnitRef> scopeRoots(LocalDate at);

	/**
	 * Whether the caller may edit the unit (for drawing buttons; the commands check
	 * again).
	 */
	boolean canEdit(long unitId);

	/**
	 * The value of a scheme that applies to the unit at a date: its own, else inherited.
	 */
	Optional<ClassificationView> classificationAt(long unitId, String schemeCode, LocalDate at);

	List<ClassificationScheme> schemes();

	/**
	 * The classification values (scheme → values) held at a date by a unit and, with
	 * {@code descendants}, by every unit below it — inherited schemes (the region)
	 * included — limited to {@code schemes}. One read for a whole province, for
	 * evaluations.
	 */
	java.util.Map<Long, java.util.Map<String, java.util.Set<String>>> classificationsAt(long rootId,
			java.util.Set<String> schemes, LocalDate at, boolean descendants);

	UnitRef create(NewUnit unit);

	UnitRef correct(long unitId, UnitCorrection correction);

	UnitRef change(long unitId, UnitChange change);

	/** Records a merge; returns the lineage event's id. */
	long merge(Merge merge);

	/** Records a split; returns the lineage event's id. */
	long split(Split split);

	/** Ends the unit on the day before {@code effectiveDate}, without successor. */
	long dissolve(long unitId, LocalDate effectiveDate, @Nullable String legalBasis, @Nullable String note,
			int expectedVersion);

	void classify(long unitId, ClassificationChange change);

	/**
	 * Ends a classification value on {@code lastDay} (or removes it when it had not
	 * started by then).
	 */
	void endClassification(long unitId, long classificationId, LocalDate lastDay, int expectedVersion);

}
