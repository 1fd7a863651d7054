package vn.ntm.recognition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A recognition dossier as its page shows it: the steps of its route with their office,
 * deadline and state, the checklist with every uploaded version, the conditions checked
 * before the decision, what happened, and the actions the current user may take.
 *
 * @param stepPosition the pending step (null when every step is done or it was withdrawn)
 * @param actions what the current user may do now: SUBMIT, APPROVE, RETURN, WITHDRAW,
 * UPLOAD, SECURITY
 */
public record DossierView(long id, long unitId, String unitName, String titleCode, String titleName, int year,
		String routeCode, String routeName, String state, @Nullable Integer stepPosition, List<StepView> steps,
		List<ChecklistEntry> checklist, List<Condition> conditions, List<EventView> events,
		@Nullable Boolean securityComplex, @Nullable String securitySource, @Nullable String decisionNumber,
		@Nullable LocalDate decidedOn, @Nullable String issuer, @Nullable Long awardId, @Nullable LocalDate announcedOn,
		@Nullable LocalDate submittedOn, LocalDate openedOn, String openedBy, int version, String changedBy,
		Instant changedAt, Set<String> actions) {

	/** The pending step, if any. */
	public @Nullable StepView pendingStep() {
		return steps.stream().filter(s -> "PENDING".equals(s.status())).findFirst().orElse(null);
	}

	public DossierSummary summary() {
		StepView pending = pendingStep();
		return new DossierSummary(id, unitId, titleCode, year, state, pending == null ? null : pending.name(),
				pending == null ? null : pending.due(), submittedOn);
	}

	public boolean can(String action) {
		return actions.contains(action);
	}

	/** Whether every condition checked passes or cannot be decided ("chưa có ngưỡng"). */
	public boolean conditionsHold() {
		return conditions.stream().noneMatch(c -> c.outcome() == Condition.Outcome.FAIL);
	}

	/**
	 * A step of the route.
	 *
	 * @param office UNIT, DISTRICT or PROVINCE (relative to the dossier's unit)
	 * @param officeName the office that handles it (the province's after a district
	 * ended, the successor's after a merger)
	 * @param carriedOver whether the office is not the one the route names (the district
	 * ended on 30/6/2025, or the unit merged)
	 * @param status DONE, PENDING or LATER
	 * @param daysLeft for the pending step with a deadline: days left (negative: overdue)
	 */
	public record StepView(int position, String code, String name, String office, String kind,
			@Nullable Long officeUnitId, @Nullable String officeName, boolean carriedOver, @Nullable LocalDate due,
			@Nullable String dueSource, String status, @Nullable LocalDate doneOn, @Nullable Long daysLeft) {

		public boolean overdue() {
			return daysLeft != null && daysLeft < 0;
		}

	}

	/** A document the dossier requires, with its versions, newest first. */
	public record ChecklistEntry(String code, String name, String basis, String note, String stepCode,
			List<DocumentVersion> versions) {

		public boolean uploaded() {
			return !versions.isEmpty();
		}

	}

	public record DocumentVersion(long id, int version, String fileName, String contentType, long size,
			String uploadedBy, Instant uploadedAt) {

		public String sizeText() {
			return vn.ntm.documents.StoredDocument.bytes(size);
		}

	}

	/**
	 * A recognition condition with its outcome and the reason in words (a message key and
	 * its arguments).
	 */
	public record Condition(String code, Outcome outcome, String messageKey, List<Object> arguments) {

		public enum Outcome {

			PASS, FAIL, UNKNOWN

		}

	}

	public record EventView(int position, String stepCode, String stepName, String action, @Nullable String reason,
			LocalDate doneOn, @Nullable String officeName, String actor, Instant at) {
	}

}
