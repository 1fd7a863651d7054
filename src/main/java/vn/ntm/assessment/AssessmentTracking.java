package vn.ntm.assessment;

import java.util.Collection;
import java.util.Map;

/**
 * Where assessments are in their yearly path, read for the views people send up the
 * hierarchy (the progress of a parent's units, the matrix's status filter). Reading needs
 * the parent in the user's scope; assessments of units outside it are left out.
 */
public interface AssessmentTracking {

	/**
	 * The workflow state of the given assessments of units at or below {@code rootId} (as
	 * of 31/12 of the year), by assessment id, with the criterion checks of the current
	 * round — one read for all of them.
	 */
	Map<Long, ProgressState> states(long rootId, int year, Collection<Long> assessmentIds);

}
