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
import vn.ntm.recognition.RevocationRisk;
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

	RevocationRiskService(AccessPolicy access, UnitDirectory directory, AssessmentManagement assessments,
			CriteriaCatalog catalog, HeldTitles held) {
		this.access = access;
		this.directory = directory;
		this.assessments = assessments;
		this.catalog = catalog;
		this.held = held;
	}

	@Override
	public RiskList below(long parentId, LocalDate at) {
		if (!directory.exists(parentId)) {
			throw new NotFoundException("recognition.unit.notFound", parentId);
		}
		access.requireRead(parentId);
		List<HeldTitles.Holder> holders = held.below(parentId, at);
		Set<Long> readable = access.canReadAll(holders.stream().map(HeldTitles.Holder::unitId).toList());
		Map<String, String> titleNames = new HashMap<>();
		for (TitleView title : catalog.titles()) {
			titleNames.put(title.code(), title.name());
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
				String titleName = titleNames.getOrDefault(title, title);
				if (latest.isEmpty()) {
					withoutResult.add(holder.unitName() + " (" + titleName + ")");
					continue;
				}
				EvaluationView evaluation = as(open, () -> assessments.evaluate(latest.get().id()));
				RevocationRisk risk = risk(holder, title, titleName, latest.get(), evaluation, open);
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

	private static RevocationRisk risk(HeldTitles.Holder holder, String title, String titleName, AssessmentView a,
			EvaluationView evaluation, boolean readable) {
		RevocationVerdict verdict = evaluation.evaluation().revocation();
		List<RevocationRisk.FailingCriterion> failing = evaluation.evaluation()
			.criteria()
			.stream()
			.filter(c -> c.status().failing())
			.map((CriterionResult c) -> new RevocationRisk.FailingCriterion(c.number(), c.name(), c.critical()))
			.toList();
		@Nullable Reason rule = verdict.reasons()
			.stream()
			.filter(r -> r.key().equals("engine.revocation.byShare") || r.key().equals("engine.revocation.byCritical"))
			.findFirst()
			.orElse(null);
		return new RevocationRisk(holder.unitId(), holder.unitName(), title, titleName, a.id(), a.setId(), a.setLabel(),
				a.year(), a.asOf(), verdict.outcome(), verdict.failing(), verdict.total(), verdict.failingShare(),
				failing, rule, verdict.reasons(), readable);
	}

	/** A read of a unit the reader may open as the reader, else as the system. */
	private static <T> T as(boolean readable, Supplier<T> work) {
		return readable ? work.get() : SystemTask.call(work);
	}

}
