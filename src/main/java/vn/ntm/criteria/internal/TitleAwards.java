package vn.ntm.criteria.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.criteria.NewTitleAward;
import vn.ntm.criteria.TitleAwardView;
import vn.ntm.criteria.TitleRegistry;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * Titles held by units, with plain SQL; recorded and revoked with an audit row each.
 */
@Service
@Transactional
class TitleAwards implements TitleRegistry {

	private final JdbcClient jdbc;

	private final UnitManagement units;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	TitleAwards(JdbcClient jdbc, UnitManagement units, AccessPolicy access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	private static final String SELECT = """
			select a.*, t.name as title_name from title_award a join title t on t.code = a.title_code
			""";

	@Override
	@Transactional(readOnly = true)
	public List<TitleAwardView> awardsOf(long unitId) {
		access.requireRead(unitId);
		return jdbc.sql(SELECT + " where a.unit_id = :id order by a.title_year desc, t.sort_order")
			.param("id", unitId)
			.query((rs, n) -> view(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Set<String>> titlesHeld(Collection<Long> unitIds, LocalDate at) {
		Map<Long, Set<String>> held = new HashMap<>();
		if (unitIds.isEmpty()) {
			return held;
		}
		jdbc.sql("""
				select unit_id, title_code from title_award
				where unit_id = any(:ids) and coalesce(decided_on, make_date(title_year, 1, 1)) <= :at
				and (revoked_on is null or revoked_on > :at)
				""").param("ids", unitIds.toArray(Long[]::new)).param("at", at).query((rs, n) -> {
			held.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
			return null;
		}).list();
		return held;
	}

	@Override
	public TitleAwardView award(long unitId, NewTitleAward award) {
		requireRecord(unitId);
		if (award.year() < 2000 || award.year() > 2100) {
			throw new BusinessRuleException("title.year.invalid");
		}
		if (!vn.ntm.criteria.engine.ValueRules.saneDate(award.decidedOn())) {
			throw new BusinessRuleException("catalog.date.range", String.valueOf(award.decidedOn()),
					VnFormat.date(vn.ntm.criteria.engine.ValueRules.EARLIEST),
					VnFormat.date(vn.ntm.criteria.engine.ValueRules.LATEST));
		}
		Integer level = jdbc.sql("select unit_level from title where code = :code and retired_at is null")
			.param("code", award.titleCode())
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new BusinessRuleException("catalog.title.unknown", award.titleCode()));
		LocalDate at = award.decidedOn() != null ? award.decidedOn() : LocalDate.of(award.year(), 12, 31);
		UnitRef unit = units.find(unitId, at)
			.orElseThrow(() -> new BusinessRuleException("title.unitNotValid", VnFormat.date(at)));
		if (unit.level() != level) {
			throw new BusinessRuleException("title.levelMismatch", unit.fullName(), award.titleCode());
		}
		if (award.decidedOn() != null && award.decidedOn().getYear() < award.year()) {
			throw new BusinessRuleException("title.decidedBeforeYear", VnFormat.date(award.decidedOn()), award.year());
		}
		boolean duplicate = jdbc.sql("""
				select exists(select 1 from title_award where unit_id = :unit and title_code = :title
				  and title_year = :year and revoked_on is null)
				""")
			.param("unit", unitId)
			.param("title", award.titleCode())
			.param("year", award.year())
			.query(Boolean.class)
			.single();
		if (duplicate) {
			throw new BusinessRuleException("title.duplicate", unit.fullName(), award.titleCode(), award.year());
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into title_award (unit_id, title_code, title_year, decided_on, decision_number, source, note,
					    created_at, created_by)
					values (:unit, :title, :year, :decided, :decision, :source, :note, :at, :by)
					returning id
					""")
				.param("unit", unitId)
				.param("title", award.titleCode())
				.param("year", award.year())
				.param("decided", award.decidedOn())
				.param("decision", VnText.blankToNull(award.decisionNumber()))
				.param("source", VnText.blankToNull(award.source()))
				.param("note", VnText.blankToNull(award.note()))
				.param("at", Timestamp.from(clock.instant()))
				.param("by", access.current().username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new BusinessRuleException("title.duplicate", unit.fullName(), award.titleCode(), award.year());
		}
		TitleAwardView created = load(id);
		audit.record(AuditRecord.created("title_award", id, unit.fullName(),
				"Ghi nhận " + unit.fullName() + " đạt danh hiệu " + created.titleName() + " năm " + created.year(),
				created));
		return created;
	}

	@Override
	public TitleAwardView revoke(long awardId, LocalDate revokedOn, String decision, int expectedVersion) {
		TitleAwardView before = load(awardId);
		requireRecord(before.unitId());
		if (!vn.ntm.criteria.engine.ValueRules.saneDate(revokedOn)) {
			throw new BusinessRuleException("catalog.date.range", String.valueOf(revokedOn),
					VnFormat.date(vn.ntm.criteria.engine.ValueRules.EARLIEST),
					VnFormat.date(vn.ntm.criteria.engine.ValueRules.LATEST));
		}
		if (before.revokedOn() != null) {
			throw new BusinessRuleException("title.alreadyRevoked", VnFormat.date(before.revokedOn()));
		}
		LocalDate from = before.decidedOn() != null ? before.decidedOn() : LocalDate.of(before.year(), 1, 1);
		if (revokedOn.isBefore(from)) {
			throw new BusinessRuleException("title.revokedBeforeAward", VnFormat.date(revokedOn), VnFormat.date(from));
		}
		int updated = jdbc.sql("""
				update title_award set revoked_on = :on, revocation_decision = :decision, updated_at = :at,
				    updated_by = :by, row_version = row_version + 1
				where id = :id and row_version = :expected
				""")
			.param("on", revokedOn)
			.param("decision", decision == null || decision.isBlank() ? null : decision.strip())
			.param("at", Timestamp.from(clock.instant()))
			.param("by", access.current().username())
			.param("id", awardId)
			.param("expected", expectedVersion)
			.update();
		if (updated == 0) {
			String by = jdbc.sql("select coalesce(updated_by, created_by) from title_award where id = :id")
				.param("id", awardId)
				.query(String.class)
				.single();
			throw new ConcurrentChangeException(before.titleName(), by, clock.instant());
		}
		TitleAwardView after = load(awardId);
		audit.record(new AuditRecord(
				"REVOKE", "title_award", String.valueOf(awardId), before.titleName(), "Thu hồi danh hiệu "
						+ before.titleName() + " năm " + before.year() + " từ ngày " + VnFormat.date(revokedOn),
				before, after));
		return after;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean canRecord(long unitId) {
		return access.currentIfAny().isPresent() && access.canActOn(unitId, Permission.TITLE_RECORD);
	}

	/**
	 * Titles are recorded for units placed within the user's own units, as edits are (not
	 * for units seen only through their history); administrators record any.
	 */
	private void requireRecord(long unitId) {
		access.requireActOn(unitId, Permission.TITLE_RECORD);
	}

	TitleAwardView load(long id) {
		return jdbc.sql(SELECT + " where a.id = :id")
			.param("id", id)
			.query((rs, n) -> view(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("title.award.notFound", id));
	}

	private static TitleAwardView view(ResultSet rs) throws SQLException {
		return new TitleAwardView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("title_code"),
				rs.getString("title_name"), rs.getInt("title_year"), rs.getObject("decided_on", LocalDate.class),
				rs.getString("decision_number"), rs.getString("source"), rs.getString("note"),
				rs.getObject("revoked_on", LocalDate.class), rs.getString("revocation_decision"),
				rs.getInt("row_version"));
	}

}
