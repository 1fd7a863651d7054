package vn.ntm.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A goal evaluated at a date: its value, the target it is judged against, the projection
 * by the due date (units planned by roadmaps), the base of a share, the status with its
 * reasons, the flags on the goal itself (count and share disagreeing…), and the units
 * missing or planned, by name.
 *
 * @param asOf the date the units were read at: the date asked, or the parent's last day
 * when it ended before
 * @param base the units a share counts among, {@code null} for kinds without one
 * @param missing units that keep the goal from being met (not holding the title, below N
 * criteria, districts without one), by name
 * @param planned units a roadmap plans to reach the title by the due date, by name
 */
public record GoalProgress(Goal goal, LocalDate at, LocalDate asOf, BigDecimal value, BigDecimal target,
		@Nullable BigDecimal projected, @Nullable Integer base, GoalStatus status, List<GoalReason> reasons,
		List<GoalReason> flags, List<String> missing, List<String> planned, long daysLeft) {

	public GoalProgress {
		reasons = List.copyOf(reasons);
		flags = List.copyOf(flags);
		missing = List.copyOf(missing);
		planned = List.copyOf(planned);
	}

	/** The share of the way to the target, 0–100, for a progress bar. */
	public int percentDone() {
		if (goal.measure().direction() == GoalDirection.AT_MOST) {
			if (value.signum() == 0) {
				return 100;
			}
			return base == null || base == 0 ? 0
					: BigDecimal.valueOf(100)
						.subtract(value.multiply(BigDecimal.valueOf(100))
							.divide(BigDecimal.valueOf(base), 0, RoundingMode.HALF_UP))
						.max(BigDecimal.ZERO)
						.intValue();
		}
		if (target.signum() == 0) {
			return 100;
		}
		return value.multiply(BigDecimal.valueOf(100))
			.divide(target, 0, RoundingMode.DOWN)
			.min(BigDecimal.valueOf(100))
			.intValue();
	}

	/** The value as a share of the base (%), for goals with a base. */
	public @Nullable BigDecimal valueShare() {
		if (base == null || base == 0) {
			return null;
		}
		return value.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP);
	}

	/** The chart's figures: the value, the projection (empty when none), the target. */
	public String chartValues() {
		return value.toPlainString() + ";" + (projected == null ? "" : projected.toPlainString()) + ";"
				+ target.toPlainString();
	}

	/** The status's colour on the page (Bootstrap's names). */
	public String colour() {
		return switch (status) {
			case ACHIEVED -> "success";
			case ON_TRACK -> "primary";
			case AT_RISK -> "warning";
			case OFF_TRACK -> "danger";
		};
	}

}
