package vn.ntm.assessment;

import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.engine.Evaluation;

/**
 * One unit's evaluation in an evaluation of many (all communes of a district, of the
 * country), with whether anything was entered for it.
 */
public record UnitEvaluation(long unitId, String label, @Nullable Long assessmentId, Evaluation evaluation) {
}
