package vn.ntm.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.assessment.AssessmentApproved;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentReopened;
import vn.ntm.assessment.AssessmentReturned;
import vn.ntm.assessment.AssessmentReviewed;
import vn.ntm.assessment.AssessmentSubmitted;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.Completeness;
import vn.ntm.assessment.AssessmentWorkflow;
import vn.ntm.assessment.WaitingAssessment;
import vn.ntm.assessment.WorkflowState;
import vn.ntm.assessment.WorkflowState.Appraised;
import vn.ntm.assessment.WorkflowState.CriterionCheck;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.engine.Appraisal;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.ValueRules;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.Permission;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Problem;
import vn.ntm.shared.Problem.Place;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

import static vn.ntm.assessment.AssessmentStatus.APPROVED;
import static vn.ntm.assessment.AssessmentStatus.DRAFT;
import static vn.ntm.assessment.AssessmentStatus.RETURNED;
import static vn.ntm.assessment.AssessmentStatus.REVIEWED;
import static vn.ntm.assessment.AssessmentStatus.SUBMITTED;

/**
 * The yearly path of assessments. Who may do what is decided here, from the user's role,
 * units and bound criteria, never by the pages.
 */
@Service
@Transactional
class WorkflowService implements AssessmentWorkflow {

	private static final int REASON_MAX = 2000;

	private final WorkflowStore store;

	private final AssessmentStore assessments;

	private final AssessmentManagement management;

	private final CriteriaCatalog catalog;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	private final UnitDirectory directory;

	private final ApplicationEventPublisher events;

	WorkflowService(WorkflowStore store, AssessmentStore assessments, AssessmentManagement management,
			CriteriaCatalog catalog, AccessPolicy access, AuditLog audit, Clock clock, UnitDirectory directory,
			ApplicationEventPublisher events) {
		this.events = events;
		this.directory = directory;
		this.store = store;
		this.assessments = assessments;
		this.management = management;
		this.catalog = catalog;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public WorkflowState submit(long assessmentId, int expectedVersion) {
		AssessmentView view = management.requireEditable(assessmentId);
		CurrentUser user = access.current();
		if (!mayLeadUnit(user, view.unitId())) {
			throw AccessRefused.because("workflow.submit.ownUnit");
		}
		if (!store.hasEntries(assessmentId)) {
			throw new BusinessRuleException("workflow.submit.empty", view.title());
		}
		Completeness completeness = completeness(view);
		if (!completeness.submittable()) {
			throw new BusinessRuleException("workflow.submit.incomplete", completeness.missing().size(),
					completeness.total(), String.join(", ", completeness.missing()));
		}
		WorkflowStore.Status before = store.status(assessmentId);
		List<CriterionCheck> checksBefore = store.checks(assessmentId);
		store.clearForNewRound(assessmentId, assessments.lastContentChange(assessmentId));
		return move(view, before, expectedVersion, SUBMITTED, "SUBMIT", null, null, checksBefore);
	}

	@Override
	public WorkflowState check(long assessmentId, String criterion, CheckVerdict verdict,
			@Nullable Boolean appraisedMet, @Nullable String reason, int expectedVersion) {
		AssessmentView view = management.get(assessmentId);
		CurrentUser user = access.current();
		if (!mayCheck(user, view.unitId(), criterion)) {
			throw AccessRefused.because("workflow.check.notYours", criterion);
		}
		CriterionDef def = criteria(view.setId()).get(criterion);
		if (def == null) {
			throw new BusinessRuleException("assessment.criterion.unknown", criterion, view.setLabel());
		}
		WorkflowStore.Status before = store.status(assessmentId);
		if (before.status() != SUBMITTED && before.status() != RETURNED) {
			throw new BusinessRuleException("workflow.check.status", view.title(), before.status().messageKey());
		}
		String text = verdict == CheckVerdict.RETURNED ? requireReason(reason) : optionalReason(reason);
		Instant now = clock.instant();
		// every check is a new version: two people never overwrite each other's check,
		// and
		// whoever read the assessment before it is told
		AssessmentStatus to = verdict == CheckVerdict.RETURNED ? RETURNED : before.status();
		boolean done = to != before.status() ? store.move(assessmentId, expectedVersion, to, user.username(), now)
				: store.bump(assessmentId, expectedVersion, user.username(), now);
		if (!done) {
			throw assessments.changedSince(assessmentId, expectedVersion, view.title());
		}
		int version = expectedVersion + 1;
		List<CriterionCheck> checksBefore = store.checks(assessmentId);
		store.putCheck(assessmentId, criterion, verdict, appraisedMet, text, user.username(), now, version);
		String action = verdict == CheckVerdict.RETURNED ? "RETURN_CRITERION" : "AGREE_CRITERION";
		store.step(assessmentId, action, before.status(), to, criterion, text, user.username(), user.fullName(),
				version, now);
		audit.record(AuditRecord.updated("assessment", assessmentId, view.auditLabel(),
				(verdict == CheckVerdict.RETURNED ? "Trả lại tiêu chí " : "Đồng ý tiêu chí ") + criterion + " — "
						+ view.auditLabel(),
				Map.of("status", before.status().name(), "checks", checksBefore),
				Map.of("status", to.name(), "checks", store.checks(assessmentId))));
		if (to != before.status()) {
			events.publishEvent(new AssessmentReturned(assessmentId, view.unitId(), view.setId(), view.setLabel(),
					view.year(), List.of(criterion), text == null ? "" : text, user.username(), now));
		}
		return state(assessmentId);
	}

	@Override
	public WorkflowState appraise(long assessmentId, String criterion, @Nullable String indicator,
			@Nullable Boolean met, @Nullable String reason, int expectedVersion) {
		AssessmentView view = management.get(assessmentId);
		CurrentUser user = access.current();
		CriterionDef def = criteria(view.setId()).get(criterion);
		if (def == null) {
			throw new BusinessRuleException("assessment.criterion.unknown", criterion, view.setLabel());
		}
		String code = VnText.blankToNull(indicator);
		if (code != null && def.indicators().stream().noneMatch(i -> i.code().equals(code) && !i.input())) {
			throw new BusinessRuleException("workflow.appraise.indicator", code, criterion);
		}
		WorkflowStore.Status before = store.status(assessmentId);
		Appraisal.Stage stage = stage(user, view, before.status(), criterion, code != null);
		String text = met == null ? optionalReason(reason) : requireReason(reason);
		Instant now = clock.instant();
		if (!store.bump(assessmentId, expectedVersion, user.username(), now)) {
			throw assessments.changedSince(assessmentId, expectedVersion, view.title());
		}
		int version = expectedVersion + 1;
		List<Appraised> appraisalsBefore = store.appraisals(assessmentId);
		String target = code == null ? "CRITERION" : "INDICATOR";
		String what = code == null ? criterion : code;
		if (met == null) {
			store.removeAppraisal(assessmentId, target, what, stage);
		}
		else {
			store.putAppraisal(assessmentId, target, what, criterion, stage, met, text, user.username(), now, version);
		}
		String verdict = met == null ? "rút kết luận" : met ? "Đạt" : "Không đạt";
		String step = (code == null ? "Tiêu chí " : "Chỉ tiêu ") + what + ": " + verdict
				+ (text == null ? "" : " — " + text);
		store.step(assessmentId, "APPRAISE_" + stage.name(), before.status(), before.status(), criterion, step,
				user.username(), user.fullName(), version, now);
		audit.record(AuditRecord.updated("assessment", assessmentId, view.auditLabel(),
				"Kết luận " + (code == null ? "tiêu chí " : "chỉ tiêu ") + what + " (" + stageLabel(stage) + "): "
						+ verdict + " — " + view.auditLabel(),
				Map.of("appraisals", appraisalsBefore), Map.of("appraisals", store.appraisals(assessmentId))));
		return state(assessmentId);
	}

	/**
	 * The step at which the user appraises now: the province before approving, the level
	 * above while reviewing, the criterion's officer (its indicators) while checking.
	 */
	private Appraisal.Stage stage(CurrentUser user, AssessmentView view, AssessmentStatus status, String criterion,
			boolean indicator) {
		if (status == REVIEWED && mayActAbove(user, view.unitId(), Permission.ASSESSMENT_APPROVE)) {
			return Appraisal.Stage.APPROVE;
		}
		if (status == SUBMITTED && mayActAbove(user, view.unitId(), Permission.ASSESSMENT_REVIEW)) {
			return Appraisal.Stage.REVIEW;
		}
		if ((status == SUBMITTED || status == RETURNED) && mayCheck(user, view.unitId(), criterion)) {
			if (!indicator) {
				throw new BusinessRuleException("workflow.appraise.useCheck", criterion);
			}
			return Appraisal.Stage.CHECK;
		}
		if (status != SUBMITTED && status != RETURNED && status != REVIEWED) {
			throw new BusinessRuleException("workflow.appraise.status", view.title(), status.messageKey());
		}
		throw AccessRefused.because("workflow.appraise.notYours", criterion);
	}

	private static String stageLabel(Appraisal.Stage stage) {
		return switch (stage) {
			case CHECK -> "kiểm tra";
			case REVIEW -> "thẩm tra";
			case APPROVE -> "thẩm định";
		};
	}

	@Override
	public WorkflowState recordFromDocument(long assessmentId, LocalDate decidedOn, String document) {
		AssessmentView view = management.get(assessmentId);
		CurrentUser user = access.current();
		if (!user.isAdmin()) {
			throw AccessRefused.missingPermission(Permission.ASSESSMENT_APPROVE);
		}
		WorkflowStore.Status before = store.status(assessmentId);
		requireStatus(view, before, DRAFT);
		String text = requireReason(document);
		if (!ValueRules.saneDate(decidedOn)) {
			throw new BusinessRuleException("assessment.date.range", VnFormat.date(ValueRules.EARLIEST),
					VnFormat.date(ValueRules.LATEST));
		}
		Instant decided = decidedOn.atStartOfDay(clock.getZone()).toInstant();
		if (!store.decide(assessmentId, before.rowVersion(), decided, user.username(), clock.instant())) {
			throw assessments.changedSince(assessmentId, before.rowVersion(), view.title());
		}
		store.step(assessmentId, "FROM_DOCUMENT", DRAFT, APPROVED, null, text, user.username(), user.fullName(),
				before.rowVersion() + 1, decided);
		audit.record(AuditRecord.updated("assessment", assessmentId, view.auditLabel(),
				"Ghi nhận kết quả đã được quyết định theo văn bản (" + VnFormat.date(decidedOn) + ") — "
						+ view.auditLabel(),
				Map.of("status", DRAFT.name()),
				Map.of("status", APPROVED.name(), "decidedOn", decidedOn.toString(), "document", text)));
		events.publishEvent(new AssessmentApproved(assessmentId, view.unitId(), view.setId(), view.setLabel(),
				view.year(), decidedOn, true, user.username(), clock.instant()));
		return state(assessmentId);
	}

	@Override
	public WorkflowState review(long assessmentId, @Nullable String note, int expectedVersion) {
		AssessmentView view = management.get(assessmentId);
		requireAbove(view.unitId(), Permission.ASSESSMENT_REVIEW);
		WorkflowStore.Status before = store.status(assessmentId);
		requireStatus(view, before, SUBMITTED);
		long returned = store.checks(assessmentId).stream().filter(CriterionCheck::returned).count();
		if (returned > 0) {
			throw new BusinessRuleException("workflow.review.returned", view.title(), returned);
		}
		return move(view, before, expectedVersion, REVIEWED, "REVIEW", null, optionalReason(note));
	}

	@Override
	public WorkflowState approve(long assessmentId, @Nullable String note, int expectedVersion) {
		AssessmentView view = management.get(assessmentId);
		requireAbove(view.unitId(), Permission.ASSESSMENT_APPROVE);
		WorkflowStore.Status before = store.status(assessmentId);
		requireStatus(view, before, REVIEWED);
		return move(view, before, expectedVersion, APPROVED, "APPROVE", null, optionalReason(note));
	}

	@Override
	public WorkflowState sendBack(long assessmentId, String reason, int expectedVersion) {
		AssessmentView view = management.get(assessmentId);
		CurrentUser user = access.current();
		if (!(mayActAbove(user, view.unitId(), Permission.ASSESSMENT_REVIEW)
				|| mayActAbove(user, view.unitId(), Permission.ASSESSMENT_APPROVE))) {
			throw AccessRefused.missingPermission(Permission.ASSESSMENT_REVIEW);
		}
		WorkflowStore.Status before = store.status(assessmentId);
		if (before.status() != SUBMITTED && before.status() != REVIEWED) {
			throw new BusinessRuleException("workflow.status", view.title(), before.status().messageKey());
		}
		return move(view, before, expectedVersion, RETURNED, "SEND_BACK", null, requireReason(reason));
	}

	@Override
	public WorkflowState reopen(long assessmentId, String reason, int expectedVersion) {
		AssessmentView view = management.get(assessmentId);
		requireAbove(view.unitId(), Permission.ASSESSMENT_REOPEN);
		WorkflowStore.Status before = store.status(assessmentId);
		requireStatus(view, before, APPROVED);
		String text = requireReason(reason);
		List<CriterionCheck> checksBefore = store.checks(assessmentId);
		store.clearAll(assessmentId);
		return move(view, before, expectedVersion, DRAFT, "REOPEN", null, text, checksBefore);
	}

	private WorkflowState move(AssessmentView view, WorkflowStore.Status before, int expectedVersion,
			AssessmentStatus to, String action, @Nullable String criterion, @Nullable String reason) {
		return move(view, before, expectedVersion, to, action, criterion, reason, null);
	}

	/**
	 * {@code checksBefore}, when given, are the checks as they were before the step
	 * cleared some: the audit keeps them.
	 */
	private WorkflowState move(AssessmentView view, WorkflowStore.Status before, int expectedVersion,
			AssessmentStatus to, String action, @Nullable String criterion, @Nullable String reason,
			@Nullable List<CriterionCheck> checksBefore) {
		CurrentUser user = access.current();
		Instant now = clock.instant();
		if (!store.move(view.id(), expectedVersion, to, user.username(), now)) {
			throw assessments.changedSince(view.id(), expectedVersion, view.title());
		}
		store.step(view.id(), action, before.status(), to, criterion, reason, user.username(), user.fullName(),
				expectedVersion + 1, now);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", to.name());
		if (reason != null) {
			after.put("reason", reason);
		}
		audit.record(AuditRecord.updated("assessment", view.id(), view.auditLabel(),
				summary(action) + " — " + view.auditLabel(), was(before, checksBefore),
				withChecks(after, view.id(), checksBefore)));
		publish(view, to, reason, user.username(), now);
		return state(view.id());
	}

	/**
	 * What happened, for other modules: published in the transition's transaction, so the
	 * registry keeps it with the change and delivers it after the commit.
	 */
	private void publish(AssessmentView view, AssessmentStatus to, @Nullable String reason, String by, Instant at) {
		Object event = switch (to) {
			case SUBMITTED ->
				new AssessmentSubmitted(view.id(), view.unitId(), view.setId(), view.setLabel(), view.year(), by, at);
			case RETURNED -> new AssessmentReturned(view.id(), view.unitId(), view.setId(), view.setLabel(),
					view.year(), List.of(), reason == null ? "" : reason, by, at);
			case REVIEWED ->
				new AssessmentReviewed(view.id(), view.unitId(), view.setId(), view.setLabel(), view.year(), by, at);
			case APPROVED -> new AssessmentApproved(view.id(), view.unitId(), view.setId(), view.setLabel(),
					view.year(), LocalDate.ofInstant(at, clock.getZone()), false, by, at);
			case DRAFT -> new AssessmentReopened(view.id(), view.unitId(), view.setId(), view.setLabel(), view.year(),
					reason == null ? "" : reason, by, at);
		};
		events.publishEvent(event);
	}

	@Override
	@Transactional(readOnly = true)
	public Completeness completeness(long assessmentId) {
		return completeness(management.get(assessmentId));
	}

	private Completeness completeness(AssessmentView view) {
		Map<String, CriterionDef> criteria = criteria(view.setId());
		Map<String, String> indicators = new java.util.HashMap<>();
		criteria.values().forEach(c -> c.indicators().forEach(i -> indicators.put(i.code(), c.number())));
		Set<String> with = store.criteriaWithData(view.id(), indicators);
		List<String> missing = criteria.keySet().stream().filter(n -> !with.contains(n)).toList();
		return new Completeness(criteria.size(), missing, catalog.allowsIncompleteSubmission(view.setId()));
	}

	@Override
	@Transactional(readOnly = true)
	public WorkflowState state(long assessmentId) {
		AssessmentView view = management.get(assessmentId);
		WorkflowStore.Status status = store.status(assessmentId);
		Map<String, CriterionDef> criteria = criteria(view.setId());
		List<String> order = new ArrayList<>(criteria.keySet());
		List<CriterionCheck> checks = new ArrayList<>(store.checks(assessmentId));
		checks.sort(Comparator
			.comparingInt(c -> order.indexOf(c.criterion()) < 0 ? Integer.MAX_VALUE : order.indexOf(c.criterion())));
		CurrentUser user = access.currentIfAny().orElse(null);
		Set<Action> actions = EnumSet.noneOf(Action.class);
		Set<String> checkable = new LinkedHashSet<>();
		Set<String> appraisable = new LinkedHashSet<>();
		if (user != null) {
			AssessmentStatus s = status.status();
			if (s.editable() && management.canEnter(view.unitId())) {
				actions.add(Action.EDIT);
				if (mayLeadUnit(user, view.unitId())) {
					actions.add(Action.SUBMIT);
				}
			}
			if (s == SUBMITTED || s == RETURNED) {
				for (String number : order) {
					if (mayCheck(user, view.unitId(), number)) {
						checkable.add(number);
					}
				}
				if (!checkable.isEmpty()) {
					actions.add(Action.CHECK);
				}
			}
			if (s == SUBMITTED && mayActAbove(user, view.unitId(), Permission.ASSESSMENT_REVIEW)) {
				actions.add(Action.REVIEW);
			}
			boolean above = (s == SUBMITTED && mayActAbove(user, view.unitId(), Permission.ASSESSMENT_REVIEW))
					|| (s == REVIEWED && mayActAbove(user, view.unitId(), Permission.ASSESSMENT_APPROVE));
			appraisable.addAll(above ? order : checkable);
			if (!appraisable.isEmpty()) {
				actions.add(Action.APPRAISE);
			}
			if (s == REVIEWED && mayActAbove(user, view.unitId(), Permission.ASSESSMENT_APPROVE)) {
				actions.add(Action.APPROVE);
			}
			if ((s == SUBMITTED || s == REVIEWED) && (mayActAbove(user, view.unitId(), Permission.ASSESSMENT_REVIEW)
					|| mayActAbove(user, view.unitId(), Permission.ASSESSMENT_APPROVE))) {
				actions.add(Action.SEND_BACK);
			}
			if (s == APPROVED && mayActAbove(user, view.unitId(), Permission.ASSESSMENT_REOPEN)) {
				actions.add(Action.REOPEN);
			}
		}
		return new WorkflowState(view, status.status(), status.at(), status.by(), List.copyOf(checks),
				store.steps(assessmentId), actions, checkable, store.appraisals(assessmentId), appraisable);
	}

	@Override
	@Transactional(readOnly = true)
	public List<WaitingAssessment> waitingForMe() {
		CurrentUser user = access.current();
		List<WaitingAssessment> waiting = new ArrayList<>();
		// only the user's units are read (in SQL); the rules below decide within them
		@Nullable Set<Long> units = user.isAdmin() ? null : directory.everBelow(user.unitIds());
		for (WorkflowStore.Candidate c : store.inStatus(EnumSet.of(SUBMITTED, RETURNED, REVIEWED), units)) {
			if (!access.canRead(c.unitId())) {
				continue;
			}
			if (c.status() == RETURNED && access.isOwnUnit(c.unitId()) && user.has(Permission.ASSESSMENT_ENTER)) {
				waiting.add(new WaitingAssessment(management.get(c.id()), c.status(), Action.EDIT, null, c.since()));
			}
			else if (c.status() == SUBMITTED && mayActAbove(user, c.unitId(), Permission.ASSESSMENT_REVIEW)
					&& !c.anyReturned()) {
				waiting.add(new WaitingAssessment(management.get(c.id()), c.status(), Action.REVIEW, null, c.since()));
			}
			else if (c.status() == REVIEWED && mayActAbove(user, c.unitId(), Permission.ASSESSMENT_APPROVE)) {
				waiting.add(new WaitingAssessment(management.get(c.id()), c.status(), Action.APPROVE, null, c.since()));
			}
			if (c.status() == SUBMITTED && user.has(Permission.ASSESSMENT_CHECK)) {
				AssessmentView view = management.get(c.id());
				List<String> open = criteria(view.setId()).keySet()
					.stream()
					.filter(n -> !c.checked().contains(n) && mayCheck(user, c.unitId(), n))
					.toList();
				if (!open.isEmpty()) {
					waiting
						.add(new WaitingAssessment(view, c.status(), Action.CHECK, String.join(", ", open), c.since()));
				}
			}
		}
		return waiting;
	}

	/**
	 * A criterion officer bound to the criterion, the unit in scope; or an administrator.
	 */
	private boolean mayCheck(CurrentUser user, long unitId, String criterion) {
		if (user.isAdmin()) {
			return true;
		}
		// placed within the officer's units, not only readable through its history
		return user.criteria().contains(criterion) && access.canActOn(unitId, Permission.ASSESSMENT_CHECK);
	}

	/**
	 * The unit's own officers submit its results (entering them from above is allowed,
	 * submitting is not: the level above would then submit, review and approve alone).
	 */
	private boolean mayLeadUnit(CurrentUser user, long unitId) {
		return user.isAdmin() || (access.isOwnUnit(unitId) && access.canActOn(unitId, Permission.ASSESSMENT_ENTER));
	}

	private static Map<String, Object> was(WorkflowStore.Status before, @Nullable List<CriterionCheck> checks) {
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("status", before.status().name());
		if (checks != null) {
			was.put("checks", checks);
		}
		return was;
	}

	private Map<String, Object> withChecks(Map<String, Object> after, long id, @Nullable List<CriterionCheck> checks) {
		if (checks != null) {
			after.put("checks", store.checks(id));
		}
		return after;
	}

	/**
	 * The permission, the unit within the user's units — and not one of the user's own
	 * units: a unit does not review or approve itself.
	 */
	private boolean mayActAbove(CurrentUser user, long unitId, Permission permission) {
		return access.canActOn(unitId, permission) && (user.isAdmin() || !access.isOwnUnit(unitId));
	}

	private void requireAbove(long unitId, Permission permission) {
		if (!mayActAbove(access.current(), unitId, permission)) {
			access.requireActOn(unitId, permission);
			throw AccessRefused.because("workflow.ownUnit");
		}
	}

	private static void requireStatus(AssessmentView view, WorkflowStore.Status actual, AssessmentStatus expected) {
		if (actual.status() != expected) {
			throw new BusinessRuleException("workflow.status", view.title(), actual.status().messageKey());
		}
	}

	private static String requireReason(@Nullable String reason) {
		String text = VnText.blankToNull(reason);
		if (text == null) {
			throw new RejectedInput("workflow.rejected",
					List.of(Problem.at(List.of(new Place("workflow.field.reason", "")), "workflow.reason.required")));
		}
		return limit(text);
	}

	private static @Nullable String optionalReason(@Nullable String reason) {
		String text = VnText.blankToNull(reason);
		return text == null ? null : limit(text);
	}

	private static String limit(String text) {
		if (ValueRules.hasControl(text, true)) {
			throw new vn.ntm.shared.MalformedInput("workflow.rejected",
					List.of(Problem.at(List.of(new Place("workflow.field.reason", "")), "assessment.text.control",
							"workflow.field.reason")));
		}
		if (text.length() > REASON_MAX) {
			throw new RejectedInput("workflow.rejected",
					List.of(Problem.at(List.of(new Place("workflow.field.reason", "")), "workflow.reason.tooLong")));
		}
		return text;
	}

	private Map<String, CriterionDef> criteria(long setId) {
		Map<String, CriterionDef> map = new LinkedHashMap<>();
		catalog.definition(setId).criteria().stream().filter(c -> !c.retired()).forEach(c -> map.put(c.number(), c));
		return map;
	}

	private static String summary(String action) {
		return switch (action) {
			case "SUBMIT" -> "Nộp kết quả đánh giá";
			case "REVIEW" -> "Thẩm tra";
			case "APPROVE" -> "Thẩm định, phê duyệt";
			case "SEND_BACK" -> "Trả lại để hoàn thiện";
			case "REOPEN" -> "Mở lại kết quả đã phê duyệt";
			default -> action;
		};
	}

}
