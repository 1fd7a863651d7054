package vn.ntm.criteria.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.DirectionFlag;
import vn.ntm.criteria.SetComparison;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetFile;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.TitleView;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.orgunit.ClassificationScheme;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Problem;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.VnFormat;

/**
 * The catalog facade: checks who may change what, validates documents before saving,
 * keeps published versions immutable and audits every change.
 */
@Service
@Transactional
class CatalogService implements CriteriaCatalog {

	private final CatalogStore store;

	private final JdbcClient jdbc;

	private final UnitManagement units;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	/** Published versions never change, so their definitions are kept once built. */
	private final Map<Long, SetDefinition> published = new ConcurrentHashMap<>();

	CatalogService(CatalogStore store, JdbcClient jdbc, UnitManagement units, AccessPolicy access, AuditLog audit,
			Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.units = units;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SetSummary> sets() {
		access.current();
		return store.summaries();
	}

	@Override
	@Transactional(readOnly = true)
	public SetSummary summary(long setId) {
		access.current();
		return store.summary(setId)
			.orElseThrow(() -> new vn.ntm.shared.NotFoundException("catalog.set.notFound", setId));
	}

	@Override
	@Transactional(readOnly = true)
	public SetDocument document(long setId) {
		access.current();
		return store.document(setId);
	}

	@Override
	@Transactional(readOnly = true)
	public SetDefinition definition(long setId) {
		SetDefinition cached = published.get(setId);
		if (cached != null) {
			return cached;
		}
		CatalogStore.SetRow row = store.requireRow(setId);
		SetDocument document = store.document(setId);
		Map<String, String> names = new HashMap<>();
		for (TitleView title : titleList()) {
			names.put(title.code(), title.name());
		}
		Map<String, String> used = new LinkedHashMap<>();
		for (String code : Definitions.titlesUsed(document)) {
			used.put(code, names.getOrDefault(code, code));
		}
		SetDefinition definition = Definitions.of(setId, document, used);
		if (!row.isDraft()) {
			published.put(setId, definition);
		}
		return definition;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SetSummary> inForce(String code, LocalDate at) {
		return store.publishedAt(code, at).flatMap(store::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SetSummary> applicableTo(UnitType type, LocalDate at) {
		return store.summaries()
			.stream()
			.filter(SetSummary::isPublished)
			.filter(s -> s.unitLevel() == type.level())
			.filter(s -> s.unitTypes().isEmpty() || s.unitTypes().contains(type.name()))
			.filter(s -> s.covers(at))
			.toList();
	}

	@Override
	public SetSummary importDraft(SetDocument document) {
		requireMayCreate(document);
		long id = insertDraft(document, null);
		SetSummary created = summary(id);
		audit.record(AuditRecord.created("criteria_set", id, created.label(),
				"Nhập bộ tiêu chí " + created.label() + " (bản nháp)", document));
		return created;
	}

	@Override
	@Transactional(readOnly = true)
	public SetDocument readFile(String fileName, byte[] content) {
		access.current();
		return parse(fileName, content).document();
	}

	@Override
	public SetSummary importFile(String fileName, byte[] content) {
		access.require(Permission.CATALOG_EDIT);
		Parsed parsed = parse(fileName, content);
		try {
			return importDraft(parsed.document());
		}
		catch (RejectedInput ex) {
			throw parsed.locate(ex);
		}
	}

	/**
	 * A document read from a file; for a workbook, where each part came from, so that the
	 * validator's problems are shown on their sheet and row.
	 */
	private record Parsed(SetDocument document, CatalogWorkbook.@Nullable Result workbook) {

		RejectedInput locate(RejectedInput rejected) {
			if (workbook == null) {
				return rejected;
			}
			return new RejectedInput(rejected.messageKey(), CatalogWorkbook.locate(rejected.problems(), workbook));
		}

	}

	private static Parsed parse(String fileName, byte[] content) {
		String name = fileName.strip().toLowerCase(Locale.ROOT);
		if (content.length > SetFile.MAX_BYTES) {
			throw new RejectedInput("catalog.rejected",
					List.of(Problem.at(List.of(), "catalog.file.tooLarge", SetFile.MAX_BYTES / 1024 / 1024)));
		}
		if (name.endsWith(".yaml") || name.endsWith(".yml")) {
			return new Parsed(CatalogFiles.readYaml(content), null);
		}
		if (name.endsWith(".json")) {
			return new Parsed(CatalogFiles.readJson(content), null);
		}
		if (name.endsWith(".xlsx")) {
			CatalogWorkbook.Result result = CatalogWorkbook.read(content);
			return new Parsed(result.document(), result);
		}
		throw new RejectedInput("catalog.rejected",
				List.of(Problem.at(List.of(), "catalog.file.format", fileName.strip())));
	}

	@Override
	@Transactional(readOnly = true)
	public SetFile exportFile(long setId, String format) {
		SetSummary set = summary(setId);
		SetDocument document = store.document(setId);
		String name = set.code() + "-v" + set.version();
		return switch (format.toLowerCase(Locale.ROOT)) {
			case "xlsx" -> new SetFile(name + ".xlsx", XLSX, CatalogWorkbook.write(document));
			case "yaml", "yml" -> new SetFile(name + ".yaml", "application/yaml", CatalogFiles.writeYaml(document));
			case "json" -> new SetFile(name + ".json", "application/json", CatalogFiles.writeJson(document));
			default -> throw new vn.ntm.shared.NotFoundException("catalog.file.exportFormat", format);
		};
	}

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Loads a shipped catalog file as a published set (first start, by the system). */
	SetSummary installPublished(SetDocument document) {
		long id = insertDraft(document, null);
		CatalogStore.SetRow row = store.requireRow(id);
		publishRow(row);
		SetSummary installed = summary(id);
		audit.record(AuditRecord.created("criteria_set", id, installed.label(),
				"Nạp bộ tiêu chí " + installed.label() + " từ tệp danh mục có sẵn", document));
		return installed;
	}

	private long insertDraft(SetDocument document, @Nullable Long supersedes) {
		CatalogValidator.check(document, context());
		CatalogStore.Owner owner = owner(document);
		Long refines = refines(document);
		int version = store.nextVersion(document.code());
		requireSameKeeper(document.code(), owner, null);
		store.versions(document.code()).stream().filter(CatalogStore.SetRow::isDraft).findFirst().ifPresent(draft -> {
			throw new BusinessRuleException("catalog.set.draftExists", draft.code() + " v" + draft.version());
		});
		Long previous = supersedes;
		if (previous == null && version > 1) {
			previous = store.idOf(document.code(), version - 1).orElse(null);
		}
		return store.insert(withVersion(document, version), version, "DRAFT", owner, refines, previous, actor(),
				clock.instant());
	}

	@Override
	public SetSummary saveDraft(long setId, SetDocument document, int expectedVersion) {
		CatalogStore.SetRow row = store.requireRow(setId);
		requireEdit(row);
		if (!row.isDraft()) {
			throw new BusinessRuleException("catalog.set.notDraft", row.code() + " v" + row.version());
		}
		if (!row.code().equals(document.code())) {
			throw new BusinessRuleException("catalog.code.changed", row.code(), String.valueOf(document.code()));
		}
		SetDocument fixed = withVersion(document, row.version());
		CatalogValidator.check(fixed, context());
		requireOwnerMayEdit(fixed);
		requireSameKeeper(row.code(), owner(fixed), setId);
		SetDocument before = store.document(setId);
		store.replaceDraft(setId, fixed, owner(fixed), refines(fixed), expectedVersion, actor(), clock.instant());
		SetSummary saved = summary(setId);
		audit.record(AuditRecord.updated("criteria_set", setId, saved.label(),
				"Sửa bản nháp bộ tiêu chí " + saved.label(), before, store.document(setId)));
		return saved;
	}

	@Override
	public SetSummary newVersion(long setId) {
		CatalogStore.SetRow row = store.requireRow(setId);
		requireEdit(row);
		SetDocument document = store.document(setId);
		long id = insertDraft(document, setId);
		SetSummary created = summary(id);
		audit.record(AuditRecord.created("criteria_set", id, created.label(),
				"Tạo phiên bản mới " + created.label() + " từ " + row.code() + " v" + row.version() + " (bản nháp)",
				store.document(id)));
		return created;
	}

	@Override
	public SetSummary copyForProvince(long setId, String newCode, String provinceCode, LocalDate at) {
		CatalogStore.SetRow row = store.requireRow(setId);
		access.require(Permission.CATALOG_EDIT);
		if (!CatalogValidator.SET_CODE.matcher(newCode).matches()) {
			throw new BusinessRuleException("catalog.code.invalid", newCode);
		}
		if (store.nextVersion(newCode) > 1) {
			throw new BusinessRuleException("catalog.code.taken", newCode);
		}
		SetDocument source = store.document(setId);
		SetDocument.Owner owner = new SetDocument.Owner(provinceCode, at);
		UnitRef province = province(owner);
		SetDocument copy = new SetDocument(newCode, 1, source.name() + " — " + province.fullName(), source.nameEn(),
				source.title(), source.unitLevel(), source.unitTypes(), source.validFrom(), source.validTo(), null,
				null, owner, new SetDocument.SetRef(row.code(), row.version()), source.thresholdScheme(),
				source.thresholdRules(), source.prerequisites(), source.revocation(), source.sourceStatus(),
				source.sources(), source.note(), null, source.groups(), source.criteria());
		requireOwnerMayEdit(copy);
		long id = insertDraft(copy, null);
		SetSummary created = summary(id);
		audit.record(
				AuditRecord.created(
						"criteria_set", id, created.label(), "Sao chép " + row.code() + " v" + row.version()
								+ " thành bộ tiêu chí của " + province.fullName() + " (" + created.label() + ")",
						copy));
		return created;
	}

	@Override
	public SetSummary publish(long setId, int expectedVersion) {
		CatalogStore.SetRow row = store.requireRow(setId);
		requireEdit(row);
		if (!row.isDraft()) {
			throw new BusinessRuleException("catalog.set.notDraft", row.code() + " v" + row.version());
		}
		if (row.rowVersion() != expectedVersion) {
			throw new vn.ntm.shared.ConcurrentChangeException(row.code() + " v" + row.version(),
					row.updatedBy() == null ? row.createdBy() : row.updatedBy(),
					row.updatedAt() == null ? row.createdAt() : row.updatedAt());
		}
		SetDocument document = store.document(setId);
		CatalogValidator.check(document, context());
		List<String> changes = publishRow(row);
		SetSummary done = summary(setId);
		audit.record(new AuditRecord("PUBLISH", "criteria_set", String.valueOf(setId), done.label(),
				"Ban hành " + done.label() + (changes.isEmpty() ? "" : "; " + String.join("; ", changes)),
				Map.of("status", "DRAFT"), Map.of("status", "PUBLISHED")));
		return done;
	}

	/**
	 * Publishes a draft: earlier-starting published versions of the code end the day
	 * before it starts, the others are superseded.
	 */
	private List<String> publishRow(CatalogStore.SetRow row) {
		List<String> changes = new ArrayList<>();
		for (CatalogStore.SetRow other : store.versions(row.code())) {
			if (other.id() == row.id() || !other.isPublished() || !overlaps(other, row)) {
				continue;
			}
			if (row.validFrom() != null && (other.validFrom() == null || other.validFrom().isBefore(row.validFrom()))) {
				LocalDate lastDay = row.validFrom().minusDays(1);
				store.endBefore(other.id(), lastDay, actor(), clock.instant());
				changes.add("v" + other.version() + " áp dụng đến hết " + VnFormat.date(lastDay));
			}
			else {
				store.changeStatus(other.id(), "SUPERSEDED", other.rowVersion(), actor(), clock.instant(), null);
				changes.add("v" + other.version() + " được thay thế");
			}
			published.remove(other.id());
		}
		store.changeStatus(row.id(), "PUBLISHED", row.rowVersion(), actor(), clock.instant(), null);
		return changes;
	}

	private static boolean overlaps(CatalogStore.SetRow a, CatalogStore.SetRow b) {
		boolean aEndsBeforeB = a.validTo() != null && b.validFrom() != null && a.validTo().isBefore(b.validFrom());
		boolean bEndsBeforeA = b.validTo() != null && a.validFrom() != null && b.validTo().isBefore(a.validFrom());
		return !aEndsBeforeB && !bEndsBeforeA;
	}

	@Override
	public SetSummary retire(long setId, String reason, int expectedVersion) {
		CatalogStore.SetRow row = store.requireRow(setId);
		requireEdit(row);
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleException("catalog.retire.reason");
		}
		if (!row.isDraft() && !row.isPublished()) {
			throw new BusinessRuleException("catalog.set.notActive", row.code() + " v" + row.version());
		}
		store.changeStatus(setId, "RETIRED", expectedVersion, actor(), clock.instant(), reason.strip());
		published.remove(setId);
		SetSummary done = summary(setId);
		audit.record(new AuditRecord("RETIRE", "criteria_set", String.valueOf(setId), done.label(),
				"Ngừng áp dụng " + done.label() + ": " + reason.strip(), Map.of("status", row.status()),
				Map.of("status", "RETIRED", "reason", reason.strip())));
		return done;
	}

	@Override
	@Transactional(readOnly = true)
	public List<DirectionFlag> directionFlags(long setId) {
		access.current();
		store.requireRow(setId);
		Map<String, DirectionFlag> confirmed = new HashMap<>();
		jdbc.sql("select * from criteria_direction_confirmation where set_id = :id")
			.param("id", setId)
			.query((rs, n) -> confirmed.put(rs.getString("indicator_code"),
					new DirectionFlag("", rs.getString("indicator_code"), null, "", rs.getString("requirements"),
							rs.getString("note"), rs.getString("confirmed_by"),
							rs.getTimestamp("confirmed_at").toInstant())))
			.list();
		return DirectionChecks.of(store.document(setId)).stream().map(found -> {
			DirectionFlag confirmation = confirmed.get(found.indicator());
			boolean valid = confirmation != null && confirmation.requirements().equals(found.requirements());
			return new DirectionFlag(found.criterion(), found.indicator(), found.name(), found.kind(),
					found.requirements(), valid ? confirmation.note() : null, valid ? confirmation.confirmedBy() : null,
					valid ? confirmation.confirmedAt() : null);
		}).toList();
	}

	@Override
	public DirectionFlag confirmDirection(long setId, String indicatorCode, String note) {
		CatalogStore.SetRow row = store.requireRow(setId);
		requireEdit(row);
		String text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			throw new RejectedInput("catalog.rejected", List.of(Problem
				.at(List.of(new Problem.Place("catalog.direction.note", "")), "catalog.direction.noteRequired")));
		}
		if (text.length() > 2000 || vn.ntm.criteria.engine.ValueRules.hasControl(text, true)) {
			throw new RejectedInput("catalog.rejected", List.of(Problem
				.at(List.of(new Problem.Place("catalog.direction.note", "")), "catalog.direction.noteInvalid")));
		}
		DirectionFlag flag = directionFlags(setId).stream()
			.filter(f -> f.indicator().equals(indicatorCode))
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("catalog.direction.notFlagged", indicatorCode,
					row.code() + " v" + row.version()));
		java.time.Instant now = clock.instant();
		jdbc.sql("""
				insert into criteria_direction_confirmation (set_id, indicator_code, requirements, note, confirmed_by,
				    confirmed_at)
				values (:set, :code, :requirements, :note, :by, :at)
				on conflict (set_id, indicator_code) do update set requirements = excluded.requirements,
				    note = excluded.note, confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at
				""")
			.param("set", setId)
			.param("code", indicatorCode)
			.param("requirements", flag.requirements())
			.param("note", text)
			.param("by", actor())
			.param("at", java.sql.Timestamp.from(now))
			.update();
		DirectionFlag done = new DirectionFlag(flag.criterion(), flag.indicator(), flag.name(), flag.kind(),
				flag.requirements(), text, actor(), now);
		String label = row.code() + " v" + row.version();
		audit.record(
				new AuditRecord(
						"CONFIRM", "criteria_set", String.valueOf(setId), label, "Xác nhận chiều so sánh của chỉ tiêu "
								+ indicatorCode + " (" + flag.requirements() + ") — " + label + ": " + text,
						flag, done));
		return done;
	}

	@Override
	@Transactional(readOnly = true)
	public SetComparison compare(long leftId, long rightId) {
		access.current();
		return Comparisons.compare(summary(leftId), store.document(leftId), summary(rightId), store.document(rightId));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean canEdit(long setId) {
		return store.row(setId).map(row -> mayKeep(row.ownerUnitId())).orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean allowsIncompleteSubmission(long setId) {
		store.requireRow(setId);
		return jdbc.sql("select allow_incomplete_submission from criteria_set where id = :id")
			.param("id", setId)
			.query(Boolean.class)
			.single();
	}

	@Override
	public void allowIncompleteSubmission(long setId, boolean allowed) {
		CatalogStore.SetRow row = store.requireRow(setId);
		requireEdit(row);
		Boolean before = jdbc.sql("select allow_incomplete_submission from criteria_set where id = :id for update")
			.param("id", setId)
			.query(Boolean.class)
			.single();
		if (before == allowed) {
			return;
		}
		jdbc.sql("update criteria_set set allow_incomplete_submission = :allowed where id = :id")
			.param("allowed", allowed)
			.param("id", setId)
			.update();
		String label = row.code() + " v" + row.version();
		audit.record(AuditRecord.updated("criteria_set", setId, label,
				(allowed ? "Cho phép" : "Không cho phép") + " nộp kết quả khi chưa đủ số liệu — " + label,
				java.util.Map.of("allowIncompleteSubmission", before),
				java.util.Map.of("allowIncompleteSubmission", allowed)));
	}

	@Override
	@Transactional(readOnly = true)
	public SetSummary requireEditable(long setId) {
		requireEdit(store.requireRow(setId));
		return summary(setId);
	}

	@Override
	public boolean canImport() {
		return access.currentIfAny().map(u -> u.has(Permission.CATALOG_EDIT)).orElse(false);
	}

	/**
	 * The one check of who keeps a set (creates, saves, versions, publishes, retires it):
	 * national sets ({@code ownerUnitId} null) administrators; a province's sets also the
	 * users with {@link Permission#CATALOG_EDIT} whose units the province is placed
	 * within ({@link AccessPolicy#canActOn}), the house rule for acting. Reading follows
	 * lineage, keeping does not: Đà Nẵng's office reads the sets Quảng Nam issued before
	 * the 2025 merger but does not change them; they are Quảng Nam's decisions
	 * (docs/access.md).
	 */
	private boolean mayKeep(@Nullable Long ownerUnitId) {
		var user = access.currentIfAny().orElse(null);
		if (user == null || !user.has(Permission.CATALOG_EDIT)) {
			return false;
		}
		if (user.isAdmin()) {
			return true;
		}
		return ownerUnitId != null && access.canActOn(ownerUnitId, Permission.CATALOG_EDIT);
	}

	/** {@link #mayKeep}, failing with the reason. */
	private void requireKeeper(@Nullable Long ownerUnitId, String label) {
		access.require(Permission.CATALOG_EDIT);
		if (!mayKeep(ownerUnitId)) {
			throw ownerUnitId == null ? AccessRefused.because("catalog.access.national")
					: AccessRefused.because("catalog.access.notOwner", label);
		}
	}

	private void requireEdit(CatalogStore.SetRow row) {
		requireKeeper(row.ownerUnitId(), row.code() + " v" + row.version());
	}

	private void requireMayCreate(SetDocument document) {
		access.require(Permission.CATALOG_EDIT);
		requireOwnerMayEdit(document);
	}

	/**
	 * A code keeps its keeper through its versions: a national code stays national, a
	 * province's code stays that province's, and only someone who may edit the latest
	 * version makes the next one (else a province office could publish over a national
	 * set by importing its code).
	 */
	private void requireSameKeeper(String code, CatalogStore.@Nullable Owner owner, @Nullable Long except) {
		Optional<CatalogStore.SetRow> latest = store.versions(code)
			.stream()
			.filter(r -> except == null || r.id() != except)
			.max(java.util.Comparator.comparingInt(CatalogStore.SetRow::version));
		if (latest.isEmpty()) {
			return;
		}
		Long keeper = latest.get().ownerUnitId();
		Long wanted = owner == null ? null : owner.unitId();
		if (!java.util.Objects.equals(keeper, wanted)) {
			throw new BusinessRuleException("catalog.owner.changed", code);
		}
		if (access.currentIfAny().isPresent()) {
			requireEdit(latest.get());
		}
	}

	/**
	 * Whether the current user may keep a set with the document's owner
	 * ({@link #mayKeep}).
	 */
	private void requireOwnerMayEdit(SetDocument document) {
		if (access.current().isAdmin()) {
			return;
		}
		if (document.owner() == null) {
			throw AccessRefused.because("catalog.access.national");
		}
		UnitRef province = province(document.owner());
		requireKeeper(province.id(), document.code() + " (" + province.fullName() + ")");
	}

	private UnitRef province(SetDocument.Owner owner) {
		LocalDate at = owner.at() == null ? VnFormat.today() : owner.at();
		UnitRef unit = units.findByCode(owner.code(), at)
			.filter(u -> u.level() == 1)
			.orElseThrow(() -> new RejectedInput("catalog.rejected",
					List.of(Problem.at(List.of(new Problem.Place("where.set", "owner")), "catalog.owner.unknown",
							owner.code(), VnFormat.date(at)))));
		return unit;
	}

	private CatalogStore.@Nullable Owner owner(SetDocument document) {
		if (document.owner() == null) {
			return null;
		}
		UnitRef province = province(document.owner());
		return new CatalogStore.Owner(province.id(), province.fullName());
	}

	private @Nullable Long refines(SetDocument document) {
		if (document.refines() == null) {
			return null;
		}
		return store.idOf(document.refines().code(), document.refines().version())
			.orElseThrow(() -> new RejectedInput("catalog.rejected",
					List.of(Problem.at(List.of(new Problem.Place("where.set", document.code())),
							"catalog.refines.unknown", document.refines().code(), document.refines().version()))));
	}

	private static SetDocument withVersion(SetDocument d, int version) {
		return new SetDocument(d.code(), version, d.name(), d.nameEn(), d.title(), d.unitLevel(), d.unitTypes(),
				d.validFrom(), d.validTo(), d.decision(), d.legalBasis(), d.owner(), d.refines(), d.thresholdScheme(),
				d.thresholdRules(), d.prerequisites(), d.revocation(), d.sourceStatus(), d.sources(), d.note(), null,
				d.groups(), d.criteria());
	}

	/** What documents are checked against. */
	CatalogValidator.Context context() {
		Map<String, Integer> titles = new HashMap<>();
		for (TitleView title : titleList()) {
			if (!title.retired()) {
				titles.put(title.code(), title.unitLevel());
			}
		}
		Map<String, Set<String>> schemes = new HashMap<>();
		for (ClassificationScheme scheme : units.schemes()) {
			Set<String> values = new LinkedHashSet<>();
			scheme.values().forEach(v -> values.add(v.code()));
			schemes.put(scheme.code(), values);
		}
		Set<String> codes = new LinkedHashSet<>(
				jdbc.sql("select distinct code from criteria_set").query(String.class).list());
		return new CatalogValidator.Context(titles, schemes, codes);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TitleView> titles() {
		return titleList();
	}

	private List<TitleView> titleList() {
		return jdbc.sql("""
				select code, name, name_en, unit_level, description, builtin, retired_at is not null as retired
				from title order by sort_order, code
				""")
			.query((rs, n) -> new TitleView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getBoolean(6), rs.getBoolean(7)))
			.list();
	}

	@Override
	public TitleView addTitle(TitleView title) {
		access.require(Permission.SYSTEM_SETTINGS);
		if (!CatalogValidator.SET_CODE.matcher(title.code()).matches()) {
			throw new BusinessRuleException("catalog.code.invalid", title.code());
		}
		if (title.name() == null || title.name().isBlank()) {
			throw new BusinessRuleException("title.name.required");
		}
		if (title.unitLevel() < 1 || title.unitLevel() > 4) {
			throw new BusinessRuleException("catalog.unitLevel.invalid", title.unitLevel());
		}
		if (titleList().stream().anyMatch(t -> t.code().equals(title.code()))) {
			throw new BusinessRuleException("title.code.taken", title.code());
		}
		jdbc.sql("""
				insert into title (code, name, name_en, unit_level, description, builtin, sort_order)
				values (:code, :name, :nameEn, :level, :description, false, 1000)
				""")
			.param("code", title.code())
			.param("name", title.name().strip())
			.param("nameEn", title.nameEn())
			.param("level", title.unitLevel())
			.param("description", title.description())
			.update();
		TitleView created = new TitleView(title.code(), title.name().strip(), title.nameEn(), title.unitLevel(),
				title.description(), false, false);
		audit.record(AuditRecord.created("title", title.code(), created.name(), "Thêm danh hiệu " + created.name(),
				created));
		return created;
	}

	@Override
	public void retireTitle(String code, String reason) {
		access.require(Permission.SYSTEM_SETTINGS);
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleException("title.retire.reason");
		}
		TitleView title = titleList().stream()
			.filter(t -> t.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new vn.ntm.shared.NotFoundException("title.notFound", code));
		if (title.builtin() || title.retired()) {
			throw new BusinessRuleException("title.notRetirable", title.name());
		}
		jdbc.sql("update title set retired_at = :at, retired_by = :by, retire_reason = :reason where code = :code")
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.param("by", actor())
			.param("reason", reason.strip())
			.param("code", code)
			.update();
		audit.record(new AuditRecord("RETIRE", "title", code, title.name(), "Ngừng dùng danh hiệu " + title.name(),
				title, Map.of("retired", true, "reason", reason.strip())));
	}

	private String actor() {
		return access.current().username();
	}

}
