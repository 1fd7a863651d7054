package vn.ntm.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.assessment.AssessmentEntry;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.EvaluationView;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.assessment.UnitEvaluation;
import vn.ntm.assessment.ValueInput;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.TitlesHeld;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.Evaluation;
import vn.ntm.criteria.engine.EvaluationInput;
import vn.ntm.criteria.engine.Evaluator;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.IndicatorSource;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.UnitFacts;
import vn.ntm.criteria.engine.Value;
import vn.ntm.criteria.engine.ValueRules;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.MalformedInput;
import vn.ntm.shared.Problem;
import vn.ntm.shared.Problem.Place;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * The assessment facade: opens assessments, records what people enter (checked against
 * the set: codes, types, derived indicators cannot be typed), evaluates one or many
 * units.
 */
@Service
@Transactional
class AssessmentService implements AssessmentManagement {

	private final AssessmentStore store;

	private final FactsAssembler facts;

	private final CriteriaCatalog catalog;

	private final TitlesHeld titles;

	private final UnitManagement units;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	private final Validator validator;

	AssessmentService(AssessmentStore store, FactsAssembler facts, CriteriaCatalog catalog, TitlesHeld titles,
			UnitManagement units, AccessPolicy access, AuditLog audit, Clock clock, Validator validator) {
		this.store = store;
		this.facts = facts;
		this.catalog = catalog;
		this.titles = titles;
		this.units = units;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.validator = validator;
	}

	@Override
	public AssessmentView open(NewAssessment request) {
		if (request.unitId() != null) {
			// who may not enter for the unit learns that before anything about the
			// request
			access.requireActOn(request.unitId(), Permission.ASSESSMENT_ENTER);
		}
		check(request);
		long unitId = request.unitId();
		SetSummary set = catalog.summary(request.setId());
		if (!set.isPublished()) {
			throw new BusinessRuleException("assessment.set.notPublished", set.label());
		}
		// by default as of the unit's own last day in the year (Tam Thanh's 2025:
		// 30/06/2025)
		LocalDate asOf = request.asOf() != null ? request.asOf() : units.lastDayIn(unitId, request.year());
		if (asOf.getYear() != request.year() && asOf.getYear() != request.year() + 1) {
			throw new BusinessRuleException("assessment.asOf.year", VnFormat.date(asOf), request.year());
		}
		UnitRef unit = units.find(unitId, asOf)
			.orElseThrow(() -> new BusinessRuleException("assessment.unit.notValid", VnFormat.date(asOf)));
		requireApplies(set, unit, asOf);
		store.find(unitId, set.id(), request.year()).ifPresent(existing -> {
			throw new BusinessRuleException("assessment.exists", unit.fullName(), set.label(), request.year());
		});
		long id = store.insert(unitId, set.id(), request.year(), asOf, VnText.blankToNull(request.source()),
				VnText.blankToNull(request.note()), actor(), clock.instant());
		AssessmentView created = view(store.require(id));
		audit.record(AuditRecord.created("assessment", id, created.auditLabel(), "Mở đánh giá " + created.auditLabel(),
				created));
		return created;
	}

	/**
	 * Refuses the problems found, if any: as malformed (400) when a field holds control
	 * characters, else as breaking a rule (422).
	 */
	static void refuse(String key, List<Problem> problems) {
		if (problems.isEmpty()) {
			return;
		}
		if (problems.stream().anyMatch(p -> p.key().endsWith(".control"))) {
			throw new MalformedInput(key, problems);
		}
		throw new RejectedInput(key, problems);
	}

	/**
	 * A free text of an assessment (its source, note) as the engine's rules take texts:
	 * no control characters, bounded.
	 */
	static void text(List<Problem> problems, String field, @Nullable String text, int max, boolean lineBreaks) {
		ValueRules.text(ValueRules.Field.SOURCE, text, max, lineBreaks)
			.ifPresent(refusal -> problems.add(Problem.at(List.of(new Place(field, "")),
					"assessment.text." + refusal.key().substring("engine.value.".length()), field,
					refusal.args().toArray())));
	}

	/**
	 * Refuses, with every problem and the field it is in, a request that is not complete
	 * or out of range (the constraints of {@link NewAssessment}).
	 */
	private void check(NewAssessment request) {
		List<Problem> problems = new ArrayList<>();
		validator.validate(request)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<NewAssessment> v) -> v.getPropertyPath().toString()))
			.forEach(v -> {
				String field = v.getPropertyPath().toString();
				String key = v.getMessageTemplate().replaceAll("^\\{|\\}$", "");
				problems.add(Problem
					.at(List.of(new Place("assessment.field." + field, String.valueOf(v.getInvalidValue()))), key));
			});
		// lengths are the constraints' (above); control characters are refused here
		text(problems, "assessment.field.source", request.source(), Integer.MAX_VALUE, false);
		text(problems, "assessment.field.note", request.note(), Integer.MAX_VALUE, true);
		if (request.asOf() != null && !ValueRules.saneDate(request.asOf())) {
			problems.add(Problem.at(List.of(new Place("assessment.field.asOf", String.valueOf(request.asOf()))),
					"assessment.date.range", VnFormat.date(ValueRules.EARLIEST), VnFormat.date(ValueRules.LATEST)));
		}
		refuse("assessment.open.rejected", problems);
	}

	private void requireApplies(SetSummary set, UnitRef unit, LocalDate asOf) {
		if (unit.level() != set.unitLevel()
				|| (!set.unitTypes().isEmpty() && !set.unitTypes().contains(unit.type().name()))
				|| (set.ownerUnitId() != null && !withinOwner(set, unit, asOf))) {
			throw new BusinessRuleException("assessment.unit.notApplicable", unit.fullName(), set.label());
		}
		if (!set.covers(asOf)) {
			throw new BusinessRuleException("assessment.set.period", set.label(), VnFormat.date(asOf));
		}
	}

	/**
	 * Whether the unit lies in the province that issued a provincial set (as of the date,
	 * or of its last day when it had ended by then).
	 */
	private boolean withinOwner(SetSummary set, UnitRef unit, LocalDate asOf) {
		LocalDate day = unit.validTo() != null && asOf.isAfter(unit.validTo()) ? unit.validTo() : asOf;
		return unit.id() == set.ownerUnitId()
				|| units.ancestors(unit.id(), day).stream().anyMatch(a -> a.id() == set.ownerUnitId());
	}

	@Override
	@Transactional(readOnly = true)
	public AssessmentView get(long assessmentId) {
		AssessmentStore.Row row = store.require(assessmentId);
		access.requireRead(row.unitId());
		return view(row);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AssessmentView> find(long unitId, long setId, int year) {
		access.requireRead(unitId);
		return store.find(unitId, setId, year).map(this::view);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AssessmentView> ofUnit(long unitId) {
		access.requireRead(unitId);
		return store.ofUnit(unitId).stream().map(this::view).toList();
	}

	@Override
	public AssessmentView record(long assessmentId, AssessmentEntry entry) {
		AssessmentStore.Row row = editable(assessmentId);
		SetDefinition set = catalog.definition(row.setId());
		check(set, entry);
		Map<String, Object> before = store.snapshot(assessmentId);
		boolean claims = entry.met() != null || entry.notMet() != null;
		store.touch(assessmentId, entry.expectedVersion(), entry.statedMetCount(),
				claims || entry.statedMetCount() != null, view(row).title(), actor(), clock.instant());
		if (entry.values() != null) {
			entry.values().forEach((code, value) -> {
				if (value == null) {
					store.removeValue(assessmentId, code);
				}
				else {
					store.putValue(assessmentId, code, value, entry.expectedVersion() + 1, actor(), clock.instant());
				}
			});
		}
		if (claims) {
			store.replaceClaims(assessmentId, entry.met() == null ? List.of() : entry.met(),
					entry.notMet() == null ? List.of() : entry.notMet(), VnText.blankToNull(entry.source()),
					entry.expectedVersion() + 1, actor(), clock.instant());
		}
		AssessmentView saved = view(store.require(assessmentId));
		audit.record(AuditRecord.updated("assessment", assessmentId, saved.auditLabel(),
				"Cập nhật kết quả " + saved.auditLabel(), before, store.snapshot(assessmentId)));
		return saved;
	}

	/**
	 * Refuses, with every problem, values for codes not in the set, of the wrong kind, or
	 * derived.
	 */
	private static void check(SetDefinition set, AssessmentEntry entry) {
		Map<String, IndicatorDef> indicators = new HashMap<>();
		Map<String, CriterionDef> criteria = new HashMap<>();
		for (CriterionDef criterion : set.criteria()) {
			criteria.put(criterion.number(), criterion);
			criterion.indicators().forEach(i -> indicators.put(i.code(), i));
		}
		List<Problem> problems = new ArrayList<>();
		if (entry.values() != null) {
			entry.values().forEach((code, value) -> {
				List<Place> at = List.of(new Place("where.indicator", code));
				IndicatorDef indicator = indicators.get(code);
				if (indicator == null) {
					problems.add(Problem.at(at, "assessment.indicator.unknown", code, set.code()));
				}
				else if (!(indicator.source() instanceof IndicatorSource.Entered)) {
					problems.add(Problem.at(at, "assessment.indicator.derived", code));
				}
				else if (value != null) {
					ValueRules.check(indicator, value.candidate())
						.ifPresent(refusal -> problems.add(Problem.at(
								List.of(new Place("where.indicator", code), new Place(refusal.field().key(), "")),
								refusal.key(), refusal.arguments(code))));
				}
			});
		}
		for (List<String> numbers : java.util.Arrays.asList(entry.met(), entry.notMet())) {
			for (String number : numbers == null ? List.<String>of() : numbers) {
				if (!criteria.containsKey(number)) {
					problems.add(Problem.at(List.of(new Place("where.criterion", number)),
							"assessment.criterion.unknown", number, set.code()));
				}
			}
		}
		if (entry.statedMetCount() != null && (entry.statedMetCount() < 0 || entry.statedMetCount() > 1000)) {
			problems.add(Problem.at(List.of(new Place("assessment.field.statedMetCount", "")),
					"assessment.statedCount.invalid", entry.statedMetCount()));
		}
		text(problems, "assessment.field.source", entry.source(), ValueRules.SOURCE_MAX, false);
		refuse("assessment.rejected", problems);
	}

	@Override
	@Transactional(readOnly = true)
	public EvaluationInput input(long assessmentId) {
		AssessmentStore.Row row = store.require(assessmentId);
		access.requireRead(row.unitId());
		return store.input(assessmentId);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, ValueInput> values(long assessmentId) {
		AssessmentStore.Row row = store.require(assessmentId);
		access.requireRead(row.unitId());
		return store.values(assessmentId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AssessmentView> previous(long assessmentId) {
		AssessmentStore.Row row = store.require(assessmentId);
		access.requireRead(row.unitId());
		String code = catalog.summary(row.setId()).code();
		List<AssessmentStore.Row> earlier = store.ofUnit(row.unitId())
			.stream()
			.filter(r -> r.year() < row.year())
			.toList();
		return earlier.stream()
			.filter(r -> r.year() == row.year() - 1 && catalog.summary(r.setId()).code().equals(code))
			.findFirst()
			.or(() -> earlier.stream().findFirst())
			.map(this::view);
	}

	@Override
	@Transactional(readOnly = true)
	public EvaluationView evaluate(long assessmentId) {
		AssessmentStore.Row row = store.require(assessmentId);
		access.requireRead(row.unitId());
		return evaluation(row.unitId(), row.setId(), row.year(), row.asOf(), row, store.input(assessmentId));
	}

	@Override
	@Transactional(readOnly = true)
	public EvaluationView evaluate(long unitId, long setId, int year) {
		access.requireRead(unitId);
		Optional<AssessmentStore.Row> row = store.find(unitId, setId, year);
		if (row.isPresent()) {
			return evaluation(unitId, setId, year, row.get().asOf(), row.get(), store.input(row.get().id()));
		}
		// nothing entered yet: the set must apply to the unit (as it had to when
		// opening),
		// as of its own last day in the year
		LocalDate asOf = units.lastDayIn(unitId, year);
		UnitRef unit = units.find(unitId, asOf).orElseGet(() -> units.details(unitId, asOf).version());
		requireApplies(catalog.summary(setId), unit, asOf);
		return evaluation(unitId, setId, year, asOf, null, EvaluationInput.EMPTY);
	}

	private EvaluationView evaluation(long unitId, long setId, int year, LocalDate asOf,
			AssessmentStore.@Nullable Row row, EvaluationInput input) {
		SetSummary summary = catalog.summary(setId);
		UnitRef unit = units.find(unitId, asOf).orElseGet(() -> units.details(unitId, asOf).version());
		SetDefinition set = catalog.definition(setId);
		UnitFacts unitFacts = facts.facts(unit, set, asOf, year);
		Evaluation evaluation = Evaluator.evaluate(set, unitFacts, input);
		List<String> held = new ArrayList<>(unitFacts.titles());
		return new EvaluationView(unit, summary, year, asOf, row == null ? null : view(row), held, evaluation);
	}

	@Override
	@Transactional(readOnly = true)
	public Evaluation evaluate(long unitId, long setId, LocalDate asOf, EvaluationInput input) {
		access.requireRead(unitId);
		UnitRef unit = units.find(unitId, asOf)
			.orElseThrow(() -> new BusinessRuleException("assessment.unit.notValid", VnFormat.date(asOf)));
		SetDefinition set = catalog.definition(setId);
		return Evaluator.evaluate(set, facts.facts(unit, set, asOf, asOf.getYear()), input);
	}

	@Override
	@Transactional(readOnly = true)
	public Evaluation evaluateEntry(long unitId, long setId, LocalDate asOf, AssessmentEntry entry) {
		access.requireRead(unitId);
		UnitRef unit = units.find(unitId, asOf)
			.orElseThrow(() -> new BusinessRuleException("assessment.unit.notValid", VnFormat.date(asOf)));
		requireApplies(catalog.summary(setId), unit, asOf);
		SetDefinition set = catalog.definition(setId);
		check(set, entry);
		return Evaluator.evaluate(set, facts.facts(unit, set, asOf, asOf.getYear()), input(entry));
	}

	/**
	 * An entry as the engine reads it (after
	 * {@link #check(SetDefinition, AssessmentEntry)}).
	 */
	private static EvaluationInput input(AssessmentEntry entry) {
		Map<String, Value> values = new HashMap<>();
		if (entry.values() != null) {
			entry.values().forEach((code, value) -> {
				if (value != null) {
					values.put(code, value(value));
				}
			});
		}
		Map<String, Set<Boolean>> claims = new HashMap<>();
		if (entry.met() != null) {
			entry.met().forEach(n -> claims.computeIfAbsent(n, k -> new HashSet<>()).add(true));
		}
		if (entry.notMet() != null) {
			entry.notMet().forEach(n -> claims.computeIfAbsent(n, k -> new HashSet<>()).add(false));
		}
		return new EvaluationInput(values, claims, entry.statedMetCount());
	}

	private static Value value(ValueInput value) {
		return ValueRules.value(value.candidate());
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitEvaluation> evaluateWithin(long rootId, long setId, int year) {
		access.requireRead(rootId);
		SetSummary summary = catalog.summary(setId);
		SetDefinition set = catalog.definition(setId);
		// every unit of the year, each as of its own last day in it
		List<UnitRef> ofYear = units.unitsOfYear(rootId, year);
		List<UnitRef> candidates = new ArrayList<>(ofYear);
		candidates.removeIf(u -> u.level() != summary.unitLevel()
				|| (!summary.unitTypes().isEmpty() && !summary.unitTypes().contains(u.type().name())));
		Long owner = summary.ownerUnitId();
		if (owner != null && owner != rootId) {
			// a provincial set: only the province's units of the year (none when the root
			// is elsewhere)
			Set<Long> inProvince = new HashSet<>();
			if (ofYear.stream().anyMatch(u -> u.id() == owner)) {
				units.unitsOfYear(owner, year).forEach(u -> inProvince.add(u.id()));
			}
			else if (units.ancestors(rootId, dayOf(ofYear.get(0), year)).stream().anyMatch(a -> a.id() == owner)) {
				ofYear.forEach(u -> inProvince.add(u.id()));
			}
			candidates.removeIf(u -> !inProvince.contains(u.id()));
		}
		if (candidates.isEmpty()) {
			return List.of();
		}
		List<Long> ids = candidates.stream().map(UnitRef::id).toList();
		Map<Long, Long> assessments = store.idsFor(setId, year, ids);
		Map<Long, EvaluationInput> inputs = store.inputs(assessments.values());
		List<UnitEvaluation> results = new ArrayList<>(candidates.size());
		if (!FactsAssembler.selectors(set).isEmpty()) {
			// conditions over lower units: each unit gathers its own (district or
			// province sets, few units)
			for (UnitRef unit : candidates) {
				Long assessment = assessments.get(unit.id());
				EvaluationInput input = assessment == null ? EvaluationInput.EMPTY : inputs.get(assessment);
				results.add(new UnitEvaluation(unit.id(), unit.fullName(), assessment,
						Evaluator.evaluate(set, facts.facts(unit, set, dayOf(unit, year), year), input)));
			}
			return results;
		}
		// classifications and titles as of each unit's own day: one read per day (31/12,
		// and the last day of the units that ended in the year)
		Set<String> schemes = FactsAssembler.schemes(set, List.of());
		Map<LocalDate, List<UnitRef>> byDay = new LinkedHashMap<>();
		candidates.forEach(u -> byDay.computeIfAbsent(dayOf(u, year), d -> new ArrayList<>()).add(u));
		Map<Long, Map<String, Set<String>>> classes = new HashMap<>();
		Map<Long, Set<String>> held = new HashMap<>();
		List<UnitRef> yearRoots = ofYear.stream().filter(u -> isYearRoot(u, ofYear)).toList();
		byDay.forEach((day, group) -> {
			Set<Long> wanted = new HashSet<>();
			group.forEach(u -> wanted.add(u.id()));
			for (UnitRef root : yearRoots) {
				// the roots of the year (the root, the units that became it) that existed
				// that day
				if (wanted.isEmpty()) {
					break;
				}
				if ((root.validFrom() != null && root.validFrom().isAfter(day)) || day.isAfter(dayOf(root, year))) {
					continue;
				}
				units.classificationsAt(root.id(), schemes, day, true).forEach((id, values) -> {
					if (wanted.remove(id)) {
						classes.put(id, values);
					}
				});
			}
			for (Long id : wanted) {
				// moved or left without a root that day: its own
				units.classificationsAt(id, schemes, day, false).forEach(classes::put);
			}
			held.putAll(titles.titlesHeld(group.stream().map(UnitRef::id).toList(), day));
		});
		// the engine is pure and each unit independent: all cores, results in the units'
		// order
		return candidates.parallelStream().map(unit -> {
			Long assessment = assessments.get(unit.id());
			EvaluationInput input = assessment == null ? EvaluationInput.EMPTY : inputs.get(assessment);
			UnitFacts unitFacts = new UnitFacts(unit.id(), unit.fullName(), classes.getOrDefault(unit.id(), Map.of()),
					held.getOrDefault(unit.id(), Set.of()), List.of());
			return new UnitEvaluation(unit.id(), unit.fullName(), assessment,
					Evaluator.evaluate(set, unitFacts, input));
		}).toList();
	}

	/** The unit's last day in the year, as its version of the year says. */
	private static LocalDate dayOf(UnitRef unit, int year) {
		LocalDate last = LocalDate.of(year, 12, 31);
		return unit.validTo() == null || unit.validTo().isAfter(last) ? last : unit.validTo();
	}

	/**
	 * A root of the year: the first unit, or one whose parent is not among the units of
	 * the year (a unit that ended in the year and became the root).
	 */
	private static boolean isYearRoot(UnitRef unit, List<UnitRef> ofYear) {
		return unit.parentId() == null || ofYear.stream().noneMatch(u -> u.id() == unit.parentId());
	}

	@Override
	public AssessmentView requireEditable(long assessmentId) {
		return view(editable(assessmentId));
	}

	/**
	 * The row, locked until the caller's transaction ends, so that a submission cannot
	 * slip in between this check and the change it guards.
	 */
	private AssessmentStore.Row editable(long assessmentId) {
		store.lock(assessmentId);
		AssessmentStore.Row row = store.require(assessmentId);
		access.requireActOn(row.unitId(), Permission.ASSESSMENT_ENTER);
		AssessmentStatus status = AssessmentStatus.valueOf(row.status());
		if (!status.editable()) {
			throw new BusinessRuleException("assessment.locked", view(row).title(), status.messageKey());
		}
		return row;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean canEnter(long unitId) {
		return access.currentIfAny().isPresent() && access.canActOn(unitId, Permission.ASSESSMENT_ENTER);
	}

	private AssessmentView view(AssessmentStore.Row row) {
		SetSummary set = catalog.summary(row.setId());
		String unitLabel = units.find(row.unitId(), row.asOf())
			.map(UnitRef::fullName)
			.orElseGet(() -> units.details(row.unitId(), row.asOf()).version().fullName());
		return new AssessmentView(row.id(), row.unitId(), unitLabel, set.id(), set.label(), set.name(), row.year(),
				row.asOf(), row.statedMetCount(), row.status(), row.source(), row.note(), row.valueCount(),
				row.claimCount(), row.rowVersion(), row.createdBy(), row.updatedBy(), row.updatedAt());
	}

	private String actor() {
		return access.current().username();
	}

}
