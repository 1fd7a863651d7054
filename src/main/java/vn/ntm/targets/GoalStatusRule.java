package vn.ntm.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.VnFormat;

/**
 * The status of a goal at a date, from its value at that date, its target and due date,
 * and — where a roadmap allows it — its projection: the value the goal would reach by the
 * due date if every unit the roadmaps plan for it by then reached its title. The rule, in
 * this order:
 * <ol>
 * <li><b>Achieved</b> — the value at the date meets the target.</li>
 * <li><b>Off track</b> — the due date has passed and the target is not met; or the
 * deadline is near ({@value #NEAR_DAYS} days or fewer) and even every unit planned by
 * then would not reach the target (no time is left to plan more).</li>
 * <li><b>At risk</b> — the projection falls short while there is still time: reaching the
 * target needs units no roadmap plans yet; or the deadline is near and the target is not
 * met yet (even if the plan would reach it, or there is no plan to judge by).</li>
 * <li><b>On track</b> — otherwise: the units planned by the due date reach the target and
 * more than {@value #NEAR_DAYS} days are left; or, for a goal no roadmap projects
 * (registries, criteria), more than {@value #NEAR_DAYS} days are left — the reason says
 * that nothing projects it.</li>
 * </ol>
 * Every status comes with its reasons in words: the value now, the target, the due date
 * and the days left (or overdue), and the projection when there is one.
 */
public final class GoalStatusRule {

	/** A deadline this near (in days) is near. */
	public static final int NEAR_DAYS = 90;

	private GoalStatusRule() {
	}

	/**
	 * The judgement of a goal at {@code at}.
	 * @param projected the value by the due date with every planned unit, {@code null}
	 * when nothing projects the goal
	 */
	public static Judgement judge(LocalDate at, LocalDate due, GoalDirection direction, BigDecimal target,
			BigDecimal value, @Nullable BigDecimal projected) {
		List<GoalReason> reasons = new ArrayList<>();
		long daysLeft = ChronoUnit.DAYS.between(at, due);
		reasons.add(GoalReason.of(
				direction == GoalDirection.AT_LEAST ? "targets.reason.valueAtLeast" : "targets.reason.valueAtMost",
				VnFormat.number(value), VnFormat.number(target), VnFormat.date(due)));
		if (direction.meets(value, target)) {
			reasons.add(GoalReason.of("targets.reason.met", VnFormat.date(at)));
			return new Judgement(GoalStatus.ACHIEVED, reasons, daysLeft);
		}
		BigDecimal gap = direction.gap(value, target);
		if (daysLeft < 0) {
			reasons.add(GoalReason.of("targets.reason.overdue", VnFormat.number(-daysLeft), VnFormat.number(gap)));
			return new Judgement(GoalStatus.OFF_TRACK, reasons, daysLeft);
		}
		reasons.add(GoalReason.of("targets.reason.daysLeft", VnFormat.number(daysLeft), VnFormat.number(gap)));
		boolean near = daysLeft <= NEAR_DAYS;
		if (projected != null && !direction.meets(projected, target)) {
			reasons.add(GoalReason.of("targets.reason.projectionShort", VnFormat.number(projected),
					VnFormat.number(direction.gap(projected, target))));
			return new Judgement(near ? GoalStatus.OFF_TRACK : GoalStatus.AT_RISK, reasons, daysLeft);
		}
		if (projected != null) {
			reasons.add(GoalReason.of("targets.reason.projectionMeets", VnFormat.number(projected)));
		}
		else {
			reasons.add(GoalReason.of("targets.reason.noProjection"));
		}
		if (near) {
			reasons.add(GoalReason.of("targets.reason.near", String.valueOf(NEAR_DAYS)));
			return new Judgement(GoalStatus.AT_RISK, reasons, daysLeft);
		}
		return new Judgement(GoalStatus.ON_TRACK, reasons, daysLeft);
	}

	/** A status, its reasons in order, and the days left (negative when overdue). */
	public record Judgement(GoalStatus status, List<GoalReason> reasons, long daysLeft) {

		public Judgement {
			reasons = List.copyOf(reasons);
		}

	}

}
