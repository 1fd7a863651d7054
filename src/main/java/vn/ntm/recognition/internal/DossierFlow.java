package vn.ntm.recognition.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The transitions of a dossier: which action is allowed in which state at which kind of
 * step, the state it leads to and where the dossier then waits, or the reason (a message
 * key) it is not allowed. One table, so the page, the API and the service agree.
 */
final class DossierFlow {

	enum Action {

		SUBMIT, APPROVE, RETURN, WITHDRAW

	}

	/**
	 * One row: the action, the kinds of step it is done at, the states it starts from,
	 * the state it leads to.
	 */
	private record Transition(Action action, List<String> stepKinds, List<String> from, String to) {
	}

	private static final List<Transition> TABLE = List.of(
			new Transition(Action.SUBMIT, List.of("SUBMIT"), List.of("DRAFT", "RETURNED"), "SUBMITTED"),
			new Transition(Action.APPROVE, List.of("REVIEW"), List.of("SUBMITTED", "IN_REVIEW"), "IN_REVIEW"),
			new Transition(Action.APPROVE, List.of("DECIDE"), List.of("SUBMITTED", "IN_REVIEW"), "APPROVED"),
			new Transition(Action.APPROVE, List.of("ANNOUNCE"), List.of("APPROVED"), "APPROVED"),
			new Transition(Action.RETURN, List.of("REVIEW", "DECIDE"), List.of("SUBMITTED", "IN_REVIEW"), "RETURNED"),
			new Transition(Action.WITHDRAW, List.of("SUBMIT"), List.of("DRAFT", "RETURNED"), "WITHDRAWN"));

	/** Where a transition leads: the new state and the pending step (null: none). */
	record Outcome(String state, @Nullable Integer position) {
	}

	private DossierFlow() {
	}

	static Optional<Action> parse(@Nullable String action) {
		if (action == null) {
			return Optional.empty();
		}
		for (Action a : Action.values()) {
			if (a.name().equalsIgnoreCase(action.strip())) {
				return Optional.of(a);
			}
		}
		return Optional.empty();
	}

	/**
	 * Why the action is not allowed (a message key), or empty when it is.
	 * @param stepKind the kind of the pending step, null when no step is pending
	 */
	static Optional<String> refusal(String state, @Nullable String stepKind, Action action) {
		if (stepKind == null) {
			return Optional.of("WITHDRAWN".equals(state) ? "recognition.dossier.flow.withdrawn"
					: "recognition.dossier.flow.finished");
		}
		for (Transition t : TABLE) {
			if (t.action() == action && t.stepKinds().contains(stepKind) && t.from().contains(state)) {
				return Optional.empty();
			}
		}
		return Optional.of("recognition.dossier.flow." + action.name());
	}

	/**
	 * The state and pending step after the action (allowed, see {@link #refusal}) at the
	 * step {@code position} of a route of {@code steps} steps.
	 */
	static Outcome after(String state, String stepKind, Action action, int position, int steps) {
		Transition t = TABLE.stream()
			.filter(r -> r.action() == action && r.stepKinds().contains(stepKind) && r.from().contains(state))
			.findFirst()
			.orElseThrow();
		return switch (action) {
			case RETURN -> new Outcome(t.to(), 1);
			case WITHDRAW -> new Outcome(t.to(), null);
			default -> new Outcome(t.to(), position >= steps ? null : position + 1);
		};
	}

}
