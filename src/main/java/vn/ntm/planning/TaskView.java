package vn.ntm.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A task with its deadline read, its status and progress.
 */
public record TaskView(long id, long planId, String planTitle, long planUnitId, @Nullable Long sectionId,
		@Nullable String number, String title, @Nullable String description, boolean milestone,
		@Nullable String criterion, @Nullable String indicator, List<Long> unitIds, @Nullable String leadAgency,
		@Nullable String leadPerson, @Nullable String leadPosition, @Nullable Long leadUserId, @Nullable String helpers,
		@Nullable Deadline deadline, @Nullable BigDecimal quantity, @Nullable String quantityUnit,
		@Nullable BigDecimal quantityDone, @Nullable BigDecimal money, @Nullable String moneySource, TaskStatus status,
		int progress, @Nullable String note, int version, Instant changedAt, String changedBy) {

	/** Late on {@code today}: still open and its due day has passed. */
	public boolean overdueOn(LocalDate today) {
		return status.isOpen() && deadline != null && deadline.isOverdueOn(today);
	}

	/** The day it is due next, seen from {@code today} (the due day when late). */
	public Optional<LocalDate> dueOn(LocalDate today) {
		if (deadline == null) {
			return Optional.empty();
		}
		if (deadline.due() != null && !deadline.isRecurring()) {
			return Optional.of(deadline.due());
		}
		return deadline.nextDue(today);
	}

	/** Whether the task's time touches the month: its start–due span or a recurrence. */
	public boolean fallsIn(YearMonth month) {
		if (deadline == null) {
			return false;
		}
		if (deadline.isRecurring()) {
			return !deadline.occurrences(month.atDay(1), month.atEndOfMonth()).isEmpty();
		}
		LocalDate due = deadline.due();
		if (due == null) {
			return false;
		}
		LocalDate start = deadline.start() != null ? deadline.start() : due;
		return !due.isBefore(month.atDay(1)) && !start.isAfter(month.atEndOfMonth());
	}

	/** The criterion the task serves, also when only its indicator is written. */
	public @Nullable String criterionNumber() {
		if (criterion != null) {
			return criterion;
		}
		if (indicator != null) {
			int dot = indicator.indexOf('.');
			return dot > 0 ? indicator.substring(0, dot) : indicator;
		}
		return null;
	}

	/** "Đặng Thị Hiền (Công chức Địa chính…)", or the agency. */
	public String leadLabel() {
		StringBuilder label = new StringBuilder();
		if (leadPerson != null) {
			label.append(leadPerson);
			if (leadPosition != null) {
				label.append(" (").append(leadPosition).append(')');
			}
		}
		if (leadAgency != null) {
			if (!label.isEmpty()) {
				label.append(" — ");
			}
			label.append(leadAgency);
		}
		return label.toString();
	}

}
