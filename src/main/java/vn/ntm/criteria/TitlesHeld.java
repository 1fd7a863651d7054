package vn.ntm.criteria;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The titles units hold at a date, as the engine needs them ("100% of communes NTM",
 * prerequisites). Declared here, implemented by the recognition module (which owns the
 * titles units hold), so that modules below recognition can ask without depending on it.
 */
public interface TitlesHeld {

	/**
	 * Titles held at a date by each unit (for evaluations over many units; the caller has
	 * checked access to the units' parent). A title without a decision date counts from 1
	 * January of its year; a revoked title until its revocation, a title whose unit ended
	 * until the unit's end.
	 */
	Map<Long, Set<String>> titlesHeld(Collection<Long> unitIds, LocalDate at);

}
