package vn.ntm.assessment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.assessment.ProgressState;
import vn.ntm.assessment.ProgressState.CriterionCheck;

/**
 * Reads the workflow columns and tables (V2: {@code assessment.status, status_at,
 * status_by}, {@code assessment_check}, {@code assessment_step}) for many assessments at
 * once: three queries whatever their number.
 */
@Component
class WorkflowQueries {

	private final JdbcClient jdbc;

	WorkflowQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, ProgressState> states(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Long[] array = ids.toArray(Long[]::new);
		Map<Long, List<CriterionCheck>> checks = new HashMap<>();
		jdbc.sql("""
				select assessment_id, criterion_number, verdict, reason, checked_by, checked_at
				from assessment_check where assessment_id = any(:ids)
				order by assessment_id, checked_at
				""").param("ids", array).query((rs, n) -> {
			checks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new CriterionCheck(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getTimestamp(6).toInstant()));
			return null;
		}).list();
		Map<Long, String> reasons = new HashMap<>();
		jdbc.sql("""
				select distinct on (assessment_id) assessment_id, reason
				from assessment_step
				where assessment_id = any(:ids) and to_status = 'RETURNED' and reason is not null
				order by assessment_id, at desc, id desc
				""").param("ids", array).query((rs, n) -> reasons.put(rs.getLong(1), rs.getString(2))).list();
		Map<Long, ProgressState> states = new LinkedHashMap<>();
		jdbc.sql("""
				select id, unit_id, status, coalesce(status_at, updated_at, created_at) as since, status_by
				from assessment where id = any(:ids)
				""").param("ids", array).query((rs, n) -> {
			long id = rs.getLong("id");
			Timestamp since = rs.getTimestamp("since");
			states.put(id,
					new ProgressState(id, rs.getLong("unit_id"), AssessmentStatus.valueOf(rs.getString("status")),
							since == null ? Instant.EPOCH : since.toInstant(), rs.getString("status_by"),
							checks.getOrDefault(id, List.of()), reasons.get(id)));
			return null;
		}).list();
		return states;
	}

}
