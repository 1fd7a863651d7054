package vn.ntm.orgunit;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A unit's life: its versions in order and the lineage events it took part in, with what
 * it came from and what it became.
 */
public record UnitHistory(long unitId, List<VersionEntry> versions, List<EventEntry> events,
		List<ClassificationView> classifications, List<DataIssue> issues) {

	/** One version with its parent's name as of the version's start. */
	public record VersionEntry(UnitRef version, @Nullable UnitRef parent) {
	}

	/**
	 * A lineage event seen from this unit.
	 *
	 * @param role the unit's role: ENDED, STARTED, CONTINUED or MOVED
	 * @param predecessors units the event ended (what this unit came from)
	 * @param successors units the event started or continued (what this unit became)
	 * @param moved lower units that moved along (villages carried to the commune that
	 * replaced theirs)
	 * @param effectiveAfter when the date is known only between two publications of the
	 * list: the last day the old state was known to hold (shown "giữa … và
	 * {@code effectiveDate}"); null when {@code effectiveDate} is exact
	 */
	public record EventEntry(long eventId, String kind, LocalDate effectiveDate, @Nullable String legalBasis,
			@Nullable String note, String source, String role, List<UnitRef> predecessors, List<UnitRef> successors,
			List<UnitRef> moved, @Nullable LocalDate effectiveAfter) {

		public EventEntry(long eventId, String kind, LocalDate effectiveDate, @Nullable String legalBasis,
				@Nullable String note, String source, String role, List<UnitRef> predecessors, List<UnitRef> successors,
				List<UnitRef> moved) {
			this(eventId, kind, effectiveDate, legalBasis, note, source, role, predecessors, successors, moved, null);
		}

		/** The date is known only as a range between two publications. */
		public boolean dateIsRange() {
			return effectiveAfter != null;
		}

	}

	/** A problem in the data about this unit, shown rather than silently fixed. */
	public record DataIssue(long id, String kind, String message, String source, java.time.Instant createdAt,
			java.time.@Nullable Instant resolvedAt) {
	}

	/**
	 * The event that ended the unit on {@code lastDay} when the source dates it only
	 * between two releases of the list (shown "giữa … và …", never as an exact day).
	 */
	public java.util.Optional<EventEntry> endedBetween(@Nullable LocalDate lastDay) {
		if (lastDay == null) {
			return java.util.Optional.empty();
		}
		return events.stream()
			.filter(e -> "ENDED".equals(e.role()) && e.dateIsRange() && e.effectiveDate().minusDays(1).equals(lastDay))
			.findFirst();
	}

}
