package vn.ntm.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.ntm.criteria.engine.Evaluation;
import vn.ntm.criteria.engine.EvaluationInput;

/**
 * Assessments and their evaluation. Reading needs the unit in the user's scope; entering
 * needs the permission to enter assessments for a unit placed within the user's units.
 * Every change is audited.
 */
public interface AssessmentManagement {

	AssessmentView open(NewAssessment assessment);

	AssessmentView get(long assessmentId);

	Optional<AssessmentView> find(long unitId, long setId, int year);

	/** The unit's assessments, newest year first. */
	List<AssessmentView> ofUnit(long unitId);

	/**
	 * Records values and results; refused if someone saved the assessment since
	 * {@code expectedVersion}.
	 */
	AssessmentView record(long assessmentId, AssessmentEntry entry);

	/** What was entered, as the engine reads it. */
	EvaluationInput input(long assessmentId);

	/**
	 * What was entered per indicator code, with each value's note and source (as
	 * {@link #record} takes it).
	 */
	Map<String, ValueInput> values(long assessmentId);

	/**
	 * The assessment to compare with when entering this one: the unit's assessment of the
	 * year before against the same set code (any version), else the unit's latest
	 * assessment of an earlier year; none if the unit has no earlier assessment.
	 */
	Optional<AssessmentView> previous(long assessmentId);

	/** The evaluation of a stored assessment. */
	EvaluationView evaluate(long assessmentId);

	/**
	 * The evaluation of a unit against a set for a year: the stored assessment if there
	 * is one, else of nothing entered (which shows what is missing).
	 */
	EvaluationView evaluate(long unitId, long setId, int year);

	/** An evaluation of values given in the request, stored nowhere. */
	Evaluation evaluate(long unitId, long setId, LocalDate asOf, EvaluationInput input);

	/**
	 * An evaluation of an entry given in the request, checked as {@link #record} checks
	 * it (codes, kinds of values) and stored nowhere; {@code expectedVersion} is ignored.
	 * The set must apply to the unit at {@code asOf}.
	 */
	Evaluation evaluateEntry(long unitId, long setId, LocalDate asOf, AssessmentEntry entry);

	/**
	 * Every unit below (and including) {@code rootId} that the set applies to, evaluated
	 * for the year from what was entered — one read of the database for all of them.
	 */
	List<UnitEvaluation> evaluateWithin(long rootId, long setId, int year);

	/**
	 * Fails unless the current user may enter results for the assessment's unit and the
	 * assessment is in a status that allows changes
	 * ({@link AssessmentStatus#editable()}): a submitted or approved assessment is
	 * read-only (an approved one until reopened). Every change to an assessment — values,
	 * results, evidence, uploads — calls it.
	 */
	AssessmentView requireEditable(long assessmentId);

	/** Whether the current user may enter results for the unit. */
	boolean canEnter(long unitId);

}
