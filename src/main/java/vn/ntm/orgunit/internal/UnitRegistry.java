package vn.ntm.orgunit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.orgunit.ClassificationChange;
import vn.ntm.orgunit.ClassificationScheme;
import vn.ntm.orgunit.ClassificationView;
import vn.ntm.orgunit.Merge;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.Split;
import vn.ntm.orgunit.TreeNode;
import vn.ntm.orgunit.UnitChange;
import vn.ntm.orgunit.UnitCorrection;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitFate;
import vn.ntm.orgunit.UnitHistory;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.Period;
import vn.ntm.shared.VnFormat;

/**
 * The unit facade: scope checks first, then the aggregate's rules, then the audit row,
 * all in one transaction.
 */
@Service
@Transactional
class UnitRegistry implements UnitManagement {

	private final UnitQueries queries;

	private final LineageQueries lineage;

	private final ClassificationQueries classifications;

	private final UnitStore store;

	private final UnitRules rules;

	private final Reorganizer reorganizer;

	private final ChildCarrier carrier;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	UnitRegistry(UnitQueries queries, LineageQueries lineage, ClassificationQueries classifications, UnitStore store,
			UnitRules rules, Reorganizer reorganizer, ChildCarrier carrier, AccessPolicy access, AuditLog audit,
			Clock clock) {
		this.queries = queries;
		this.lineage = lineage;
		this.classifications = classifications;
		this.store = store;
		this.rules = rules;
		this.reorganizer = reorganizer;
		this.carrier = carrier;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public long countryId() {
		return queries.countryId().orElseThrow(() -> new NotFoundException("unit.country.missing"));
	}

	@Override
	@Transactional(readOnly = true)
	public UnitDetails details(long unitId, LocalDate at) {
		access.requireRead(unitId);
		// the versions as plain rows (kept for the request), not the aggregate: loading
		// it read the unit, its versions and its classifications
		List<UnitRef> versions = queries.versions(unitId);
		UnitQueries.Stamp stamp = queries.stamp(unitId)
			.orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
		if (versions.isEmpty()) {
			throw new NotFoundException("unit.notFound", unitId);
		}
		UnitRef version = atOrNearest(versions, at);
		boolean exists = version.period().contains(at);
		LocalDate reference = exists ? at : referenceDate(version);
		List<UnitRef> ancestors = queries.ancestors(unitId, reference);
		List<UnitRef> children = queries.children(unitId, reference);
		List<ClassificationView> values = classifications.effectiveAt(unitId, reference);
		return new UnitDetails(version, at, exists, reference, ancestors, children, values, stamp.rowVersion(),
				stamp.updatedBy(), stamp.updatedAt());
	}

	/**
	 * The version valid at the date, else the nearest one (the first before the unit's
	 * life, else the latest): {@code AdminUnit.versionAtOrNearest} over the rows.
	 */
	private static UnitRef atOrNearest(List<UnitRef> history, LocalDate date) {
		return history.stream().filter(v -> v.period().contains(date)).findFirst().orElseGet(() -> {
			UnitRef first = history.get(0);
			return first.validFrom() != null && date.isBefore(first.validFrom()) ? first
					: history.get(history.size() - 1);
		});
	}

	/**
	 * A day inside the version, to show a unit outside its life as it was at its nearest
	 * edge.
	 */
	private static LocalDate referenceDate(UnitRef version) {
		if (version.validTo() != null) {
			return version.validTo();
		}
		return version.validFrom() != null ? version.validFrom() : VnFormat.today();
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitRef> unitsOfYear(long rootId, int year) {
		lastDayIn(rootId, year);
		List<UnitRef> found = queries.unitsOfYear(rootId, year);
		return found.isEmpty() || found.get(0).id() != rootId ? List.of() : found;
	}

	@Override
	@Transactional(readOnly = true)
	public LocalDate lastDayIn(long unitId, int year) {
		access.requireRead(unitId);
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		List<UnitRef> versions = queries.versions(unitId);
		if (versions.isEmpty()) {
			throw new NotFoundException("unit.notFound", unitId);
		}
		LocalDate day = null;
		for (UnitRef v : versions) {
			boolean overlaps = (v.validFrom() == null || !v.validFrom().isAfter(last))
					&& (v.validTo() == null || !v.validTo().isBefore(first));
			if (overlaps) {
				LocalDate end = v.validTo() == null || v.validTo().isAfter(last) ? last : v.validTo();
				if (day == null || end.isAfter(day)) {
					day = end;
				}
			}
		}
		if (day != null) {
			return day;
		}
		UnitRef latest = versions.get(versions.size() - 1);
		UnitRef earliest = versions.get(0);
		if (earliest.validFrom() != null && earliest.validFrom().isAfter(last)) {
			throw new BusinessRuleException("unit.notInYear.later", earliest.fullName(), String.valueOf(year),
					VnFormat.date(earliest.validFrom()));
		}
		Optional<UnitFate> fate = fate(unitId);
		String became = fate
			.map(f -> f.successors()
				.stream()
				.map(UnitFate.Successor::label)
				.collect(java.util.stream.Collectors.joining("; ")))
			.orElse("");
		LocalDate end = latest.validTo() == null ? last : latest.validTo();
		throw became.isEmpty()
				? new BusinessRuleException("unit.notInYear.ended", latest.fullName(), String.valueOf(year),
						VnFormat.date(end))
				: new BusinessRuleException("unit.notInYear.became", latest.fullName(), String.valueOf(year),
						VnFormat.date(end), became);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UnitFate> fate(long unitId) {
		access.requireRead(unitId);
		UnitRef latest = queries.latest(unitId).orElse(null);
		if (latest == null || latest.validTo() == null) {
			return Optional.empty();
		}
		UnitHistory.EventEntry ended = lineage.eventsOf(unitId)
			.stream()
			.filter(e -> "ENDED".equals(e.role()))
			.reduce((a, b) -> b)
			.orElse(null);
		if (ended == null) {
			return Optional.of(new UnitFate(latest.validTo(), null, List.of()));
		}
		List<UnitFate.Successor> successors = ended.successors()
			.stream()
			.map(s -> new UnitFate.Successor(s,
					s.parentId() == null ? null : queries.versionAt(s.parentId(), ended.effectiveDate()).orElse(null)))
			.toList();
		return Optional.of(new UnitFate(latest.validTo(), ended.kind(), successors));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UnitRef> find(long unitId, LocalDate at) {
		access.requireRead(unitId);
		return queries.versionAt(unitId, at);
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitRef> children(long unitId, LocalDate at) {
		access.requireRead(unitId);
		return queries.children(unitId, at);
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitRef> ancestors(long unitId, LocalDate at) {
		access.requireRead(unitId);
		return queries.ancestors(unitId, at);
	}

	@Override
	@Transactional(readOnly = true)
	public TreeNode tree(long rootId, LocalDate at, int maxDepth) {
		access.requireRead(rootId);
		UnitRef root = queries.versionAt(rootId, at)
			.orElseThrow(() -> new BusinessRuleException("unit.notValidAt",
					queries.latest(rootId).map(UnitRef::fullName).orElse("?"), VnFormat.date(at)));
		Map<Long, List<UnitQueries.Positioned>> byParent = new HashMap<>();
		List<Long> frontier = new ArrayList<>();
		for (UnitQueries.Positioned p : queries.descendants(rootId, at, maxDepth)) {
			byParent.computeIfAbsent(p.unit().parentId(), k -> new ArrayList<>()).add(p);
			if (p.depth() == maxDepth) {
				frontier.add(p.unit().id());
			}
		}
		if (maxDepth == 0) {
			frontier.add(rootId);
		}
		Map<Long, Integer> frontierCounts = queries.childCounts(frontier, at);
		return node(root, 0, byParent, frontierCounts);
	}

	private static TreeNode node(UnitRef unit, int depth, Map<Long, List<UnitQueries.Positioned>> byParent,
			Map<Long, Integer> frontierCounts) {
		List<TreeNode> children = byParent.getOrDefault(unit.id(), List.of())
			.stream()
			.map(p -> node(p.unit(), p.depth(), byParent, frontierCounts))
			.toList();
		int count = children.isEmpty() ? frontierCounts.getOrDefault(unit.id(), 0) : children.size();
		return new TreeNode(unit, depth, children, count);
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitRef> descendants(long rootId, LocalDate at) {
		access.requireRead(rootId);
		List<UnitRef> flat = new ArrayList<>();
		collect(tree(rootId, at, 8), flat);
		flat.remove(0);
		return flat;
	}

	private static void collect(TreeNode node, List<UnitRef> into) {
		into.add(node.unit());
		node.children().forEach(child -> collect(child, into));
	}

	@Override
	@Transactional(readOnly = true)
	public UnitHistory history(long unitId) {
		access.requireRead(unitId);
		List<UnitHistory.VersionEntry> versions = new ArrayList<>();
		for (UnitRef version : queries.versions(unitId)) {
			UnitRef parent = null;
			if (version.parentId() != null) {
				LocalDate day = version.validFrom() != null ? version.validFrom()
						: version.validTo() != null ? version.validTo() : LocalDate.now(clock);
				parent = queries.versionAt(version.parentId(), day)
					.or(() -> queries.latest(version.parentId()))
					.orElse(null);
			}
			versions.add(new UnitHistory.VersionEntry(version, parent));
		}
		return new UnitHistory(unitId, versions, lineage.eventsOf(unitId), classifications.ownValues(unitId),
				lineage.issuesOf(unitId));
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitRef> search(String text, @Nullable LocalDate at, int limit) {
		access.require(Permission.UNIT_READ);
		return queries.search(text, at, access.scope(), Math.min(Math.max(limit, 1), 200));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> locations(List<UnitRef> versions) {
		Map<Long, String> locations = new HashMap<>();
		for (UnitRef version : versions) {
			LocalDate day = version.validTo() != null ? version.validTo() : LocalDate.now(clock);
			if (version.validFrom() != null && day.isBefore(version.validFrom())) {
				day = version.validFrom();
			}
			List<UnitRef> ancestors = new ArrayList<>(queries.ancestors(version.id(), day));
			java.util.Collections.reverse(ancestors);
			locations.put(version.id(),
					String.join(", ", ancestors.stream().filter(a -> a.level() > 0).map(UnitRef::fullName).toList()));
		}
		return locations;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UnitRef> findByCode(String code, LocalDate at) {
		return queries.findByCode(code, at).filter(unit -> access.canRead(unit.id()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitRef> scopeRoots(LocalDate at) {
		var scope = access.scope();
		if (scope.unrestricted()) {
			return queries.countryId().flatMap(id -> queries.versionAt(id, at)).map(List::of).orElse(List.of());
		}
		List<UnitRef> roots = new ArrayList<>();
		for (UnitRef latest : queries.latestOf(scope.roots())) {
			roots.add(queries.versionAt(latest.id(), at).orElse(latest));
		}
		return roots;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean canEdit(long unitId) {
		return access.canEdit(unitId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ClassificationView> classificationAt(long unitId, String schemeCode, LocalDate at) {
		access.requireRead(unitId);
		return classifications.effectiveAt(unitId, at)
			.stream()
			.filter(v -> v.schemeCode().equals(schemeCode))
			.findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ClassificationScheme> schemes() {
		return classifications.schemes();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Map<String, java.util.Set<String>>> classificationsAt(long rootId, java.util.Set<String> schemes,
			LocalDate at, boolean descendants) {
		access.requireRead(rootId);
		return classifications.heldWithin(rootId, schemes, at, descendants);
	}

	@Override
	public UnitRef create(NewUnit spec) {
		access.requireCreateUnder(spec.parentId(), spec.type().level());
		UnitAttributes attributes = new UnitAttributes(spec.code(), spec.name(), spec.type(), spec.parentId(),
				spec.note());
		Period period = Period.from(spec.validFrom());
		rules.checkParent(spec.parentId(), spec.type(), attributes.name(), period);
		rules.checkCodeFree(attributes.code(), spec.type(), spec.parentId(), period, null);
		AdminUnit unit = store.save(AdminUnit.create(attributes, period, clock.instant(), access.current().username()));
		audit.record(AuditRecord.created("unit", unit.id(), attributes.fullName(), "Thêm " + attributes.fullName(),
				UnitSnapshots.of(unit)));
		carrier.carryForward(unit.id());
		return queries.latest(unit.id()).orElseThrow();
	}

	@Override
	public UnitRef correct(long unitId, UnitCorrection correction) {
		access.requireEdit(unitId);
		AdminUnit unit = store.load(unitId, correction.expectedVersion());
		UnitVersion latest = unit.latest();
		UnitRules.requireSameLevel(latest.unitType(), correction.type());
		UnitAttributes attributes = new UnitAttributes(correction.code(), correction.name(), correction.type(),
				latest.parentId(), correction.note());
		Period period = new Period(unit.versions.size() > 1 ? latest.validFrom() : correction.validFrom(),
				latest.validTo());
		if (latest.parentId() != null) {
			rules.checkParent(latest.parentId(), correction.type(), attributes.name(), period);
		}
		rules.checkCodeFree(attributes.code(), correction.type(), latest.parentId(), period, unitId);
		if (unit.versions.size() == 1 && !Objects.equals(correction.validFrom(), latest.validFrom())) {
			checkNewStart(unitId, attributes, latest, correction.validFrom());
		}
		var before = UnitSnapshots.of(unit);
		unit.correct(attributes, correction.validFrom(), access.current().username(), clock.instant());
		store.save(unit);
		audit.record(AuditRecord.updated("unit", unitId, attributes.fullName(),
				"Sửa thông tin " + attributes.fullName(), before, UnitSnapshots.of(unit)));
		return unit.latest().toRef(unitId);
	}

	/**
	 * A start date set by a merge or split belongs to that event; a later start must not
	 * leave children recorded before it without a parent.
	 */
	private void checkNewStart(long unitId, UnitAttributes attributes, UnitVersion latest,
			@Nullable LocalDate newStart) {
		if (queries.startedByEvent(unitId)) {
			throw new BusinessRuleException("unit.correct.startFromEvent", attributes.fullName(),
					VnFormat.date(latest.validFrom()));
		}
		if (newStart != null) {
			List<UnitRef> earlier = queries.childrenStartingBefore(unitId, newStart);
			if (!earlier.isEmpty()) {
				UnitRef child = earlier.get(0);
				throw new BusinessRuleException("unit.correct.childrenBefore", attributes.fullName(),
						VnFormat.date(newStart), child.fullName(),
						child.validFrom() == null ? "?" : VnFormat.date(child.validFrom()));
			}
		}
	}

	@Override
	public UnitRef change(long unitId, UnitChange change) {
		return reorganizer.change(unitId, change);
	}

	@Override
	public long merge(Merge merge) {
		return reorganizer.merge(merge, this::create);
	}

	@Override
	public long split(Split split) {
		return reorganizer.split(split, this::create);
	}

	@Override
	public long dissolve(long unitId, LocalDate effectiveDate, @Nullable String legalBasis, @Nullable String note,
			int expectedVersion) {
		return reorganizer.dissolve(unitId, effectiveDate, legalBasis, note, expectedVersion);
	}

	@Override
	public void classify(long unitId, ClassificationChange change) {
		access.require(Permission.UNIT_CLASSIFY);
		access.requireRead(unitId);
		ClassificationScheme scheme = classifications.scheme(change.schemeCode())
			.orElseThrow(() -> new BusinessRuleException("classification.scheme.unknown", change.schemeCode()));
		ClassificationScheme.Value value = scheme.values()
			.stream()
			.filter(v -> v.code().equals(change.valueCode()))
			.findFirst()
			.orElseThrow(
					() -> new BusinessRuleException("classification.value.unknown", change.valueCode(), scheme.name()));
		AdminUnit unit = store.load(unitId, change.expectedVersion());
		var before = UnitSnapshots.of(unit);
		Period period = new Period(change.validFrom(), change.validTo());
		unit.classify(
				new UnitClassification(null, scheme.code(), value.code(), period.from(), period.to(),
						blankToNull(change.source()), blankToNull(change.note())),
				scheme.multiValued(), access.current().username(), clock.instant());
		store.save(unit);
		String label = unit.latest().attributes().fullName();
		audit.record(new AuditRecord("CLASSIFY", "unit", String.valueOf(unitId), label,
				scheme.name() + ": " + value.name() + " (" + AdminUnit.describe(period) + ") cho " + label, before,
				UnitSnapshots.of(unit)));
	}

	@Override
	public void endClassification(long unitId, long classificationId, LocalDate lastDay, int expectedVersion) {
		access.require(Permission.UNIT_CLASSIFY);
		access.requireRead(unitId);
		AdminUnit unit = store.load(unitId, expectedVersion);
		var before = UnitSnapshots.of(unit);
		UnitClassification ended = unit.endClassification(classificationId, lastDay, access.current().username(),
				clock.instant());
		store.save(unit);
		String label = unit.latest().attributes().fullName();
		audit.record(new AuditRecord("DECLASSIFY", "unit", String.valueOf(unitId), label,
				"Kết thúc phân loại " + ended.schemeCode() + "=" + ended.valueCode() + " của " + label, before,
				UnitSnapshots.of(unit)));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
