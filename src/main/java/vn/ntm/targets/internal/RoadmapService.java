package vn.ntm.targets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.TitleView;
import vn.ntm.planning.PlanView;
import vn.ntm.planning.Planning;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.Permission;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.targets.RoadmapBoard;
import vn.ntm.targets.RoadmapConflict;
import vn.ntm.targets.RoadmapCopy;
import vn.ntm.targets.RoadmapCriteriaForm;
import vn.ntm.targets.RoadmapCriteriaTarget;
import vn.ntm.targets.RoadmapStanding;
import vn.ntm.targets.RoadmapTarget;
import vn.ntm.targets.RoadmapTargetForm;
import vn.ntm.targets.Roadmaps;

/**
 * The roadmap targets: read for the caller's units, entered by those who plan for the
 * unit, each change audited in its transaction.
 */
@Service
class RoadmapService implements Roadmaps {

	static final String COLUMNS = """
			id, unit_id, title_code, year, plan_id, source, dossier_due, note, plan_label, row_version,
			changed_by, changed_at""";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final UnitDirectory directory;

	private final CriteriaCatalog catalog;

	private final Planning planning;

	private final AuditLog audit;

	private final RoadmapStandings standings;

	RoadmapService(JdbcClient jdbc, AccessPolicy access, UnitDirectory directory, CriteriaCatalog catalog,
			Planning planning, AuditLog audit, RoadmapStandings standings) {
		this.standings = standings;
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.catalog = catalog;
		this.planning = planning;
		this.audit = audit;
	}

	@Override
	public List<RoadmapTarget> targetsBelow(long parentUnitId, @Nullable String titleCode, @Nullable Integer year) {
		requireUnit(parentUnitId);
		access.requireRead(parentUnitId);
		Set<Long> below = directory.everBelow(List.of(parentUnitId));
		List<Row> rows = jdbc.sql("select " + COLUMNS + """
				 from roadmap_target
				where unit_id in (:units) and (cast(:title as text) is null or title_code = :title)
				  and (cast(:year as int) is null or year = :year)
				""")
			.param("units", below)
			.param("title", titleCode)
			.param("year", year)
			.query(RoadmapService::row)
			.list();
		List<RoadmapTarget> all = views(rows);
		Set<Long> readable = access.canReadAll(all.stream().map(RoadmapTarget::unitId).distinct().toList());
		return sorted(all.stream().filter(t -> readable.contains(t.unitId())).toList());
	}

	@Override
	public List<RoadmapTarget> targetsOf(long unitId) {
		requireUnit(unitId);
		access.requireRead(unitId);
		return sorted(views(jdbc.sql("select " + COLUMNS + " from roadmap_target where unit_id = :unit")
			.param("unit", unitId)
			.query(RoadmapService::row)
			.list()));
	}

	@Override
	public RoadmapTarget target(long targetId) {
		RoadmapTarget target = find(targetId);
		access.requireRead(target.unitId());
		return target;
	}

	@Override
	public RoadmapBoard board(long parentUnitId, @Nullable String titleCode, LocalDate at) {
		List<RoadmapTarget> targets = targetsBelow(parentUnitId, titleCode, null);
		List<RoadmapStanding> standing = standings.standings(targets, criteriaTargetsBelow(parentUnitId, at.getYear()),
				at);
		return RoadmapStandings.board(parentUnitId, directory.label(parentUnitId), titleCode, at, standing,
				RoadmapStandings.conflicts(targets));
	}

	@Override
	public List<RoadmapConflict> conflictsBelow(long parentUnitId, @Nullable String titleCode) {
		return RoadmapStandings.conflicts(targetsBelow(parentUnitId, titleCode, null));
	}

	@Override
	public List<RoadmapCriteriaTarget> criteriaTargetsBelow(long parentUnitId, @Nullable Integer year) {
		requireUnit(parentUnitId);
		access.requireRead(parentUnitId);
		Set<Long> below = directory.everBelow(List.of(parentUnitId));
		List<CountRow> rows = jdbc.sql("select " + COUNT_COLUMNS + """
				 from roadmap_criteria_target
				where unit_id in (:units) and (cast(:year as int) is null or year = :year)
				""").param("units", below).param("year", year).query(RoadmapService::countRow).list();
		Set<Long> readable = access.canReadAll(rows.stream().map(CountRow::unitId).distinct().toList());
		return countViews(rows.stream().filter(r -> readable.contains(r.unitId())).toList()).stream()
			.sorted(java.util.Comparator.comparing(RoadmapCriteriaTarget::unitName)
				.thenComparing(RoadmapCriteriaTarget::year)
				.thenComparing(RoadmapCriteriaTarget::titleCode))
			.toList();
	}

	@Override
	@Transactional
	public RoadmapCriteriaTarget setCriteriaTarget(RoadmapCriteriaForm form) {
		Valid valid = validate(new RoadmapTargetForm(form.unitId(), form.titleCode(), form.year(), form.planId(),
				form.source(), null, form.note(), form.expectedVersion()));
		if (form.criteriaCount() == null) {
			throw new BusinessRuleException("targets.roadmap.required", "targets.roadmap.field.criteriaCount");
		}
		if (form.criteriaCount() < 0 || form.criteriaCount() > 99) {
			throw new BusinessRuleException("targets.roadmap.criteriaCount", String.valueOf(form.criteriaCount()));
		}
		access.requireActOn(valid.unitId(), Permission.PLAN_EDIT);
		Map<String, Object> params = params(valid);
		params.put("count", form.criteriaCount());
		String key = valid.planId() != null ? "plan:" + valid.planId() : "source:" + valid.source();
		params.put("key", key);
		java.util.Optional<RoadmapCriteriaTarget> before = countViews(jdbc.sql("select " + COUNT_COLUMNS + """
				 from roadmap_criteria_target
				where unit_id = :unit and title_code = :title and year = :year and plan_key = :key
				""").paramSource(params).query(RoadmapService::countRow).list()).stream().findFirst();
		String what = directory.label(valid.unitId()) + " — " + valid.titleCode() + " " + valid.year();
		long id;
		if (before.isEmpty()) {
			if (form.expectedVersion() != null) {
				throw new NotFoundException("targets.roadmap.criteria.notFound", what);
			}
			id = jdbc.sql("""
					insert into roadmap_criteria_target (unit_id, title_code, year, criteria_count, plan_id, source,
					    note, plan_label, changed_by)
					values (:unit, :title, :year, :count, :plan, :source, :note, :label, :actor)
					on conflict (unit_id, title_code, year, plan_key) do nothing
					returning id
					""").paramSource(params).query(Long.class).optional().orElseThrow(() -> {
				RoadmapCriteriaTarget now = criteriaTarget(what, params);
				return new ConcurrentChangeException(what, now.changedBy(), now.changedAt());
			});
		}
		else {
			RoadmapCriteriaTarget was = before.get();
			if (form.expectedVersion() == null || form.expectedVersion() != was.rowVersion()) {
				throw new ConcurrentChangeException(what, was.changedBy(), was.changedAt());
			}
			params.put("id", was.id());
			params.put("version", form.expectedVersion());
			int updated = jdbc.sql("""
					update roadmap_criteria_target set criteria_count = :count, note = :note, plan_label = :label,
					    row_version = row_version + 1, changed_at = now(), changed_by = :actor
					where id = :id and row_version = :version
					""").paramSource(params).update();
			if (updated == 0) {
				throw new ConcurrentChangeException(what, was.changedBy(), was.changedAt());
			}
			id = was.id();
		}
		RoadmapCriteriaTarget after = criteriaTarget(what, params);
		String summary = "Ghi số tiêu chí phấn đấu: " + after.unitName() + " đạt " + after.criteriaCount()
				+ " tiêu chí " + after.titleName() + " năm " + after.year();
		audit.record(before.isEmpty() ? AuditRecord.created("roadmap_criteria_target", id, what, summary, after)
				: AuditRecord.updated("roadmap_criteria_target", id, what, summary, before.get(), after));
		return after;
	}

	private RoadmapCriteriaTarget criteriaTarget(String what, Map<String, Object> params) {
		return countViews(jdbc.sql("select " + COUNT_COLUMNS + """
				 from roadmap_criteria_target
				where unit_id = :unit and title_code = :title and year = :year and plan_key = :key
				""").paramSource(params).query(RoadmapService::countRow).list()).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("targets.roadmap.criteria.notFound", what));
	}

	@Override
	@Transactional
	public void removeCriteriaTarget(long id, int expectedVersion) {
		RoadmapCriteriaTarget before = countViews(
				jdbc.sql("select " + COUNT_COLUMNS + " from roadmap_criteria_target where id = :id")
					.param("id", id)
					.query(RoadmapService::countRow)
					.list())
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("targets.roadmap.criteria.notFound", String.valueOf(id)));
		access.requireActOn(before.unitId(), Permission.PLAN_EDIT);
		String what = before.unitName() + " — " + before.titleCode() + " " + before.year();
		int deleted = jdbc.sql("delete from roadmap_criteria_target where id = :id and row_version = :version")
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new ConcurrentChangeException(what, before.changedBy(), before.changedAt());
		}
		audit.record(new AuditRecord("DELETE", "roadmap_criteria_target", String.valueOf(id), what,
				"Xoá số tiêu chí phấn đấu: " + what, before, null));
	}

	@Override
	@Transactional
	public int copyTargets(long parentUnitId, RoadmapCopy copy) {
		requireUnit(parentUnitId);
		access.requireRead(parentUnitId);
		String fromSource = blankToNull(copy.fromSource());
		if (copy.fromPlanId() == null && fromSource == null) {
			throw new BusinessRuleException("targets.roadmap.copy.from");
		}
		String fromKey = copy.fromPlanId() != null ? "plan:" + copy.fromPlanId() : "source:" + fromSource;
		List<RoadmapTarget> from = targetsBelow(parentUnitId, blankToNull(copy.titleCode()), null).stream()
			.filter(t -> t.planKey().equals(fromKey))
			.toList();
		int copied = 0;
		for (RoadmapTarget target : from) {
			if (!canEdit(target.unitId())) {
				continue;
			}
			Valid valid = validate(new RoadmapTargetForm(target.unitId(), target.titleCode(), target.year(),
					copy.toPlanId(), copy.toSource(), target.dossierDue(), "Sao chép từ " + target.origin(), null));
			if (valid.planId() != null ? ("plan:" + valid.planId()).equals(fromKey)
					: ("source:" + valid.source()).equals(fromKey)) {
				throw new BusinessRuleException("targets.roadmap.copy.same");
			}
			Map<String, Object> params = params(valid);
			Long id = jdbc.sql("""
					insert into roadmap_target (unit_id, title_code, year, plan_id, source, dossier_due, note,
					    plan_label, changed_by)
					values (:unit, :title, :year, :plan, :source, :due, :note, :label, :actor)
					on conflict (unit_id, title_code, plan_key) do nothing
					returning id
					""").paramSource(params).query(Long.class).optional().orElse(null);
			if (id != null) {
				RoadmapTarget after = find(id);
				audit.record(AuditRecord.created("roadmap_target", id, label(after),
						"Sao chép mục tiêu lộ trình: " + describe(after), after));
				copied++;
			}
		}
		return copied;
	}

	static final String COUNT_COLUMNS = """
			id, unit_id, title_code, year, criteria_count, plan_id, source, note, plan_label, row_version,
			changed_by, changed_at""";

	record CountRow(long id, long unitId, String titleCode, int year, int count, @Nullable Long planId,
			@Nullable String source, @Nullable String note, @Nullable String planLabel, int rowVersion,
			String changedBy, java.time.Instant changedAt) {
	}

	static CountRow countRow(ResultSet rs, int n) throws SQLException {
		long plan = rs.getLong("plan_id");
		Long planId = rs.wasNull() ? null : plan;
		return new CountRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("title_code"), rs.getInt("year"),
				rs.getInt("criteria_count"), planId, rs.getString("source"), rs.getString("note"),
				rs.getString("plan_label"), rs.getInt("row_version"), rs.getString("changed_by"),
				rs.getTimestamp("changed_at").toInstant());
	}

	List<RoadmapCriteriaTarget> countViews(List<CountRow> rows) {
		Map<Long, String> names = new HashMap<>();
		return rows.stream()
			.map(r -> new RoadmapCriteriaTarget(r.id(), r.unitId(), names.computeIfAbsent(r.unitId(), directory::label),
					r.titleCode(), titleName(r.titleCode()), r.year(), r.count(), r.planId(), r.source(), r.planLabel(),
					r.note(), r.rowVersion(), r.changedBy(), r.changedAt()))
			.toList();
	}

	@Override
	public boolean canEdit(long unitId) {
		return access.canActOn(unitId, Permission.PLAN_EDIT);
	}

	@Override
	@Transactional
	public RoadmapTarget addTarget(RoadmapTargetForm form) {
		Valid valid = validate(form);
		access.requireActOn(valid.unitId(), Permission.PLAN_EDIT);
		long id = insert(valid);
		RoadmapTarget after = find(id);
		audit.record(AuditRecord.created("roadmap_target", id, label(after),
				"Ghi mục tiêu lộ trình: " + describe(after), after));
		return after;
	}

	/**
	 * Inserts a valid target; a target of the same unit, title and plan is refused naming
	 * it (one plan names one year).
	 */
	long insert(Valid valid) {
		return jdbc.sql("""
				insert into roadmap_target (unit_id, title_code, year, plan_id, source, dossier_due, note, plan_label,
				    changed_by)
				values (:unit, :title, :year, :plan, :source, :due, :note, :label, :actor)
				on conflict (unit_id, title_code, plan_key) do nothing
				returning id
				""")
			.paramSource(params(valid))
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new BusinessRuleException("targets.roadmap.duplicate", directory.label(valid.unitId()),
					titleName(valid.titleCode()), valid.planLabel() != null ? valid.planLabel() : valid.source()));
	}

	@Override
	@Transactional
	public RoadmapTarget updateTarget(long targetId, RoadmapTargetForm form) {
		RoadmapTarget before = find(targetId);
		access.requireActOn(before.unitId(), Permission.PLAN_EDIT);
		Valid valid = validate(form);
		access.requireActOn(valid.unitId(), Permission.PLAN_EDIT);
		if (form.expectedVersion() == null || form.expectedVersion() != before.rowVersion()) {
			throw new ConcurrentChangeException(label(before), before.changedBy(), before.changedAt());
		}
		Map<String, Object> params = params(valid);
		params.put("id", targetId);
		params.put("version", form.expectedVersion());
		int updated;
		try {
			updated = jdbc.sql("""
					update roadmap_target set unit_id = :unit, title_code = :title, year = :year, plan_id = :plan,
					    source = :source, dossier_due = :due, note = :note, plan_label = :label,
					    row_version = row_version + 1, changed_at = now(), changed_by = :actor
					where id = :id and row_version = :version
					""").paramSource(params).update();
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			throw new BusinessRuleException("targets.roadmap.duplicate", directory.label(valid.unitId()),
					titleName(valid.titleCode()), valid.planLabel() != null ? valid.planLabel() : valid.source());
		}
		if (updated == 0) {
			RoadmapTarget now = find(targetId);
			throw new ConcurrentChangeException(label(now), now.changedBy(), now.changedAt());
		}
		RoadmapTarget after = find(targetId);
		audit.record(AuditRecord.updated("roadmap_target", targetId, label(after),
				"Sửa mục tiêu lộ trình: " + describe(after), before, after));
		return after;
	}

	@Override
	@Transactional
	public void removeTarget(long targetId, int expectedVersion) {
		RoadmapTarget before = find(targetId);
		access.requireActOn(before.unitId(), Permission.PLAN_EDIT);
		int deleted = jdbc.sql("delete from roadmap_target where id = :id and row_version = :version")
			.param("id", targetId)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new ConcurrentChangeException(label(before), before.changedBy(), before.changedAt());
		}
		audit.record(new AuditRecord("DELETE", "roadmap_target", String.valueOf(targetId), label(before),
				"Xoá mục tiêu lộ trình: " + describe(before), before, null));
	}

	/** A target's form checked: every value present and sound, the plan readable. */
	record Valid(long unitId, String titleCode, int year, @Nullable Long planId, @Nullable String source,
			@Nullable LocalDate dossierDue, @Nullable String note, @Nullable String planLabel) {
	}

	Valid validate(RoadmapTargetForm form) {
		if (form.unitId() == null) {
			throw new BusinessRuleException("targets.roadmap.required", "targets.roadmap.field.unit");
		}
		requireUnit(form.unitId());
		String title = form.titleCode() == null ? "" : form.titleCode().strip();
		if (title.isEmpty()) {
			throw new BusinessRuleException("targets.roadmap.required", "targets.roadmap.field.title");
		}
		if (!titles().containsKey(title)) {
			throw new BusinessRuleException("targets.roadmap.title.unknown", title);
		}
		if (form.year() == null) {
			throw new BusinessRuleException("targets.roadmap.required", "targets.roadmap.field.year");
		}
		if (form.year() < 2010 || form.year() > 2100) {
			throw new BusinessRuleException("targets.roadmap.year", String.valueOf(form.year()));
		}
		String source = blankToNull(form.source());
		String planLabel = null;
		if (form.planId() != null) {
			if (!planning.canReadPlan(form.planId())) {
				throw new BusinessRuleException("targets.roadmap.plan.unknown", form.planId());
			}
			planLabel = planLabel(planning.plan(form.planId()));
		}
		if (form.planId() == null && source == null) {
			throw new BusinessRuleException("targets.roadmap.origin");
		}
		if (source != null && source.length() > 500) {
			throw new BusinessRuleException("targets.roadmap.tooLong", "targets.roadmap.field.source", 500);
		}
		String note = blankToNull(form.note());
		if (note != null && note.length() > 2000) {
			throw new BusinessRuleException("targets.roadmap.tooLong", "targets.roadmap.field.note", 2000);
		}
		if (form.dossierDue() != null && form.dossierDue().getYear() > form.year() + 1) {
			throw new BusinessRuleException("targets.roadmap.dossierDue",
					vn.ntm.shared.VnFormat.date(form.dossierDue()), String.valueOf(form.year()));
		}
		return new Valid(form.unitId(), title, form.year(), form.planId(), source, form.dossierDue(), note, planLabel);
	}

	static String planLabel(PlanView plan) {
		String number = plan.summary().number();
		return (number == null || number.isBlank() ? "" : number + " — ") + plan.summary().title() + " ("
				+ plan.summary().unitName() + ")";
	}

	private Map<String, Object> params(Valid valid) {
		Map<String, Object> params = new HashMap<>();
		params.put("unit", valid.unitId());
		params.put("title", valid.titleCode());
		params.put("year", valid.year());
		params.put("plan", valid.planId());
		params.put("source", valid.source());
		params.put("due", valid.dossierDue());
		params.put("note", valid.note());
		params.put("label", valid.planLabel());
		params.put("actor", actor());
		return params;
	}

	/** Whether a target of the same unit, title and plan is stored. */
	boolean exists(Valid valid) {
		return jdbc.sql("""
				select exists(select 1 from roadmap_target where unit_id = :unit and title_code = :title
				    and plan_key = coalesce('plan:' || cast(:plan as bigint), 'source:' || cast(:source as text)))
				""").paramSource(params(valid)).query(Boolean.class).single();
	}

	RoadmapTarget find(long targetId) {
		Row row = jdbc.sql("select " + COLUMNS + " from roadmap_target where id = :id")
			.param("id", targetId)
			.query(RoadmapService::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("targets.roadmap.notFound", targetId));
		return views(List.of(row)).get(0);
	}

	List<RoadmapTarget> ofUnits(Collection<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return views(jdbc.sql("select " + COLUMNS + " from roadmap_target where unit_id in (:units)")
			.param("units", unitIds)
			.query(RoadmapService::row)
			.list());
	}

	/**
	 * A stored row, read before the unit's name is looked up (one connection at a time).
	 */
	record Row(long id, long unitId, String titleCode, int year, @Nullable Long planId, @Nullable String source,
			@Nullable LocalDate dossierDue, @Nullable String note, @Nullable String planLabel, int rowVersion,
			String changedBy, java.time.Instant changedAt) {
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		long plan = rs.getLong("plan_id");
		Long planId = rs.wasNull() ? null : plan;
		return new Row(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("title_code"), rs.getInt("year"), planId,
				rs.getString("source"), rs.getObject("dossier_due", LocalDate.class), rs.getString("note"),
				rs.getString("plan_label"), rs.getInt("row_version"), rs.getString("changed_by"),
				rs.getTimestamp("changed_at").toInstant());
	}

	List<RoadmapTarget> views(List<Row> rows) {
		Map<Long, String> names = new HashMap<>();
		return rows.stream()
			.map(r -> new RoadmapTarget(r.id(), r.unitId(), names.computeIfAbsent(r.unitId(), directory::label),
					r.titleCode(), r.year(), r.planId(), r.source(), titleName(r.titleCode()), r.planLabel(),
					r.dossierDue(), r.note(), r.rowVersion(), r.changedBy(), r.changedAt()))
			.toList();
	}

	static List<RoadmapTarget> sorted(List<RoadmapTarget> targets) {
		return targets.stream()
			.sorted(java.util.Comparator.comparing(RoadmapTarget::unitName)
				.thenComparing(RoadmapTarget::year)
				.thenComparing(RoadmapTarget::titleCode)
				.thenComparing(RoadmapTarget::planKey))
			.toList();
	}

	private volatile Map<String, TitleView> titles = Map.of();

	private volatile long titlesReadAt;

	/** The title catalogue, read again after a minute (titles are added rarely). */
	Map<String, TitleView> titles() {
		if (titles.isEmpty() || System.nanoTime() - titlesReadAt > 60_000_000_000L) {
			Map<String, TitleView> read = new java.util.LinkedHashMap<>();
			catalog.titles().forEach(t -> read.put(t.code(), t));
			titles = read;
			titlesReadAt = System.nanoTime();
		}
		return titles;
	}

	String titleName(String code) {
		TitleView title = titles().get(code);
		return title == null ? code : title.name();
	}

	private static String label(RoadmapTarget target) {
		return target.unitName() + " — " + target.titleCode() + " " + target.year();
	}

	private static String describe(RoadmapTarget target) {
		return target.unitName() + " đạt " + target.titleName() + " năm " + target.year()
				+ (target.origin().isEmpty() ? "" : " theo " + target.origin());
	}

	void requireUnit(long unitId) {
		if (!directory.exists(unitId)) {
			throw new NotFoundException("targets.unit.notFound", unitId);
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	String actor() {
		return access.currentIfAny().map(CurrentUser::fullName).orElse("hệ thống");
	}

}
