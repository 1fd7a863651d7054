package vn.ntm.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.assessment.EvidenceView;

/** Evidence rows with plain SQL. */
@Component
class EvidenceStore {

	private final JdbcClient jdbc;

	EvidenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long assessmentId, @Nullable String criterion, @Nullable String indicator, String fileName,
			String contentType, long size, String sha256, @Nullable String note, String actor, Instant at) {
		return jdbc.sql("""
				insert into assessment_evidence (assessment_id, criterion_number, indicator_code, file_name,
				  content_type, size_bytes, sha256, note, uploaded_by, uploaded_at)
				values (:assessment, :criterion, :indicator, :name, :type, :size, :sha, :note, :by, :at)
				returning id
				""")
			.param("assessment", assessmentId)
			.param("criterion", criterion)
			.param("indicator", indicator)
			.param("name", fileName)
			.param("type", contentType)
			.param("size", size)
			.param("sha", sha256)
			.param("note", note)
			.param("by", actor)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	Optional<EvidenceView> find(long id) {
		return jdbc.sql("select * from assessment_evidence where id = :id")
			.param("id", id)
			.query((rs, n) -> row(rs))
			.optional();
	}

	List<EvidenceView> ofAssessment(long assessmentId) {
		return jdbc.sql("""
				select * from assessment_evidence
				where assessment_id = :assessment and deleted_at is null
				order by uploaded_at, id
				""").param("assessment", assessmentId).query((rs, n) -> row(rs)).list();
	}

	/** Marks the row deleted; false if it already was. */
	boolean markDeleted(long id, String actor, Instant at) {
		return jdbc.sql("""
				update assessment_evidence set deleted_by = :by, deleted_at = :at
				where id = :id and deleted_at is null
				""").param("id", id).param("by", actor).param("at", Timestamp.from(at)).update() == 1;
	}

	private static EvidenceView row(ResultSet rs) throws SQLException {
		Timestamp deletedAt = rs.getTimestamp("deleted_at");
		return new EvidenceView(rs.getLong("id"), rs.getLong("assessment_id"), rs.getString("criterion_number"),
				rs.getString("indicator_code"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("note"), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant(), rs.getString("deleted_by"),
				deletedAt == null ? null : deletedAt.toInstant());
	}

}
