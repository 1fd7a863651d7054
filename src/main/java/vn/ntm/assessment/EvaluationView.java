package vn.ntm.assessment;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.engine.Evaluation;
import vn.ntm.orgunit.UnitRef;

/**
 * An evaluation with what it is about: the unit as of the date, the set version, the
 * year, the stored assessment (none for an evaluation of nothing entered yet), and the
 * titles the unit held at the date.
 */
public record EvaluationView(UnitRef unit, SetSummary set, int year, LocalDate asOf,
		@Nullable AssessmentView assessment, List<String> titlesHeld, Evaluation evaluation) {
}
