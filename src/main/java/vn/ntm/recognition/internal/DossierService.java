package vn.ntm.recognition.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.TitleView;
import vn.ntm.documents.Documents;
import vn.ntm.documents.StoredDocument;
import vn.ntm.documents.Upload;
import vn.ntm.orgunit.UnitFate;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.recognition.DossierAction;
import vn.ntm.recognition.DossierSummary;
import vn.ntm.recognition.DossierView;
import vn.ntm.recognition.DossierView.ChecklistEntry;
import vn.ntm.recognition.DossierView.Condition;
import vn.ntm.recognition.DossierView.DocumentVersion;
import vn.ntm.recognition.DossierView.EventView;
import vn.ntm.recognition.DossierView.StepView;
import vn.ntm.recognition.Dossiers;
import vn.ntm.recognition.NewDossier;
import vn.ntm.recognition.internal.DossierFlow.Action;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.Permission;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;

@Service
class DossierService implements Dossiers {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final UnitDirectory directory;

	private final UnitManagement units;

	private final AuditLog audit;

	private final Documents documents;

	private final CriteriaCatalog catalog;

	private final DossierConditions conditions;

	private final TitleAwarding awarding;

	private final Clock clock;

	DossierService(JdbcClient jdbc, AccessPolicy access, UnitDirectory directory, UnitManagement units, AuditLog audit,
			Documents documents, CriteriaCatalog catalog, DossierConditions conditions, TitleAwarding awarding,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.units = units;
		this.audit = audit;
		this.documents = documents;
		this.catalog = catalog;
		this.conditions = conditions;
		this.awarding = awarding;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- rows

	record Row(long id, long unitId, String titleCode, int year, String routeCode, String state,
			@Nullable Integer position, Instant stepSince, @Nullable LocalDate submittedOn,
			@Nullable Boolean securityComplex, @Nullable String securitySource, @Nullable String decisionNumber,
			@Nullable LocalDate decidedOn, @Nullable String issuer, @Nullable Long awardId,
			@Nullable LocalDate announcedOn, LocalDate openedOn, String openedBy, int version, String changedBy,
			Instant changedAt) {
	}

	record StepDef(int position, String code, String name, String office, String kind) {
	}

	record Route(String code, String name, List<StepDef> steps) {

		StepDef step(int position) {
			return steps.get(position - 1);
		}

	}

	record Office(@Nullable Long unitId, @Nullable String name, boolean carried) {
	}

	record Event(long id, int position, String stepCode, String action, @Nullable String reason, LocalDate doneOn,
			@Nullable Long officeUnitId, String actor, Instant at) {
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("title_code"), rs.getInt("year"),
				rs.getString("route_code"), rs.getString("state"), (Integer) rs.getObject("step_position"),
				rs.getTimestamp("step_since").toInstant(), rs.getObject("submitted_on", LocalDate.class),
				(Boolean) rs.getObject("security_complex"), rs.getString("security_source"),
				rs.getString("decision_number"), rs.getObject("decided_on", LocalDate.class), rs.getString("issuer"),
				(Long) rs.getObject("award_id"), rs.getObject("announced_on", LocalDate.class),
				rs.getObject("opened_on", LocalDate.class), rs.getString("opened_by"), rs.getInt("row_version"),
				rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
	}

	private Optional<Row> load(long id) {
		return jdbc.sql("select * from dossier where id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
	}

	private Row require(long id) {
		Row row = load(id).orElseThrow(() -> new NotFoundException("recognition.dossier.notFound", id));
		access.requireRead(row.unitId());
		return row;
	}

	private final Map<String, Route> routes = new java.util.concurrent.ConcurrentHashMap<>();

	Route route(String code) {
		return routes.computeIfAbsent(code, c -> {
			String name = jdbc.sql("select name from dossier_route where code = :code")
				.param("code", c)
				.query(String.class)
				.single();
			List<StepDef> steps = jdbc
				.sql("select * from dossier_route_step where route_code = :code order by position")
				.param("code", c)
				.query((rs, n) -> new StepDef(rs.getInt("position"), rs.getString("code"), rs.getString("name"),
						rs.getString("office"), rs.getString("kind")))
				.list();
			return new Route(c, name, steps);
		});
	}

	private Optional<String> routeFor(int level, LocalDate openedOn) {
		return jdbc.sql("""
				select code from dossier_route where unit_level = :level and valid_from <= :on
				    and (valid_to is null or valid_to >= :on)
				order by valid_from desc limit 1
				""").param("level", level).param("on", openedOn).query(String.class).optional();
	}

	private List<Event> events(long dossierId) {
		return jdbc.sql("select * from dossier_step_event where dossier_id = :id order by id")
			.param("id", dossierId)
			.query((rs, n) -> new Event(rs.getLong("id"), rs.getInt("position"), rs.getString("step_code"),
					rs.getString("action"), rs.getString("reason"), rs.getObject("done_on", LocalDate.class),
					(Long) rs.getObject("office_unit_id"), rs.getString("actor"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	// ---------------------------------------------------------------- offices

	/**
	 * The day to place the unit at: {@code at}, or its last day when it ended before.
	 */
	private LocalDate placeDay(long unitId, LocalDate at) {
		Optional<UnitFate> fate = units.fate(unitId);
		return fate.filter(f -> f.lastDay().isBefore(at)).map(UnitFate::lastDay).orElse(at);
	}

	private boolean endedBefore(long unitId, LocalDate at) {
		return units.fate(unitId).filter(f -> f.lastDay().isBefore(at)).isPresent();
	}

	/**
	 * Whether an ancestor (as its version at the unit's day shows it) had ended before
	 * the day: read from the version, as the reader of a commune may not read its
	 * district.
	 */
	private static boolean endedBefore(UnitRef ancestor, LocalDate at) {
		return ancestor.validTo() != null && ancestor.validTo().isBefore(at);
	}

	private Optional<UnitRef> ancestorAt(long unitId, int level, LocalDate at) {
		LocalDate day = placeDay(unitId, at);
		return units.ancestors(unitId, day).stream().filter(u -> u.level() == level).findFirst();
	}

	/** The current unit an ended unit became (the first successor that exists today). */
	private long successorOf(long unitId) {
		List<Long> successors = directory.successors(unitId);
		return successors.stream().filter(directory::isCurrent).findFirst().orElse(successors.get(0));
	}

	/**
	 * Who handles the step on the day: the unit (its successor once it merged), its
	 * district (the province once the district ended — 30/6/2025), its province (the
	 * province it became).
	 */
	Office office(long unitId, String office, LocalDate at) {
		switch (office) {
			case "UNIT" -> {
				if (endedBefore(unitId, at) && !directory.successors(unitId).isEmpty()) {
					long successor = successorOf(unitId);
					return new Office(successor, directory.label(successor), true);
				}
				return new Office(unitId, directory.label(unitId), false);
			}
			case "DISTRICT" -> {
				Optional<UnitRef> district = ancestorAt(unitId, 2, at);
				if (district.isPresent() && !endedBefore(district.get(), at)) {
					return new Office(district.get().id(), directory.label(district.get().id()), false);
				}
				Office province = office(unitId, "PROVINCE", at);
				return new Office(province.unitId(), province.name(), true);
			}
			default -> {
				Optional<UnitRef> province = ancestorAt(unitId, 1, at);
				if (province.isEmpty()) {
					return new Office(null, null, false);
				}
				long id = province.get().id();
				if (endedBefore(province.get(), at) && !directory.successors(id).isEmpty()) {
					long successor = successorOf(id);
					return new Office(successor, directory.label(successor), true);
				}
				return new Office(id, directory.label(id), false);
			}
		}
	}

	private static Permission permissionFor(StepDef step) {
		return switch (step.kind()) {
			case "SUBMIT" -> Permission.ASSESSMENT_ENTER;
			case "REVIEW" ->
				"DISTRICT".equals(step.office()) ? Permission.ASSESSMENT_REVIEW : Permission.ASSESSMENT_APPROVE;
			default -> Permission.TITLE_RECORD;
		};
	}

	/**
	 * Whether the current user is the office of the step on the day (administrators are).
	 */
	private boolean isOffice(Row row, StepDef step, LocalDate at) {
		return access.currentIfAny().map(CurrentUser::isAdmin).orElse(false) || isOwnOffice(row, step, at);
	}

	/** Whether the step on the day is the current user's own office's. */
	private boolean isOwnOffice(Row row, StepDef step, LocalDate at) {
		Optional<CurrentUser> user = access.currentIfAny();
		if (user.isEmpty()) {
			return false;
		}
		if (!user.get().has(permissionFor(step))) {
			return false;
		}
		Office office = office(row.unitId(), step.office(), at);
		return office.unitId() != null && access.isOwnUnit(office.unitId());
	}

	/** The day the pending step began: the last step's day, or the day it was opened. */
	private LocalDate pendingSince(Row row, List<Event> events) {
		for (int i = events.size() - 1; i >= 0; i--) {
			if (!NOTE.equals(events.get(i).action())) {
				return events.get(i).doneOn();
			}
		}
		return row.openedOn();
	}

	/** A note in a dossier's history (from another module's event): moves no step. */
	static final String NOTE = "NOTE";

	/**
	 * Notes in the history of the unit's live dossiers (not approved, not withdrawn) of
	 * the assessment year what happened to its assessment; by the current actor (the
	 * system, for a listener), audited. Moves no step and no row version.
	 * @return the dossiers noted
	 */
	@Transactional
	public List<Long> note(long unitId, int year, LocalDate on, String note) {
		List<Row> live = jdbc.sql("""
				select * from dossier where unit_id = :unit and year = :year
				    and state not in ('APPROVED', 'WITHDRAWN')
				order by id
				""").param("unit", unitId).param("year", year).query((rs, n) -> row(rs)).list();
		List<Long> noted = new ArrayList<>();
		for (Row row : live) {
			Route route = route(row.routeCode());
			StepDef step = route.step(row.position() == null ? route.steps().size() : row.position());
			jdbc.sql("""
					insert into dossier_step_event (dossier_id, position, step_code, action, reason, done_on, actor)
					values (:id, :position, :step, 'NOTE', :reason, :on, :actor)
					""")
				.param("id", row.id())
				.param("position", step.position())
				.param("step", step.code())
				.param("reason", note)
				.param("on", on)
				.param("actor", actor())
				.update();
			String label = label(row);
			audit.record(AuditRecord.updated("dossier", row.id(), label,
					"Ghi vào diễn biến hồ sơ " + label + ": " + note, snapshot(row), snapshot(row)));
			noted.add(row.id());
		}
		return noted;
	}

	// ---------------------------------------------------------------- deadlines

	record Deadline(LocalDate due, String source) {
	}

	private Map<String, Deadline> deadlines(Row row) {
		Optional<UnitRef> province = ancestorAt(row.unitId(), 1, row.openedOn());
		Optional<String> code = province.flatMap(p -> directory.code(p.id()));
		if (code.isEmpty()) {
			return Map.of();
		}
		Map<String, Deadline> due = new HashMap<>();
		jdbc.sql("""
				select step_code, due, source from dossier_deadline
				where province_code = :province and title_code = :title and year = :year
				""")
			.param("province", code.get())
			.param("title", row.titleCode())
			.param("year", row.year())
			.query((ResultSet rs) -> {
				due.put(rs.getString("step_code"),
						new Deadline(rs.getObject("due", LocalDate.class), rs.getString("source")));
			});
		return due;
	}

	// ---------------------------------------------------------------- views

	private String titleName(String code) {
		return catalog.titles()
			.stream()
			.filter(t -> t.code().equals(code))
			.map(TitleView::name)
			.findFirst()
			.orElse(code);
	}

	private DossierView view(Row row) {
		LocalDate today = LocalDate.now(clock);
		Route route = route(row.routeCode());
		List<Event> events = events(row.id());
		Map<String, Deadline> deadlines = deadlines(row);
		LocalDate since = pendingSince(row, events);
		Map<Integer, Event> lastApproval = new HashMap<>();
		for (Event e : events) {
			if ("RETURN".equals(e.action())) {
				lastApproval.clear();
			}
			else if (!"WITHDRAW".equals(e.action()) && !NOTE.equals(e.action())) {
				lastApproval.put(e.position(), e);
			}
		}
		List<StepView> steps = new ArrayList<>();
		for (StepDef step : route.steps()) {
			Deadline deadline = deadlines.get(step.code());
			Integer pending = row.position();
			String status;
			Office office;
			LocalDate doneOn = null;
			Long daysLeft = null;
			if (pending != null && step.position() == pending) {
				status = "PENDING";
				office = office(row.unitId(), step.office(), today);
				Office before = office(row.unitId(), step.office(), since);
				if (!java.util.Objects.equals(before.unitId(), office.unitId())) {
					office = new Office(office.unitId(), before.name() + " → " + office.name(), true);
				}
				if (deadline != null) {
					daysLeft = ChronoUnit.DAYS.between(today, deadline.due());
				}
			}
			else if (lastApproval.containsKey(step.position())
					&& (pending == null || step.position() < pending || !"RETURNED".equals(row.state()))) {
				status = "DONE";
				Event done = lastApproval.get(step.position());
				doneOn = done.doneOn();
				office = done.officeUnitId() == null ? new Office(null, null, false)
						: new Office(done.officeUnitId(), directory.label(done.officeUnitId()), false);
			}
			else {
				status = "LATER";
				office = office(row.unitId(), step.office(), today);
			}
			steps.add(new StepView(step.position(), step.code(), step.name(), step.office(), step.kind(),
					office.unitId(), office.name(), office.carried(), deadline == null ? null : deadline.due(),
					deadline == null ? null : deadline.source(), status, doneOn, daysLeft));
		}
		Set<String> routeSteps = new LinkedHashSet<>(route.steps().stream().map(StepDef::code).toList());
		List<ChecklistEntry> checklist = checklist(row, routeSteps);
		List<Condition> checks = conditionsFor(row, today);
		List<EventView> eventViews = events.stream().map(e -> {
			StepDef step = route.step(e.position());
			return new EventView(e.position(), e.stepCode(), step.name(), e.action(), e.reason(), e.doneOn(),
					e.officeUnitId() == null ? null : directory.label(e.officeUnitId()), e.actor(), e.at());
		}).toList();
		Set<String> actions = actions(row, route, since, today);
		return new DossierView(row.id(), row.unitId(), directory.label(row.unitId()), row.titleCode(),
				titleName(row.titleCode()), row.year(), route.code(), route.name(), row.state(), row.position(), steps,
				checklist, checks, eventViews, row.securityComplex(), row.securitySource(), row.decisionNumber(),
				row.decidedOn(), row.issuer(), row.awardId(), row.announcedOn(), row.submittedOn(), row.openedOn(),
				row.openedBy(), row.version(), row.changedBy(), row.changedAt(), actions);
	}

	private List<Condition> conditionsFor(Row row, LocalDate today) {
		LocalDate at = row.decidedOn() != null ? row.decidedOn() : today;
		return conditions.check(row.unitId(), row.titleCode(), row.year(), at, row.securityComplex(),
				row.securitySource());
	}

	private Set<String> actions(Row row, Route route, LocalDate since, LocalDate today) {
		Set<String> actions = new LinkedHashSet<>();
		if (row.position() == null) {
			return actions;
		}
		StepDef step = route.step(row.position());
		boolean office = isOffice(row, step, today) || isOffice(row, step, since);
		if (!office) {
			return actions;
		}
		for (Action action : Action.values()) {
			if (DossierFlow.refusal(row.state(), step.kind(), action).isEmpty()) {
				actions.add(action.name());
			}
		}
		if (!"ANNOUNCE".equals(step.kind())) {
			actions.add("UPLOAD");
		}
		if (!"ANNOUNCE".equals(step.kind())) {
			actions.add("SECURITY");
		}
		return actions;
	}

	private List<ChecklistEntry> checklist(Row row, Set<String> routeSteps) {
		int level = directory.level(row.unitId());
		record Item(String code, String name, String basis, String note, String stepCode) {
		}
		List<Item> items = jdbc.sql("""
				select * from dossier_checklist_item where unit_level = :level
				    and (title_code is null or title_code = :title) order by position
				""")
			.param("level", level)
			.param("title", row.titleCode())
			.query((rs, n) -> new Item(rs.getString("code"), rs.getString("name"), rs.getString("basis"),
					rs.getString("note"), rs.getString("step_code")))
			.list();
		Map<String, List<DocumentVersion>> versions = new HashMap<>();
		jdbc.sql("select * from dossier_document where dossier_id = :id order by item_code, version desc")
			.param("id", row.id())
			.query((ResultSet rs) -> {
				versions.computeIfAbsent(rs.getString("item_code"), k -> new ArrayList<>())
					.add(new DocumentVersion(rs.getLong("id"), rs.getInt("version"), rs.getString("file_name"),
							rs.getString("content_type"), rs.getLong("size"), rs.getString("uploaded_by"),
							rs.getTimestamp("uploaded_at").toInstant()));
			});
		return items.stream()
			.filter(i -> routeSteps.contains(i.stepCode()))
			.map(i -> new ChecklistEntry(i.code(), i.name(), i.basis(), i.note(), i.stepCode(),
					versions.getOrDefault(i.code(), List.of())))
			.toList();
	}

	// ---------------------------------------------------------------- facade

	@Override
	@Transactional
	public DossierView open(NewDossier dossier) {
		if (!directory.exists(dossier.unitId())) {
			throw new NotFoundException("recognition.unit.notFound", dossier.unitId());
		}
		access.requireActOn(dossier.unitId(), Permission.ASSESSMENT_ENTER);
		String label = directory.label(dossier.unitId());
		LocalDate today = LocalDate.now(clock);
		LocalDate openedOn = dossier.openedOn() == null ? today : dossier.openedOn();
		if (openedOn.isAfter(today)) {
			throw new BusinessRuleException("recognition.dossier.future", "recognition.dossier.field.openedOn",
					VnFormat.date(openedOn));
		}
		if (dossier.titleCode() == null || dossier.titleCode().isBlank()) {
			throw new BusinessRuleException("recognition.dossier.required", "recognition.dossier.field.title");
		}
		String titleCode = dossier.titleCode().strip();
		TitleView title = catalog.titles()
			.stream()
			.filter(t -> t.code().equals(titleCode))
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("recognition.dossier.title.unknown", titleCode));
		if (dossier.year() == null) {
			throw new BusinessRuleException("recognition.dossier.required", "recognition.dossier.field.year");
		}
		int year = dossier.year();
		if (year < 2010 || year > today.getYear()) {
			throw new BusinessRuleException("recognition.dossier.year", String.valueOf(year));
		}
		Optional<UnitRef> unit = units.find(dossier.unitId(), openedOn);
		if (unit.isEmpty()) {
			throw new BusinessRuleException("recognition.dossier.unitNotThen", label, VnFormat.date(openedOn));
		}
		if (unit.get().level() != title.unitLevel()) {
			throw new BusinessRuleException("recognition.dossier.title.level", title.name(), label);
		}
		String routeCode = routeFor(unit.get().level(), openedOn).orElseThrow(
				() -> new BusinessRuleException("recognition.dossier.noRoute", title.name(), VnFormat.date(openedOn)));
		String actor = actor();
		long id = jdbc.sql("""
				insert into dossier (unit_id, title_code, year, route_code, state, step_position, opened_on,
				    opened_by, changed_by)
				values (:unit, :title, :year, :route, 'DRAFT', 1, :opened, :actor, :actor)
				on conflict (unit_id, title_code, year) where state <> 'WITHDRAWN' do nothing
				returning id
				""")
			.param("unit", dossier.unitId())
			.param("title", titleCode)
			.param("year", year)
			.param("route", routeCode)
			.param("opened", openedOn)
			.param("actor", actor)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new BusinessRuleException("recognition.dossier.exists", label, title.name(),
					String.valueOf(year)));
		Row row = load(id).orElseThrow();
		audit.record(AuditRecord.created("dossier", id, label + " – " + title.name() + " " + year,
				"Mở hồ sơ xét công nhận " + title.name() + " năm " + year + " của " + label, snapshot(row)));
		return view(row);
	}

	private static Map<String, Object> snapshot(Row row) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("unitId", row.unitId());
		values.put("titleCode", row.titleCode());
		values.put("year", row.year());
		values.put("route", row.routeCode());
		values.put("state", row.state());
		values.put("step", row.position());
		values.put("submittedOn", row.submittedOn());
		values.put("securityComplex", row.securityComplex());
		values.put("securitySource", row.securitySource());
		values.put("decisionNumber", row.decisionNumber());
		values.put("decidedOn", row.decidedOn());
		values.put("awardId", row.awardId());
		values.put("announcedOn", row.announcedOn());
		values.put("version", row.version());
		return values;
	}

	@Override
	public DossierView find(long id) {
		return view(require(id));
	}

	@Override
	public Map<Long, DossierSummary> latestFor(Collection<Long> unitIds, String titleCode, int year) {
		if (unitIds.isEmpty()) {
			return Map.of();
		}
		Set<Long> readable = access.canReadAll(unitIds);
		if (readable.isEmpty()) {
			return Map.of();
		}
		List<Row> rows = jdbc.sql("""
				select * from dossier where unit_id in (:units) and title_code = :title and year = :year
				    and state <> 'WITHDRAWN' order by id
				""")
			.param("units", readable)
			.param("title", titleCode)
			.param("year", year)
			.query((rs, n) -> row(rs))
			.list();
		Map<Long, DossierSummary> latest = new LinkedHashMap<>();
		for (Row row : rows) {
			latest.put(row.unitId(), summary(row));
		}
		return latest;
	}

	/** The summary without the whole view: the pending step and its deadline. */
	private DossierSummary summary(Row row) {
		Route route = route(row.routeCode());
		String stepName = null;
		LocalDate due = null;
		if (row.position() != null) {
			StepDef step = route.step(row.position());
			stepName = step.name();
			Deadline deadline = deadlines(row).get(step.code());
			due = deadline == null ? null : deadline.due();
		}
		return new DossierSummary(row.id(), row.unitId(), row.titleCode(), row.year(), row.state(), stepName, due,
				row.submittedOn());
	}

	private DossierSummaryLine line(Row row, LocalDate today) {
		DossierSummary summary = summary(row);
		String officeName = null;
		if (row.position() != null) {
			StepDef step = route(row.routeCode()).step(row.position());
			officeName = office(row.unitId(), step.office(), today).name();
		}
		Long daysLeft = summary.stepDue() == null ? null : ChronoUnit.DAYS.between(today, summary.stepDue());
		return new DossierSummaryLine(summary, directory.label(row.unitId()), titleName(row.titleCode()), officeName,
				daysLeft);
	}

	@Override
	public List<DossierSummaryLine> below(long parentId, @Nullable Integer year) {
		if (!directory.exists(parentId)) {
			throw new NotFoundException("recognition.unit.notFound", parentId);
		}
		access.requireRead(parentId);
		Set<Long> ids = directory.everBelow(List.of(parentId));
		Set<Long> readable = access.canReadAll(ids);
		if (readable.isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("""
				select * from dossier where unit_id in (:units) and (cast(:year as int) is null or year = :year)
				order by year desc, id desc
				""")
			.param("units", readable)
			.param("year", year)
			.query((rs, n) -> row(rs))
			.list()
			.stream()
			.map(r -> line(r, today))
			.toList();
	}

	private List<Row> liveRowsOfMyUnits() {
		CurrentUser user = access.current();
		Set<Long> ids = directory.everBelow(user.unitIds());
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from dossier where step_position is not null and unit_id in (:units) order by id")
			.param("units", ids)
			.query((rs, n) -> row(rs))
			.list();
	}

	@Override
	public List<DossierSummaryLine> waitingForMe() {
		if (access.currentIfAny().isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		List<DossierSummaryLine> lines = new ArrayList<>();
		for (Row row : liveRowsOfMyUnits()) {
			if (!access.canRead(row.unitId())) {
				continue;
			}
			StepDef step = route(row.routeCode()).step(row.position());
			if (isOwnOffice(row, step, today) || isOwnOffice(row, step, pendingSince(row, events(row.id())))) {
				lines.add(line(row, today));
			}
		}
		lines.sort(Comparator
			.comparing((DossierSummaryLine l) -> l.summary().stepDue(), Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(l -> l.summary().id()));
		return lines;
	}

	@Override
	public List<DossierSummaryLine> dueBetween(LocalDate from, LocalDate to) {
		if (access.currentIfAny().isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		return liveRowsOfMyUnits().stream()
			.filter(r -> access.canRead(r.unitId()))
			.map(r -> line(r, today))
			.filter(l -> l.summary().stepDue() != null && !l.summary().stepDue().isBefore(from)
					&& !l.summary().stepDue().isAfter(to))
			.toList();
	}

	@Override
	@Transactional
	public DossierView act(long id, DossierAction request) {
		Row row = require(id);
		Action action = DossierFlow.parse(request.action())
			.orElseThrow(() -> new BusinessRuleException("recognition.dossier.action.unknown",
					String.valueOf(request.action())));
		checkVersion(row, request.expectedVersion());
		Route route = route(row.routeCode());
		String label = label(row);
		StepDef step = row.position() == null ? null : route.step(row.position());
		Optional<String> refusal = DossierFlow.refusal(row.state(), step == null ? null : step.kind(), action);
		if (refusal.isPresent()) {
			throw new BusinessRuleException(refusal.get(), step == null ? "" : step.name());
		}
		LocalDate today = LocalDate.now(clock);
		List<Event> events = events(id);
		LocalDate since = pendingSince(row, events);
		LocalDate on = request.on() == null ? today : request.on();
		if (on.isAfter(today)) {
			throw new BusinessRuleException("recognition.dossier.future", "recognition.dossier.field.on",
					VnFormat.date(on));
		}
		if (on.isBefore(since)) {
			throw new BusinessRuleException("recognition.dossier.beforePrevious", VnFormat.date(on),
					VnFormat.date(since));
		}
		if (!isOffice(row, step, on)) {
			Office office = office(row.unitId(), step.office(), on);
			throw AccessRefused.because("recognition.dossier.notYourStep", step.name(),
					office.name() == null ? "?" : office.name(), VnFormat.date(on));
		}
		String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
		if (action == Action.RETURN && reason == null) {
			throw new BusinessRuleException("recognition.dossier.required", "recognition.dossier.field.reason");
		}
		if (action == Action.APPROVE || action == Action.SUBMIT) {
			List<String> missing = checklist(row, Set.of(step.code())).stream()
				.filter(item -> !item.uploaded())
				.map(ChecklistEntry::name)
				.toList();
			if (!missing.isEmpty() && !"DECIDE".equals(step.kind())) {
				throw new BusinessRuleException("recognition.dossier.missingDocuments", step.name(),
						String.join("; ", missing));
			}
		}
		DossierFlow.Outcome outcome = DossierFlow.after(row.state(), step.kind(), action, step.position(),
				route.steps().size());
		Office office = office(row.unitId(), step.office(), on);
		String decisionNumber = row.decisionNumber();
		LocalDate decidedOn = row.decidedOn();
		String issuer = row.issuer();
		Long awardId = row.awardId();
		LocalDate announcedOn = row.announcedOn();
		LocalDate submittedOn = row.submittedOn();
		if (action == Action.SUBMIT) {
			submittedOn = on;
		}
		if (action == Action.APPROVE && "DECIDE".equals(step.kind())) {
			if (request.decisionNumber() == null || request.decisionNumber().isBlank()) {
				throw new BusinessRuleException("recognition.dossier.required",
						"recognition.dossier.field.decisionNumber");
			}
			List<Condition> failing = conditions
				.check(row.unitId(), row.titleCode(), row.year(), on, row.securityComplex(), row.securitySource())
				.stream()
				.filter(c -> c.outcome() == Condition.Outcome.FAIL)
				.toList();
			if (!failing.isEmpty()) {
				throw new ConditionsNotMet(failing);
			}
			decisionNumber = request.decisionNumber().strip();
			decidedOn = on;
			issuer = request.issuer() == null || request.issuer().isBlank()
					? (office.name() == null ? null : "UBND " + office.name()) : request.issuer().strip();
			awardId = awarding.award(row.unitId(), row.titleCode(), row.year(), on, decisionNumber, issuer,
					"Hồ sơ xét công nhận số " + row.id());
		}
		if (action == Action.APPROVE && "ANNOUNCE".equals(step.kind())) {
			announcedOn = on;
		}
		String actor = actor();
		int updated = jdbc.sql("""
				update dossier set state = :state, step_position = :position, step_since = now(),
				    submitted_on = :submitted, decision_number = :number, decided_on = :decided, issuer = :issuer,
				    award_id = :award, announced_on = :announced, row_version = row_version + 1,
				    changed_at = now(), changed_by = :actor
				where id = :id and row_version = :version
				""")
			.param("state", outcome.state())
			.param("position", outcome.position())
			.param("submitted", submittedOn)
			.param("number", decisionNumber)
			.param("decided", decidedOn)
			.param("issuer", issuer)
			.param("award", awardId)
			.param("announced", announcedOn)
			.param("actor", actor)
			.param("id", id)
			.param("version", row.version())
			.update();
		if (updated == 0) {
			throw stale(id, label);
		}
		jdbc.sql("""
				insert into dossier_step_event (dossier_id, position, step_code, action, reason, done_on,
				    office_unit_id, actor)
				values (:id, :position, :step, :action, :reason, :on, :office, :actor)
				""")
			.param("id", id)
			.param("position", step.position())
			.param("step", step.code())
			.param("action", action.name())
			.param("reason", reason)
			.param("on", on)
			.param("office", office.unitId())
			.param("actor", actor)
			.update();
		Row after = load(id).orElseThrow();
		String summary = switch (action) {
			case SUBMIT -> "Nộp hồ sơ " + label + " ngày " + VnFormat.date(on);
			case APPROVE -> "Hoàn thành bước \"" + step.name() + "\" của hồ sơ " + label + " ngày " + VnFormat.date(on)
					+ ("DECIDE".equals(step.kind()) ? " (quyết định số " + decisionNumber + ")" : "");
			case RETURN -> "Trả lại hồ sơ " + label + " ở bước \"" + step.name() + "\": " + reason;
			case WITHDRAW -> "Rút hồ sơ " + label;
		};
		audit.record(AuditRecord.updated("dossier", id, label, summary, snapshot(row), snapshot(after)));
		return view(after);
	}

	@Override
	@Transactional
	public DossierView recordSecurity(long id, boolean complex, String source, int expectedVersion) {
		Row row = require(id);
		checkVersion(row, expectedVersion);
		Route route = route(row.routeCode());
		if (row.position() == null || !isOffice(row, route.step(row.position()), LocalDate.now(clock))
				&& !isOffice(row, route.step(row.position()), pendingSince(row, events(id)))) {
			throw AccessRefused.because("recognition.dossier.notYours", label(row));
		}
		if (source == null || source.isBlank()) {
			throw new BusinessRuleException("recognition.dossier.required", "recognition.dossier.field.securitySource");
		}
		String label = label(row);
		int updated = jdbc.sql("""
				update dossier set security_complex = :complex, security_source = :source,
				    row_version = row_version + 1, changed_at = now(), changed_by = :actor
				where id = :id and row_version = :version
				""")
			.param("complex", complex)
			.param("source", source.strip())
			.param("actor", actor())
			.param("id", id)
			.param("version", row.version())
			.update();
		if (updated == 0) {
			throw stale(id, label);
		}
		Row after = load(id).orElseThrow();
		audit.record(AuditRecord.updated(
				"dossier", id, label, "Ghi tình hình an ninh trật tự của hồ sơ " + label + ": "
						+ (complex ? "phức tạp" : "không phức tạp") + " (" + source.strip() + ")",
				snapshot(row), snapshot(after)));
		return view(after);
	}

	@Override
	@Transactional
	public DossierView upload(long id, String itemCode, Upload upload) {
		Row row = require(id);
		// one upload at a time per dossier: the new version's number is taken under this
		// lock,
		// and the dossier's version moves on so that nobody approves a step on files they
		// have not seen (their page's version is then stale: 409)
		jdbc.sql("select id from dossier where id = :id for update").param("id", id).query(Long.class).single();
		Route route = route(row.routeCode());
		LocalDate today = LocalDate.now(clock);
		if (row.position() == null || !isOffice(row, route.step(row.position()), today)
				&& !isOffice(row, route.step(row.position()), pendingSince(row, events(id)))) {
			throw AccessRefused.because("recognition.dossier.notYours", label(row));
		}
		Set<String> routeSteps = new LinkedHashSet<>(route.steps().stream().map(StepDef::code).toList());
		ChecklistEntry item = checklist(row, routeSteps).stream()
			.filter(i -> i.code().equals(itemCode))
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("recognition.dossier.item.unknown", itemCode));
		StoredDocument stored;
		try (InputStream in = upload.content().getInputStream()) {
			stored = documents.store(in, upload.fileName(), item.name());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int version = jdbc.sql(
				"select coalesce(max(version), 0) + 1 from dossier_document where dossier_id = :id and item_code = :item")
			.param("id", id)
			.param("item", itemCode)
			.query(Integer.class)
			.single();
		String actor = actor();
		long docId = jdbc.sql("""
				insert into dossier_document (dossier_id, item_code, version, sha256, file_name, original_name,
				    content_type, size, uploaded_by)
				values (:id, :item, :version, :sha, :name, :original, :type, :size, :actor)
				returning id
				""")
			.param("id", id)
			.param("item", itemCode)
			.param("version", version)
			.param("sha", stored.sha256())
			.param("name", stored.fileName())
			.param("original", stored.originalName())
			.param("type", stored.contentType())
			.param("size", stored.size())
			.param("actor", actor)
			.query(Long.class)
			.single();
		jdbc.sql(
				"update dossier set changed_at = now(), changed_by = :actor, row_version = row_version + 1 where id = :id")
			.param("actor", actor)
			.param("id", id)
			.update();
		String label = label(row);
		audit.record(AuditRecord.created("dossier_document", docId, label + " – " + item.name(),
				"Tải lên \"" + item.name() + "\" (phiên bản " + version + ", " + stored.fileName() + ") cho hồ sơ "
						+ label,
				Map.of("dossierId", id, "item", itemCode, "version", version, "sha256", stored.sha256(), "fileName",
						stored.fileName())));
		return view(load(id).orElseThrow());
	}

	@Override
	public DocumentFile document(long id, long documentId) {
		require(id);
		StoredDocument stored = jdbc.sql("select * from dossier_document where id = :doc and dossier_id = :id")
			.param("doc", documentId)
			.param("id", id)
			.query((rs, n) -> new StoredDocument(rs.getString("sha256"), rs.getString("file_name"),
					rs.getString("original_name"), rs.getString("content_type"), rs.getLong("size")))
			.optional()
			.orElseThrow(() -> new NotFoundException("recognition.dossier.document.notFound", documentId));
		return new DocumentFile(stored, documents.open(stored.sha256()));
	}

	private void checkVersion(Row row, @Nullable Integer expected) {
		if (expected == null || expected != row.version()) {
			throw new ConcurrentChangeException(label(row), row.changedBy(), row.changedAt());
		}
	}

	private RuntimeException stale(long id, String label) {
		Row now = load(id).orElseThrow();
		return new ConcurrentChangeException(label, now.changedBy(), now.changedAt());
	}

	private String label(Row row) {
		return directory.label(row.unitId()) + " – " + titleName(row.titleCode()) + " " + row.year();
	}

	private String actor() {
		return access.currentIfAny().map(CurrentUser::fullName).orElse("hệ thống");
	}

}
