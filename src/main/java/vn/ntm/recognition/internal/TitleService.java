package vn.ntm.recognition.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.TitleView;
import vn.ntm.criteria.TitlesHeld;
import vn.ntm.criteria.engine.ValueRules;
import vn.ntm.orgunit.ChangeKind;
import vn.ntm.orgunit.UnitFate;
import vn.ntm.orgunit.UnitHistory;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.recognition.NewTitleAward;
import vn.ntm.recognition.NewTitleReview;
import vn.ntm.recognition.Revocation;
import vn.ntm.recognition.TitleAward;
import vn.ntm.recognition.TitleAwarded;
import vn.ntm.recognition.TitleEnded;
import vn.ntm.recognition.TitleReview;
import vn.ntm.recognition.TitleRevoked;
import vn.ntm.recognition.Titles;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * Titles held by units, with plain SQL (table {@code title_award}, taken over from the
 * criteria module, and {@code title_review}); each change audited and announced with an
 * event in its transaction. Which titles exist comes from the criteria catalogue.
 */
@Service
@Transactional
class TitleService implements Titles, TitlesHeld {

	private final JdbcClient jdbc;

	private final UnitManagement units;

	private final CriteriaCatalog catalog;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TitleService(JdbcClient jdbc, UnitManagement units, CriteriaCatalog catalog, AccessPolicy access, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.catalog = catalog;
		this.access = access;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Held at :at — the condition of {@link TitleAward#heldAt} in SQL. */
	private static final String HELD_AT = """
			coalesce(decided_on, make_date(title_year, 1, 1)) <= :at
			and (revoked_on is null or revoked_on > :at) and (ended_on is null or ended_on > :at)
			""";

	@Override
	@Transactional(readOnly = true)
	public List<TitleAward> historyOf(long unitId) {
		access.requireRead(unitId);
		return awardsOf(unitId);
	}

	private List<TitleAward> awardsOf(long unitId) {
		Map<String, TitleView> titles = titles();
		List<String> order = new ArrayList<>(titles.keySet());
		return jdbc.sql("select * from title_award where unit_id = :id")
			.param("id", unitId)
			.query((rs, n) -> award(rs, titles))
			.list()
			.stream()
			.sorted(Comparator.comparingInt(TitleAward::year)
				.reversed()
				.thenComparingInt(a -> order.indexOf(a.titleCode()))
				.thenComparing(Comparator.comparingLong(TitleAward::id).reversed()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Set<String>> titlesHeld(Collection<Long> unitIds, LocalDate at) {
		Map<Long, Set<String>> held = new HashMap<>();
		if (unitIds.isEmpty()) {
			return held;
		}
		jdbc.sql("select unit_id, title_code from title_award where unit_id = any(:ids) and " + HELD_AT)
			.param("ids", unitIds.toArray(Long[]::new))
			.param("at", at)
			.query((rs, n) -> {
				held.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
				return null;
			})
			.list();
		return held;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TitleAward> heldBelow(long parentUnitId, @Nullable String titleCode, LocalDate at) {
		access.requireRead(parentUnitId);
		List<Long> below = units.descendants(parentUnitId, at)
			.stream()
			.map(UnitRef::id)
			.filter(id -> id != parentUnitId)
			.toList();
		Set<Long> readable = access.canReadAll(below);
		List<Long> ids = below.stream().filter(readable::contains).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Integer> position = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			position.put(ids.get(i), i);
		}
		Map<String, TitleView> titles = titles();
		return jdbc
			.sql("select * from title_award where unit_id = any(:ids) and (cast(:code as text) is null"
					+ " or title_code = :code) and " + HELD_AT)
			.param("ids", ids.toArray(Long[]::new))
			.param("code", VnText.blankToNull(titleCode))
			.param("at", at)
			.query((rs, n) -> award(rs, titles))
			.list()
			.stream()
			.sorted(Comparator.comparingInt((TitleAward a) -> position.get(a.unitId()))
				.thenComparing(TitleAward::titleCode))
			.toList();
	}

	@Override
	public TitleAward award(long unitId, NewTitleAward award) {
		requireRecord(unitId);
		if (award.year() < 2000 || award.year() > 2100) {
			throw new BusinessRuleException("title.year.invalid");
		}
		requireSane(award.decidedOn());
		TitleView title = titles().get(award.titleCode());
		if (title == null || title.retired()) {
			throw new BusinessRuleException("catalog.title.unknown", award.titleCode());
		}
		LocalDate at = award.decidedOn() != null ? award.decidedOn() : LocalDate.of(award.year(), 12, 31);
		UnitRef unit = units.find(unitId, at)
			.orElseThrow(() -> new BusinessRuleException("title.unitNotValid", VnFormat.date(at)));
		if (unit.level() != title.unitLevel()) {
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
					insert into title_award (unit_id, title_code, title_year, decided_on, decision_number, issuer,
					    source, note, created_at, created_by)
					values (:unit, :title, :year, :decided, :decision, :issuer, :source, :note, :at, :by)
					returning id
					""")
				.param("unit", unitId)
				.param("title", award.titleCode())
				.param("year", award.year())
				.param("decided", award.decidedOn())
				.param("decision", VnText.blankToNull(award.decisionNumber()))
				.param("issuer", VnText.blankToNull(award.issuer()))
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
		TitleAward created = load(id);
		audit.record(AuditRecord.created("title_award", id, unit.fullName(),
				"Ghi nhận " + unit.fullName() + " đạt danh hiệu " + created.titleName() + " năm " + created.year(),
				created));
		events.publishEvent(new TitleAwarded(id, unitId, created.titleCode(), created.year(), created.heldFrom(),
				created.decisionNumber()));
		// a title recorded for a unit that has since ended (a commune merged on 1/7/2025)
		// ends with it
		units.fate(unitId).ifPresent(fate -> endTitles(unitId, fate));
		return load(id);
	}

	@Override
	public TitleAward revoke(long awardId, Revocation revocation, int expectedVersion) {
		TitleAward before = load(awardId);
		requireRecord(before.unitId());
		LocalDate revokedOn = revocation.revokedOn();
		requireSane(revokedOn);
		String reason = VnText.blankToNull(revocation.reason());
		if (reason == null) {
			throw new BusinessRuleException("title.revocationReason.required");
		}
		if (before.revokedOn() != null) {
			throw new BusinessRuleException("title.alreadyRevoked", VnFormat.date(before.revokedOn()));
		}
		if (before.endedOn() != null && !revokedOn.isBefore(before.endedOn())) {
			throw new BusinessRuleException("title.revokedAfterEnd", VnFormat.date(revokedOn),
					VnFormat.date(before.endedOn()));
		}
		LocalDate from = before.heldFrom();
		if (revokedOn.isBefore(from)) {
			throw new BusinessRuleException("title.revokedBeforeAward", VnFormat.date(revokedOn), VnFormat.date(from));
		}
		int updated = jdbc.sql("""
				update title_award set revoked_on = :on, revocation_decision = :decision,
				    revocation_issuer = :issuer, revocation_reason = :reason, updated_at = :at,
				    updated_by = :by, row_version = row_version + 1
				where id = :id and row_version = :expected
				""")
			.param("on", revokedOn)
			.param("decision", VnText.blankToNull(revocation.decision()))
			.param("issuer", VnText.blankToNull(revocation.issuer()))
			.param("reason", reason)
			.param("at", Timestamp.from(clock.instant()))
			.param("by", access.current().username())
			.param("id", awardId)
			.param("expected", expectedVersion)
			.update();
		if (updated == 0) {
			throw stale(before);
		}
		TitleAward after = load(awardId);
		audit.record(new AuditRecord("REVOKE", "title_award", String.valueOf(awardId), before.titleName(),
				"Thu hồi danh hiệu " + before.titleName() + " năm " + before.year() + " từ ngày "
						+ VnFormat.date(revokedOn) + ": " + reason,
				before, after));
		events.publishEvent(new TitleRevoked(awardId, after.unitId(), after.titleCode(), after.year(), revokedOn,
				after.revocationDecision(), reason));
		return after;
	}

	@Override
	public TitleReview review(long awardId, NewTitleReview review, int expectedVersion) {
		TitleAward award = load(awardId);
		requireRecord(award.unitId());
		requireSane(review.reviewedOn());
		requireSane(review.deadline());
		String set = VnText.blankToNull(review.setLabel());
		if (set == null) {
			throw new BusinessRuleException("title.review.set.required");
		}
		if (review.reviewedOn().isBefore(award.heldFrom())) {
			throw new BusinessRuleException("title.review.beforeAward", VnFormat.date(review.reviewedOn()),
					VnFormat.date(award.heldFrom()));
		}
		if (award.heldUntil() != null && !review.reviewedOn().isBefore(award.heldUntil())) {
			throw new BusinessRuleException("title.review.notHeld", VnFormat.date(review.reviewedOn()));
		}
		int updated = jdbc.sql("""
				update title_award set updated_at = :at, updated_by = :by, row_version = row_version + 1
				where id = :id and row_version = :expected
				""")
			.param("at", Timestamp.from(clock.instant()))
			.param("by", access.current().username())
			.param("id", awardId)
			.param("expected", expectedVersion)
			.update();
		if (updated == 0) {
			throw stale(award);
		}
		long id = jdbc.sql("""
				insert into title_review (award_id, set_label, reviewed_on, maintained, decision_number, issuer,
				    deadline, note, created_at, created_by)
				values (:award, :set, :on, :maintained, :decision, :issuer, :deadline, :note, :at, :by)
				returning id
				""")
			.param("award", awardId)
			.param("set", set)
			.param("on", review.reviewedOn())
			.param("maintained", review.maintained())
			.param("decision", VnText.blankToNull(review.decisionNumber()))
			.param("issuer", VnText.blankToNull(review.issuer()))
			.param("deadline", review.deadline())
			.param("note", VnText.blankToNull(review.note()))
			.param("at", Timestamp.from(clock.instant()))
			.param("by", access.current().username())
			.query(Long.class)
			.single();
		TitleReview created = reviews("r.id = :id", Map.of("id", id)).get(0);
		audit.record(AuditRecord.created(
				"title_review", id, award.titleName(), "Rà soát duy trì danh hiệu " + award.titleName() + " năm "
						+ award.year() + " theo " + set + ": " + (review.maintained() ? "duy trì" : "không duy trì"),
				created));
		return created;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TitleReview> reviewsOf(long unitId) {
		access.requireRead(unitId);
		return reviews("a.unit_id = :id", Map.of("id", unitId));
	}

	private List<TitleReview> reviews(String where, Map<String, Object> params) {
		Map<String, TitleView> titles = titles();
		return jdbc.sql("""
				select r.*, a.unit_id, a.title_code, a.title_year from title_review r
				join title_award a on a.id = r.award_id where %s order by r.reviewed_on desc, r.id desc
				""".formatted(where))
			.params(params)
			.query((rs, n) -> new TitleReview(rs.getLong("id"), rs.getLong("award_id"), rs.getLong("unit_id"),
					name(titles, rs.getString("title_code")), rs.getInt("title_year"), rs.getString("set_label"),
					rs.getObject("reviewed_on", LocalDate.class), rs.getBoolean("maintained"),
					rs.getString("decision_number"), rs.getString("issuer"), rs.getObject("deadline", LocalDate.class),
					rs.getString("note")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<PredecessorTitle> predecessorTitles(long unitId) {
		access.requireRead(unitId);
		UnitHistory history = units.history(unitId);
		Map<Long, UnitRef> before = new LinkedHashMap<>();
		for (UnitHistory.EventEntry event : history.events()) {
			if (!"STARTED".equals(event.role()) && !"CONTINUED".equals(event.role())) {
				continue;
			}
			for (UnitRef predecessor : event.predecessors()) {
				if (predecessor.id() != unitId) {
					before.putIfAbsent(predecessor.id(), predecessor);
				}
			}
		}
		List<PredecessorTitle> titles = new ArrayList<>();
		// the titles of the units it was formed from are shown on its page, whoever may
		// open those units (their names are then shown as text)
		before.values().forEach(unit -> awardsOf(unit.id()).forEach(a -> titles.add(new PredecessorTitle(unit, a))));
		return titles;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean canRecord(long unitId) {
		return access.currentIfAny().isPresent() && access.canActOn(unitId, Permission.TITLE_RECORD);
	}

	/**
	 * Ends the titles the unit still holds on the day after its last day, with the reason
	 * in words; each audited and announced. Returns how many ended.
	 */
	int endTitles(long unitId, UnitFate fate) {
		LocalDate endedOn = fate.from();
		String reason = endReason(fate);
		List<Long> ids = jdbc.sql("""
				update title_award set ended_on = :on, end_reason = :reason, updated_at = :at, updated_by = :by,
				    row_version = row_version + 1
				where unit_id = :unit and ended_on is null and (revoked_on is null or revoked_on > :on)
				returning id
				""")
			.param("on", endedOn)
			.param("reason", reason)
			.param("at", Timestamp.from(clock.instant()))
			.param("by", access.currentIfAny().map(u -> u.username()).orElse(vn.ntm.security.SystemTask.ACTOR))
			.param("unit", unitId)
			.query(Long.class)
			.list();
		for (long id : ids) {
			TitleAward ended = load(id);
			audit.record(new AuditRecord(
					"END", "title_award", String.valueOf(id), ended.titleName(), "Danh hiệu " + ended.titleName()
							+ " năm " + ended.year() + " kết thúc từ ngày " + VnFormat.date(endedOn) + ": " + reason,
					null, ended));
			events.publishEvent(new TitleEnded(id, unitId, ended.titleCode(), ended.year(), endedOn, reason));
		}
		return ids.size();
	}

	/** "Sáp nhập vào Phường Quảng Phú, Thành phố Đà Nẵng". */
	static String endReason(UnitFate fate) {
		String into = fate.successors().stream().map(UnitFate.Successor::label).collect(Collectors.joining("; "));
		if (into.isEmpty()) {
			return "Đơn vị không còn từ ngày " + VnFormat.date(fate.from());
		}
		if (ChangeKind.SPLIT.name().equals(fate.kind())) {
			return "Chia tách thành " + into;
		}
		return "Sáp nhập vào " + into;
	}

	/** Units still holding an open title (for the check at start-up). */
	List<Long> unitsWithOpenTitles() {
		return jdbc.sql("select distinct unit_id from title_award where ended_on is null order by unit_id")
			.query(Long.class)
			.list();
	}

	/**
	 * Titles are recorded for units placed within the user's own units, as edits are (not
	 * for units seen only through their history); administrators record any.
	 */
	private void requireRecord(long unitId) {
		access.requireActOn(unitId, Permission.TITLE_RECORD);
	}

	private static void requireSane(@Nullable LocalDate date) {
		if (!ValueRules.saneDate(date)) {
			throw new BusinessRuleException("catalog.date.range", String.valueOf(date),
					VnFormat.date(ValueRules.EARLIEST), VnFormat.date(ValueRules.LATEST));
		}
	}

	private ConcurrentChangeException stale(TitleAward before) {
		String by = jdbc.sql("select coalesce(updated_by, created_by) from title_award where id = :id")
			.param("id", before.id())
			.query(String.class)
			.single();
		return new ConcurrentChangeException(before.titleName(), by, clock.instant());
	}

	TitleAward load(long id) {
		Map<String, TitleView> titles = titles();
		return jdbc.sql("select * from title_award where id = :id")
			.param("id", id)
			.query((rs, n) -> award(rs, titles))
			.optional()
			.orElseThrow(() -> new NotFoundException("title.award.notFound", id));
	}

	/** The catalogue's titles by code, in its order. */
	private Map<String, TitleView> titles() {
		Map<String, TitleView> titles = new LinkedHashMap<>();
		catalog.titles().forEach(t -> titles.put(t.code(), t));
		return titles;
	}

	private static String name(Map<String, TitleView> titles, String code) {
		return Optional.ofNullable(titles.get(code)).map(TitleView::name).orElse(code);
	}

	private static TitleAward award(ResultSet rs, Map<String, TitleView> titles) throws SQLException {
		String code = rs.getString("title_code");
		return new TitleAward(rs.getLong("id"), rs.getLong("unit_id"), code, name(titles, code),
				rs.getInt("title_year"), rs.getObject("decided_on", LocalDate.class), rs.getString("decision_number"),
				rs.getString("issuer"), rs.getString("source"), rs.getString("note"),
				rs.getObject("revoked_on", LocalDate.class), rs.getString("revocation_decision"),
				rs.getString("revocation_reason"), rs.getString("revocation_issuer"),
				rs.getObject("ended_on", LocalDate.class), rs.getString("end_reason"), rs.getInt("row_version"));
	}

}
