package vn.ntm.assessment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.assessment.AssessmentWorkflow.CheckVerdict;
import vn.ntm.assessment.WorkflowState.Appraised;
import vn.ntm.assessment.WorkflowState.CriterionCheck;
import vn.ntm.criteria.engine.Appraisal;
import vn.ntm.assessment.WorkflowState.WorkflowStep;

/**
 * The path of assessments with plain SQL: status changes (version-checked), criterion
 * checks of the current round, and the steps.
 */
@Component
class WorkflowStore {

	private final JdbcClient jdbc;

	WorkflowStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Status, since when and by whom. */
	record Status(AssessmentStatus status, @Nullable Instant at, @Nullable String by, int rowVersion) {
	}

	Status status(long id) {
		return jdbc.sql("select status, status_at, status_by, row_version from assessment where id = :id")
			.param("id", id)
			.query((rs, n) -> new Status(AssessmentStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("status_at") == null ? null : rs.getTimestamp("status_at").toInstant(),
					rs.getString("status_by"), rs.getInt("row_version")))
			.single();
	}

	/**
	 * Moves the assessment from {@code from} to {@code to} if nobody changed it since
	 * {@code expectedVersion}; false otherwise.
	 */
	boolean move(long id, int expectedVersion, AssessmentStatus to, String actor, Instant at) {
		return jdbc.sql("""
				update assessment set status = :to, status_at = :at, status_by = :by, updated_at = :at,
				    updated_by = :by, row_version = row_version + 1
				where id = :id and row_version = :expected
				""")
			.param("to", to.name())
			.param("at", Timestamp.from(at))
			.param("by", actor)
			.param("id", id)
			.param("expected", expectedVersion)
			.update() == 1;
	}

	/**
	 * A draft nobody has submitted, recorded as approved on {@code decidedAt} (the date
	 * of the document that decided it); false if it changed since {@code expectedVersion}
	 * or is no longer a draft.
	 */
	boolean decide(long id, int expectedVersion, Instant decidedAt, String actor, Instant now) {
		return jdbc.sql("""
				update assessment set status = 'APPROVED', status_at = :decided, status_by = :by, updated_at = :now,
				    updated_by = :by, row_version = row_version + 1
				where id = :id and row_version = :expected and status = 'DRAFT'
				""")
			.param("decided", Timestamp.from(decidedAt))
			.param("now", Timestamp.from(now))
			.param("by", actor)
			.param("id", id)
			.param("expected", expectedVersion)
			.update() == 1;
	}

	/**
	 * A new version without a change of status (a criterion checked), if nobody changed
	 * the assessment since {@code expectedVersion}; false otherwise.
	 */
	boolean bump(long id, int expectedVersion, String actor, Instant at) {
		return jdbc.sql("""
				update assessment set updated_at = :at, updated_by = :by, row_version = row_version + 1
				where id = :id and row_version = :expected
				""")
			.param("at", Timestamp.from(at))
			.param("by", actor)
			.param("id", id)
			.param("expected", expectedVersion)
			.update() == 1;
	}

	void step(long id, String action, @Nullable AssessmentStatus from, AssessmentStatus to, @Nullable String criterion,
			@Nullable String reason, String actor, @Nullable String actorName, int rowVersion, Instant at) {
		jdbc.sql("""
				insert into assessment_step (assessment_id, action, from_status, to_status, criterion_number, reason,
				    actor, actor_name, at, row_version)
				values (:id, :action, :from, :to, :criterion, :reason, :actor, :name, :at, :version)
				""")
			.param("id", id)
			.param("action", action)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("criterion", criterion)
			.param("reason", reason)
			.param("actor", actor)
			.param("name", actorName)
			.param("at", Timestamp.from(at))
			.param("version", rowVersion)
			.update();
	}

	void putCheck(long id, String criterion, CheckVerdict verdict, @Nullable Boolean appraisedMet,
			@Nullable String reason, String actor, Instant at, int version) {
		jdbc.sql("""
				insert into assessment_check (assessment_id, criterion_number, verdict, appraised_met, reason,
				    checked_by, checked_at, checked_in)
				values (:id, :criterion, :verdict, :met, :reason, :by, :at, :version)
				on conflict (assessment_id, criterion_number) do update set verdict = excluded.verdict,
				    appraised_met = excluded.appraised_met, reason = excluded.reason,
				    checked_by = excluded.checked_by, checked_at = excluded.checked_at,
				    checked_in = excluded.checked_in
				""")
			.param("version", version)
			.param("id", id)
			.param("criterion", criterion)
			.param("verdict", verdict.name())
			.param("met", appraisedMet)
			.param("reason", reason)
			.param("by", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * A new round after a resubmission: returned checks are done with, and so is every
	 * check made before values or results last changed ({@code lastContentChange}).
	 */
	void clearForNewRound(long id, int lastContentChange) {
		jdbc.sql("""
				delete from assessment_check
				where assessment_id = :id and (verdict = 'RETURNED' or checked_in < :changed)
				""").param("id", id).param("changed", lastContentChange).update();
		jdbc.sql("delete from assessment_appraisal where assessment_id = :id and appraised_in < :changed")
			.param("id", id)
			.param("changed", lastContentChange)
			.update();
	}

	/** Every check: a reopened assessment is checked again from the start. */
	void clearAll(long id) {
		jdbc.sql("delete from assessment_check where assessment_id = :id").param("id", id).update();
		jdbc.sql("delete from assessment_appraisal where assessment_id = :id").param("id", id).update();
	}

	void putAppraisal(long id, String target, String code, String criterion, Appraisal.Stage stage, boolean met,
			String reason, String actor, Instant at, int version) {
		jdbc.sql("""
				insert into assessment_appraisal (assessment_id, target, code, criterion, stage, met, reason,
				    appraised_by, appraised_at, appraised_in)
				values (:id, :target, :code, :criterion, :stage, :met, :reason, :by, :at, :version)
				on conflict (assessment_id, target, code, stage) do update set met = excluded.met,
				    reason = excluded.reason, appraised_by = excluded.appraised_by,
				    appraised_at = excluded.appraised_at, appraised_in = excluded.appraised_in
				""")
			.param("id", id)
			.param("target", target)
			.param("code", code)
			.param("criterion", criterion)
			.param("stage", stage.name())
			.param("met", met)
			.param("reason", reason)
			.param("by", actor)
			.param("at", Timestamp.from(at))
			.param("version", version)
			.update();
	}

	boolean removeAppraisal(long id, String target, String code, Appraisal.Stage stage) {
		return jdbc.sql("""
				delete from assessment_appraisal
				where assessment_id = :id and target = :target and code = :code and stage = :stage
				""")
			.param("id", id)
			.param("target", target)
			.param("code", code)
			.param("stage", stage.name())
			.update() == 1;
	}

	List<Appraised> appraisals(long id) {
		return jdbc.sql("""
				select * from assessment_appraisal where assessment_id = :id order by criterion, target, code, stage
				""")
			.param("id", id)
			.query((rs, n) -> new Appraised(rs.getString("criterion"),
					"INDICATOR".equals(rs.getString("target")) ? rs.getString("code") : null,
					Appraisal.Stage.valueOf(rs.getString("stage")), rs.getBoolean("met"), rs.getString("reason"),
					rs.getString("appraised_by"), rs.getTimestamp("appraised_at").toInstant()))
			.list();
	}

	List<CriterionCheck> checks(long id) {
		return jdbc.sql("""
				select * from assessment_check where assessment_id = :id
				order by criterion_number
				""")
			.param("id", id)
			.query((rs, n) -> new CriterionCheck(rs.getString("criterion_number"),
					CheckVerdict.valueOf(rs.getString("verdict")), (Boolean) rs.getObject("appraised_met"),
					rs.getString("reason"), rs.getString("checked_by"), rs.getTimestamp("checked_at").toInstant()))
			.list();
	}

	List<WorkflowStep> steps(long id) {
		return jdbc.sql("select * from assessment_step where assessment_id = :id order by at, id")
			.param("id", id)
			.query((rs, n) -> new WorkflowStep(rs.getString("action"),
					rs.getString("from_status") == null ? null : AssessmentStatus.valueOf(rs.getString("from_status")),
					AssessmentStatus.valueOf(rs.getString("to_status")), rs.getString("criterion_number"),
					rs.getString("reason"), rs.getString("actor"), rs.getString("actor_name"),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

	/**
	 * Assessments of the given statuses, with the criteria already checked this round.
	 */
	record Candidate(long id, long unitId, AssessmentStatus status, @Nullable Instant since, List<String> checked,
			boolean anyReturned) {
	}

	/**
	 * {@code units}: only assessments of these units (the user's work, decided in SQL);
	 * null for every unit (administrators).
	 */
	List<Candidate> inStatus(Collection<AssessmentStatus> statuses, @Nullable Collection<Long> units) {
		if (units != null && units.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select a.id, a.unit_id, a.status, coalesce(a.status_at, a.updated_at, a.created_at) as since,
				  coalesce((select array_agg(c.criterion_number) from assessment_check c where c.assessment_id = a.id),
				           '{}') as checked,
				  exists (select 1 from assessment_check c where c.assessment_id = a.id and c.verdict = 'RETURNED')
				    as any_returned
				from assessment a where a.status = any(:statuses)
				  and %s
				order by since
				""".formatted(units == null ? "true" : "a.unit_id = any(:units)"))
			.param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
			.param("units", units == null ? new Long[0] : units.toArray(Long[]::new))
			.query((rs, n) -> new Candidate(rs.getLong("id"), rs.getLong("unit_id"),
					AssessmentStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("since") == null ? null : rs.getTimestamp("since").toInstant(),
					List.of((String[]) rs.getArray("checked").getArray()), rs.getBoolean("any_returned")))
			.list();
	}

	/**
	 * The criteria that have data: a result stated or appraised, or a figure (or stated
	 * verdict) of one of the indicators in {@code indicatorCriterion} (indicator code →
	 * criterion number).
	 */
	java.util.Set<String> criteriaWithData(long id, java.util.Map<String, String> indicatorCriterion) {
		java.util.Set<String> with = new java.util.HashSet<>(jdbc.sql("""
				select criterion_number from assessment_claim where assessment_id = :id
				union select criterion from assessment_appraisal where assessment_id = :id
				""").param("id", id).query(String.class).list());
		jdbc.sql("select distinct indicator_code from assessment_value where assessment_id = :id")
			.param("id", id)
			.query(String.class)
			.list()
			.forEach(code -> {
				String criterion = indicatorCriterion.get(code);
				if (criterion != null) {
					with.add(criterion);
				}
			});
		return with;
	}

	boolean hasEntries(long id) {
		return jdbc.sql("""
				select exists (select 1 from assessment_value where assessment_id = :id)
				    or exists (select 1 from assessment_claim where assessment_id = :id)
				""").param("id", id).query(Boolean.class).single();
	}

}
