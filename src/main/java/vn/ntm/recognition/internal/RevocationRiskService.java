package vn.ntm.recognition.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.EvaluationView;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.TitleView;
import vn.ntm.criteria.engine.CriterionResult;
import vn.ntm.criteria.engine.Reason;
import vn.ntm.criteria.engine.RevocationVerdict;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.recognition.RevocationRisk;
import vn.ntm.recognition.RevokedCommunes;
import vn.ntm.recognition.Titles;
import vn.ntm.recognition.RevocationRisks;
import vn.ntm.recognition.RiskList;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.NotFoundException;

/**
 * The revocation-risk list: for each unit below the parent holding a title at the date,
 * its latest assessment (year and date not after the date) against a set of that title,
 * evaluated by the assessment facade; the engine's revocation verdict decides, nothing is
 * judged here. A unit below that the reader may not open (one that moved elsewhere) is
 * still judged, and shown as text.
 */
@Service
class RevocationRiskService implements RevocationRisks {

	private final AccessPolicy access;

	private final UnitDirectory directory;

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final HeldTitles held;

	private final Titles titles;

	private final UnitManagement units;

	RevocationRiskService(AccessPolicy access, UnitDirectory directory, AssessmentManagement assessments,
			CriteriaCatalog catalog, HeldTitles held, Titles titles, UnitManagement units) {
		this.access = access;
		this.directory = directory;
		this.assessments = assessments;
		this.catalog = catalog;
		this.held = held;
		this.titles = titles;
		this.units = units;
	}

	@Override
	public RiskList below(long parentId, LocalDate at) {
		if (!directory.exists(parentId)) {
			throw new NotFoundException("recognition.unit.notFound", parentId);
		}
		access.requireRead(parentId);
		List<HeldTitles.Holder> holders = held.below(parentId, at);
		Set<Long> readable = access.canReadAll(holders.stream().map(HeldTitles.Holder::unitId).toList());
		Map<String, TitleView> catalogue = new HashMap<>();
		for (TitleView title : catalog.titles()) {
			catalogue.put(title.code(), title);
		}
		Map<Long, SetSummary> sets = new HashMap<>();
		List<RevocationRisk> crossing = new ArrayList<>();
		List<RevocationRisk> undecided = new ArrayList<>();
		List<String> withoutResult = new ArrayList<>();
		for (HeldTitles.Holder holder : holders) {
			boolean open = readable.contains(holder.unitId());
			List<AssessmentView> all = as(open, () -> assessments.ofUnit(holder.unitId()));
			for (String title : holder.titleCodes().stream().sorted().toList()) {
				Optional<AssessmentView> latest = all.stream()
					.filter(a -> a.year() <= at.getYear() && !a.asOf().isAfter(at))
					.filter(a -> title.equals(sets.computeIfAbsent(a.setId(), catalog::summary).titleCode()))
					.max(Comparator.comparing(AssessmentView::asOf).thenComparing(AssessmentView::year));
				@Nullable TitleView view = catalogue.get(title);
				String titleName = view == null ? title : view.name();
				// a district's title: also the share of its communes revoked
				@Nullable RevokedCommunes communes = view != null && view.unitLevel() == 2
						? as(open, () -> revokedCommunes(holder.unitId(), at, catalogue)) : null;
				if (latest.isEmpty() && (communes == null || !communes.crosses())) {
					withoutResult.add(holder.unitName() + " (" + titleName + ")");
					continue;
				}
				@Nullable EvaluationView evaluation = latest.isEmpty() ? null
						: as(open, () -> assessments.evaluate(latest.get().id()));
				RevocationRisk risk = risk(holder, title, titleName, latest.orElse(null), evaluation, communes, open);
				if (risk.outcome() == RevocationVerdict.Outcome.REVOKE) {
					crossing.add(risk);
				}
				else if (risk.outcome() == RevocationVerdict.Outcome.INCOMPLETE) {
					undecided.add(risk);
				}
			}
		}
		Comparator<RevocationRisk> worstFirst = Comparator
			.comparingDouble((RevocationRisk r) -> r.total() == 0 ? 0 : -(double) r.failing() / r.total())
			.thenComparing(RevocationRisk::unitName);
		crossing.sort(worstFirst);
		undecided.sort(worstFirst);
		return new RiskList(parentId, directory.label(parentId), at, crossing, undecided, holders.size(),
				withoutResult);
	}

	/**
	 * The communes (type xã) below the district at the date, and those with a commune
	 * title revoked on or before it.
	 */
	private RevokedCommunes revokedCommunes(long districtId, LocalDate at, Map<String, TitleView> catalogue) {
		List<UnitRef> communes = units.children(districtId, at).stream().filter(u -> u.type() == UnitType.XA).toList();
		List<String> revoked = new ArrayList<>();
		for (UnitRef commune : communes) {
			boolean any = titles.historyOf(commune.id())
				.stream()
				.anyMatch(a -> a.revokedOn() != null && !a.revokedOn().isAfter(at)
						&& catalogue.containsKey(a.titleCode()) && catalogue.get(a.titleCode()).unitLevel() == 3);
			if (any) {
				revoked.add(commune.fullName());
			}
		}
		return new RevokedCommunes(revoked.size(), communes.size(), revoked);
	}

	private static RevocationRisk risk(HeldTitles.Holder holder, String title, String titleName,
			@Nullable AssessmentView a, @Nullable EvaluationView evaluation, @Nullable RevokedCommunes communes,
			boolean readable) {
		List<Reason> reasons = new ArrayList<>();
		List<RevocationRisk.FailingCriterion> failing = List.of();
		RevocationVerdict.Outcome outcome = RevocationVerdict.Outcome.NO_RULE;
		int failingCount = 0;
		int total = 0;
		String share = "0";
		@Nullable Reason rule = null;
		if (evaluation != null) {
			RevocationVerdict verdict = evaluation.evaluation().revocation();
			failing = evaluation.evaluation()
				.criteria()
				.stream()
				.filter(c -> c.status().failing())
				.map((CriterionResult c) -> new RevocationRisk.FailingCriterion(c.number(), c.name(), c.critical()))
				.toList();
			rule = verdict.reasons()
				.stream()
				.filter(r -> r.key().equals("engine.revocation.byShare")
						|| r.key().equals("engine.revocation.byCritical"))
				.findFirst()
				.orElse(null);
			reasons.addAll(verdict.reasons());
			outcome = verdict.outcome();
			failingCount = verdict.failing();
			total = verdict.total();
			share = verdict.failingShare();
		}
		if (communes != null) {
			Reason byCommunes = Reason.of(
					communes.crosses() ? "recognition.risk.byCommunes" : "recognition.risk.communes",
					communes.describe(), RevokedCommunes.SHARE, String.join(", ", communes.names()));
			reasons.add(byCommunes);
			if (communes.crosses()) {
				outcome = RevocationVerdict.Outcome.REVOKE;
				if (rule == null) {
					rule = byCommunes;
				}
			}
		}
		return new RevocationRisk(holder.unitId(), holder.unitName(), title, titleName, a == null ? null : a.id(),
				a == null ? null : a.setId(), a == null ? null : a.setLabel(), a == null ? null : a.year(),
				a == null ? null : a.asOf(), outcome, failingCount, total, share, failing, rule, reasons, communes,
				readable);
	}

	/** A read of a unit the reader may open as the reader, else as the system. */
	private static <T> T as(boolean readable, Supplier<T> work) {
		return readable ? work.get() : SystemTask.call(work);
	}

}
