package vn.ntm.assessment.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.assessment.AssessmentTracking;
import vn.ntm.assessment.ProgressState;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;

/**
 * Workflow reads for the views of a parent: the parent must be in the user's scope, and
 * only assessments of units at or below it are answered.
 */
@Service
@Transactional(readOnly = true)
class TrackingService implements AssessmentTracking {

	private final WorkflowQueries queries;

	private final UnitManagement units;

	private final AccessPolicy access;

	TrackingService(WorkflowQueries queries, UnitManagement units, AccessPolicy access) {
		this.queries = queries;
		this.units = units;
		this.access = access;
	}

	@Override
	public Map<Long, ProgressState> states(long rootId, int year, Collection<Long> assessmentIds) {
		access.requireRead(rootId);
		if (assessmentIds.isEmpty()) {
			return Map.of();
		}
		// the units of the year, each as of its own last day in it
		Set<Long> within = new HashSet<>();
		units.unitsOfYear(rootId, year).stream().map(UnitRef::id).forEach(within::add);
		Map<Long, ProgressState> states = new LinkedHashMap<>();
		queries.states(assessmentIds).forEach((id, state) -> {
			if (within.contains(state.unitId())) {
				states.put(id, state);
			}
		});
		return states;
	}

}
