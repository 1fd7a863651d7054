package vn.ntm.targets.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.TitleView;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.Permission;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;
import vn.ntm.targets.Goal;
import vn.ntm.targets.GoalForm;
import vn.ntm.targets.GoalMeasure;
import vn.ntm.targets.GoalProgress;
import vn.ntm.targets.GoalRegistryEntry;
import vn.ntm.targets.GoalRegistryForm;
import vn.ntm.targets.GoalRegistryKind;
import vn.ntm.targets.Goals;

@Service
class GoalService implements Goals {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final UnitDirectory directory;

	private final CriteriaCatalog catalog;

	private final AuditLog audit;

	private final GoalEvaluator evaluator;

	GoalService(JdbcClient jdbc, AccessPolicy access, UnitDirectory directory, CriteriaCatalog catalog, AuditLog audit,
			GoalEvaluator evaluator) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.catalog = catalog;
		this.audit = audit;
		this.evaluator = evaluator;
	}

	@Override
	public List<Goal> goalsOf(long unitId) {
		requireUnit(unitId);
		access.requireRead(unitId);
		return jdbc.sql("select * from goal where unit_id = :unit order by due_on, position, id")
			.param("unit", unitId)
			.query((rs, n) -> goal(rs))
			.list();
	}

	@Override
	public Goal goal(long goalId) {
		Goal goal = load(goalId).orElseThrow(() -> new NotFoundException("targets.goal.notFound", goalId));
		access.requireRead(goal.unitId());
		return goal;
	}

	@Override
	public List<GoalProgress> progress(long unitId, LocalDate at) {
		List<Goal> goals = goalsOf(unitId);
		return evaluator.evaluate(unitId, goals, at);
	}

	@Override
	public GoalProgress progressOf(long goalId, LocalDate at) {
		Goal goal = goal(goalId);
		return evaluator.evaluate(goal.unitId(), List.of(goal), at).get(0);
	}

	@Override
	public boolean canEdit(long unitId) {
		return access.canActOn(unitId, Permission.PLAN_EDIT);
	}

	@Override
	@Transactional
	public Goal add(long unitId, GoalForm form) {
		requireUnit(unitId);
		access.requireActOn(unitId, Permission.PLAN_EDIT);
		String label = form.requiredLabel();
		GoalMeasure measure = checked(unitId, form.toMeasure());
		LocalDate due = form.requiredDueOn();
		if (form.expectedVersion() != null) {
			throw new BusinessRuleException("targets.goal.invalid", "targets.goal.field.expectedVersion");
		}
		Map<String, Object> params = params(form, label, measure, due);
		params.put("unit", unitId);
		long id = jdbc.sql("""
				insert into goal (unit_id, kind, label, title_code, base_title_code, child_level, classification,
				    target_count, target_share, stated_base, set_code, min_criteria, registry_kind, measure, due_on,
				    reported, source, note, subject_unit_id, position, changed_by)
				values (:unit, :kind, :label, :title, :base, :level, :cls, :count, :share, :stated, :set, :min,
				    :registry, :measure, :due, :reported, :source, :note, :subject,
				    (select coalesce(max(position), 0) + 1 from goal where unit_id = :unit), :actor)
				returning id
				""").paramSource(params).query(Long.class).single();
		Goal after = load(id).orElseThrow();
		audit.record(AuditRecord.created("goal", id, label(after), "Thêm mục tiêu: " + after.label(), after));
		return after;
	}

	@Override
	@Transactional
	public Goal change(long goalId, GoalForm form) {
		Goal before = load(goalId).orElseThrow(() -> new NotFoundException("targets.goal.notFound", goalId));
		access.requireActOn(before.unitId(), Permission.PLAN_EDIT);
		String label = form.requiredLabel();
		GoalMeasure measure = checked(before.unitId(), form.toMeasure());
		LocalDate due = form.requiredDueOn();
		if (form.expectedVersion() == null || form.expectedVersion() != before.version()) {
			throw new ConcurrentChangeException(before.label(), before.changedBy(), before.changedAt());
		}
		Map<String, Object> params = params(form, label, measure, due);
		params.put("id", goalId);
		params.put("version", form.expectedVersion());
		int updated = jdbc.sql("""
				update goal set kind = :kind, label = :label, title_code = :title, base_title_code = :base,
				    child_level = :level, classification = :cls, target_count = :count, target_share = :share,
				    stated_base = :stated, set_code = :set, min_criteria = :min, registry_kind = :registry,
				    measure = :measure, due_on = :due, reported = :reported, source = :source, note = :note,
				    subject_unit_id = :subject,
				    row_version = row_version + 1, changed_at = now(), changed_by = :actor
				where id = :id and row_version = :version
				""").paramSource(params).update();
		if (updated == 0) {
			Goal now = load(goalId).orElseThrow();
			throw new ConcurrentChangeException(now.label(), now.changedBy(), now.changedAt());
		}
		Goal after = load(goalId).orElseThrow();
		audit
			.record(AuditRecord.updated("goal", goalId, label(after), "Sửa mục tiêu: " + after.label(), before, after));
		return after;
	}

	@Override
	public List<GoalRegistryEntry> registryBelow(long unitId) {
		requireUnit(unitId);
		access.requireRead(unitId);
		var below = directory.everBelow(List.of(unitId));
		List<GoalRegistryEntry> rows = jdbc.sql("""
				select * from goal_registry_entry where unit_id in (:units) order by entry_date desc, id desc
				""").param("units", below).query((rs, n) -> entry(rs)).list();
		// everBelow is a superset (units once below, predecessors' sub-trees): keep the
		// rows of units the reader may read, as the roadmaps do
		java.util.Set<Long> readable = access
			.canReadAll(rows.stream().map(GoalRegistryEntry::unitId).distinct().toList());
		Map<Long, String> names = new HashMap<>();
		return rows.stream().filter(e -> readable.contains(e.unitId())).map(e -> named(e, names)).toList();
	}

	@Override
	@Transactional
	public GoalRegistryEntry addEntry(long unitId, GoalRegistryForm form) {
		requireUnit(unitId);
		access.requireActOn(unitId, Permission.PLAN_EDIT);
		Map<String, Object> params = entryParams(form);
		if (form.expectedVersion() != null) {
			throw new BusinessRuleException("targets.goal.invalid", "targets.goal.field.expectedVersion");
		}
		params.put("unit", unitId);
		long id = jdbc.sql("""
				insert into goal_registry_entry (unit_id, kind, quantity, measure, entry_date, note, source, changed_by)
				values (:unit, :kind, :quantity, :measure, :date, :note, :source, :actor)
				returning id
				""").paramSource(params).query(Long.class).single();
		GoalRegistryEntry after = loadEntry(id).orElseThrow();
		audit.record(AuditRecord.created("goal_registry_entry", id, after.unitName(), summary(after), after));
		return after;
	}

	@Override
	@Transactional
	public GoalRegistryEntry changeEntry(long entryId, GoalRegistryForm form) {
		GoalRegistryEntry before = loadEntry(entryId)
			.orElseThrow(() -> new NotFoundException("targets.registry.notFound", entryId));
		access.requireActOn(before.unitId(), Permission.PLAN_EDIT);
		Map<String, Object> params = entryParams(form);
		if (form.expectedVersion() == null || form.expectedVersion() != before.version()) {
			throw new ConcurrentChangeException(before.unitName(), before.changedBy(), before.changedAt());
		}
		params.put("id", entryId);
		params.put("version", form.expectedVersion());
		int updated = jdbc.sql("""
				update goal_registry_entry set kind = :kind, quantity = :quantity, measure = :measure,
				    entry_date = :date, note = :note, source = :source, row_version = row_version + 1,
				    changed_at = now(), changed_by = :actor
				where id = :id and row_version = :version
				""").paramSource(params).update();
		if (updated == 0) {
			GoalRegistryEntry now = loadEntry(entryId).orElseThrow();
			throw new ConcurrentChangeException(now.unitName(), now.changedBy(), now.changedAt());
		}
		GoalRegistryEntry after = loadEntry(entryId).orElseThrow();
		audit.record(
				AuditRecord.updated("goal_registry_entry", entryId, after.unitName(), summary(after), before, after));
		return after;
	}

	private static String summary(GoalRegistryEntry entry) {
		return "Sổ theo dõi " + kindName(entry.kind()) + ": " + VnFormat.number(entry.quantity()) + " "
				+ entry.measure() + " ngày " + VnFormat.date(entry.entryDate());
	}

	/** The title and set codes must exist in the catalogue. */
	private GoalMeasure checked(long parentId, GoalMeasure measure) {
		if (measure instanceof GoalMeasure.TitleHolders t) {
			t.titleCodes().forEach(code -> requireTitle(code, "targets.goal.field.titleCode"));
			if (t.baseTitleCode() != null) {
				requireTitle(t.baseTitleCode(), "targets.goal.field.baseTitleCode");
			}
		}
		else if (measure instanceof GoalMeasure.NoDistrictWithout d) {
			requireTitle(d.titleCode(), "targets.goal.field.titleCode");
		}
		else if (measure instanceof GoalMeasure.UnitTitle u) {
			requireTitle(u.titleCode(), "targets.goal.field.titleCode");
			if (!directory.exists(u.subjectUnitId()) || u.subjectUnitId() == parentId
					|| !directory.isWithin(u.subjectUnitId(), List.of(parentId))) {
				throw new BusinessRuleException("targets.goal.invalid", "targets.goal.field.subjectUnit");
			}
		}
		else if (measure instanceof GoalMeasure.NoChildBelow b
				&& catalog.sets().stream().noneMatch(s -> s.code().equals(b.setCode()))) {
			throw new BusinessRuleException("targets.goal.invalid", "targets.goal.field.setCode");
		}
		return measure;
	}

	private void requireTitle(String code, String field) {
		if (catalog.titles().stream().map(TitleView::code).noneMatch(code::equals)) {
			throw new BusinessRuleException("targets.goal.invalid", field);
		}
	}

	private Map<String, Object> params(GoalForm form, String label, GoalMeasure measure, LocalDate due) {
		Map<String, Object> p = new HashMap<>();
		p.put("kind", measure.kind());
		p.put("label", label);
		p.put("title", null);
		p.put("base", null);
		p.put("level", null);
		p.put("cls", null);
		p.put("count", null);
		p.put("share", null);
		p.put("stated", null);
		p.put("set", null);
		p.put("min", null);
		p.put("registry", null);
		p.put("measure", null);
		p.put("subject", null);
		if (measure instanceof GoalMeasure.TitleHolders t) {
			p.put("title", t.titleCode());
			p.put("base", t.baseTitleCode());
			p.put("level", t.childLevel());
			p.put("cls", t.classification());
			p.put("count", t.count());
			p.put("share", t.share());
			p.put("stated", t.statedBase());
		}
		else if (measure instanceof GoalMeasure.NoChildBelow b) {
			p.put("set", b.setCode());
			p.put("min", b.minCriteria());
			p.put("level", 3);
		}
		else if (measure instanceof GoalMeasure.NoDistrictWithout d) {
			p.put("title", d.titleCode());
		}
		else if (measure instanceof GoalMeasure.UnitTitle u) {
			p.put("title", u.titleCode());
			p.put("subject", u.subjectUnitId());
		}
		else if (measure instanceof GoalMeasure.RegistryTotal r) {
			p.put("registry", r.registryKind().name());
			p.put("count", r.total());
			p.put("measure", r.measure());
		}
		p.put("due", due);
		boolean reported = Boolean.TRUE.equals(form.reported());
		p.put("reported", reported);
		if (reported && (form.source() == null || form.source().isBlank())) {
			throw new BusinessRuleException("targets.goal.reportedSource");
		}
		p.put("source", text(form.source()));
		p.put("note", text(form.note()));
		p.put("actor", actor());
		return p;
	}

	private Map<String, Object> entryParams(GoalRegistryForm form) {
		if (form.kind() == null || form.kind().isBlank()) {
			throw new BusinessRuleException("targets.goal.required", "targets.registry.field.kind");
		}
		GoalRegistryKind kind;
		try {
			kind = GoalRegistryKind.valueOf(form.kind().strip());
		}
		catch (IllegalArgumentException ex) {
			throw new BusinessRuleException("targets.goal.invalid", "targets.registry.field.kind");
		}
		if (form.quantity() == null) {
			throw new BusinessRuleException("targets.goal.required", "targets.registry.field.quantity");
		}
		if (form.quantity().signum() < 0 || form.quantity().compareTo(new BigDecimal("1e11")) >= 0) {
			throw new BusinessRuleException("targets.goal.invalid", "targets.registry.field.quantity");
		}
		if (form.entryDate() == null) {
			throw new BusinessRuleException("targets.goal.required", "targets.registry.field.entryDate");
		}
		if (form.entryDate().getYear() < 2000 || form.entryDate().getYear() > 2100) {
			throw new BusinessRuleException("targets.goal.invalid", "targets.registry.field.entryDate");
		}
		Map<String, Object> p = new HashMap<>();
		p.put("kind", kind.name());
		p.put("quantity", form.quantity());
		p.put("measure", form.measure() == null || form.measure().isBlank() ? kind.measure() : form.measure().strip());
		p.put("date", form.entryDate());
		p.put("note", text(form.note()));
		p.put("source", text(form.source()));
		p.put("actor", actor());
		return p;
	}

	private static @Nullable String text(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private String label(Goal goal) {
		return directory.label(goal.unitId()) + ": " + goal.label();
	}

	private void requireUnit(long unitId) {
		if (!directory.exists(unitId)) {
			throw new NotFoundException("targets.unit.notFound", unitId);
		}
	}

	private Optional<Goal> load(long id) {
		return jdbc.sql("select * from goal where id = :id").param("id", id).query((rs, n) -> goal(rs)).optional();
	}

	private Optional<GoalRegistryEntry> loadEntry(long id) {
		return jdbc.sql("select * from goal_registry_entry where id = :id")
			.param("id", id)
			.query((rs, n) -> entry(rs))
			.optional()
			.map(e -> named(e, new HashMap<>()));
	}

	static Goal goal(ResultSet rs) throws SQLException {
		String kind = rs.getString("kind");
		GoalMeasure measure = switch (kind) {
			case "TITLE_HOLDERS" -> new GoalMeasure.TitleHolders(rs.getString("title_code"),
					rs.getString("base_title_code"), rs.getInt("child_level"), rs.getString("classification"),
					strip(rs.getBigDecimal("target_count")), strip(rs.getBigDecimal("target_share")),
					(Integer) rs.getObject("stated_base"));
			case "NO_CHILD_BELOW" -> new GoalMeasure.NoChildBelow(rs.getString("set_code"), rs.getInt("min_criteria"));
			case "NO_DISTRICT_WITHOUT" -> new GoalMeasure.NoDistrictWithout(rs.getString("title_code"));
			case "UNIT_TITLE" -> new GoalMeasure.UnitTitle(rs.getLong("subject_unit_id"), rs.getString("title_code"));
			default -> new GoalMeasure.RegistryTotal(GoalRegistryKind.valueOf(rs.getString("registry_kind")),
					strip(rs.getBigDecimal("target_count")), rs.getString("measure"));
		};
		return new Goal(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("label"), measure,
				rs.getObject("due_on", LocalDate.class), rs.getBoolean("reported"), rs.getString("source"),
				rs.getString("note"), rs.getInt("row_version"), rs.getString("changed_by"),
				rs.getTimestamp("changed_at").toInstant());
	}

	private GoalRegistryEntry named(GoalRegistryEntry e, Map<Long, String> names) {
		return new GoalRegistryEntry(e.id(), e.unitId(), names.computeIfAbsent(e.unitId(), directory::label), e.kind(),
				e.quantity(), e.measure(), e.entryDate(), e.note(), e.source(), e.version(), e.changedBy(),
				e.changedAt());
	}

	private static GoalRegistryEntry entry(ResultSet rs) throws SQLException {
		long unit = rs.getLong("unit_id");
		return new GoalRegistryEntry(rs.getLong("id"), unit, "", GoalRegistryKind.valueOf(rs.getString("kind")),
				strip(rs.getBigDecimal("quantity")), rs.getString("measure"),
				rs.getObject("entry_date", LocalDate.class), rs.getString("note"), rs.getString("source"),
				rs.getInt("row_version"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
	}

	static @Nullable BigDecimal strip(@Nullable BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	static Comparator<Goal> byDue() {
		return Comparator.comparing(Goal::dueOn).thenComparing(Goal::id);
	}

	private String actor() {
		return access.currentIfAny().map(CurrentUser::fullName).orElse("hệ thống");
	}

	static List<String> names(List<String> all, int limit) {
		return all.size() <= limit ? all : new ArrayList<>(all.subList(0, limit));
	}

	/** The kind as the audit log's (Vietnamese) summaries name it. */
	private static String kindName(vn.ntm.targets.GoalRegistryKind kind) {
		return switch (kind) {
			case OCOP -> "sản phẩm OCOP";
			case MO_HINH -> "mô hình điển hình, tiên tiến";
			case DUONG_HOA -> "đường hoa";
			case DUONG_CAY_XANH -> "đường cây xanh bóng mát";
		};
	}

}
