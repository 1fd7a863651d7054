package vn.ntm.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A reporting duty with its occurrences up to a day and what was submitted for each.
 */
public record DutyView(long id, long unitId, String unitName, @Nullable Long recipientUnitId, String recipient,
		String title, Deadline schedule, LocalDate startsOn, @Nullable LocalDate endsOn, List<Occurrence> occurrences,
		int version) {

	/** Where an occurrence stands on a day. */
	public enum State {

		/** Submitted by its due day. */
		ON_TIME,
		/** Submitted after its due day. */
		LATE,
		/** Not submitted, its due day passed. */
		MISSING,
		/** Not due yet. */
		UPCOMING

	}

	/** One due day of the duty and its report (with its attached files), if any. */
	public record Occurrence(LocalDate due, @Nullable LocalDate submittedOn, @Nullable String content,
			@Nullable String figures, @Nullable String submittedBy, State state, long daysLate,
			List<AttachmentView> attachments) {
	}

	/**
	 * The rule of lateness: the occurrences from the duty's start to {@code until} (and
	 * its end), each ON_TIME, LATE (by how many days), MISSING or UPCOMING as of
	 * {@code today}.
	 */
	public static List<Occurrence> occurrences(Deadline schedule, LocalDate startsOn, @Nullable LocalDate endsOn,
			LocalDate until, LocalDate today, Map<LocalDate, Submitted> submitted) {
		LocalDate last = endsOn != null && endsOn.isBefore(until) ? endsOn : until;
		List<Occurrence> result = new ArrayList<>();
		for (LocalDate due : schedule.occurrences(startsOn, last)) {
			Submitted s = submitted.get(due);
			if (s != null) {
				long late = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, s.on()));
				result.add(new Occurrence(due, s.on(), s.content(), s.figures(), s.by(),
						late > 0 ? State.LATE : State.ON_TIME, late, s.attachments()));
			}
			else if (today.isAfter(due)) {
				result.add(new Occurrence(due, null, null, null, null, State.MISSING,
						java.time.temporal.ChronoUnit.DAYS.between(due, today), List.of()));
			}
			else {
				result.add(new Occurrence(due, null, null, null, null, State.UPCOMING, 0, List.of()));
			}
		}
		return result;
	}

	/** A submitted report, as stored, with its attached files. */
	public record Submitted(LocalDate on, @Nullable String content, @Nullable String figures, String by,
			List<AttachmentView> attachments) {

		public Submitted(LocalDate on, @Nullable String content, @Nullable String figures, String by) {
			this(on, content, figures, by, List.of());
		}

	}

	public long missing() {
		return occurrences.stream().filter(o -> o.state() == State.MISSING).count();
	}

	public long late() {
		return occurrences.stream().filter(o -> o.state() == State.LATE).count();
	}

}
