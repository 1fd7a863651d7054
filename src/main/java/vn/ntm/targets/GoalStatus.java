package vn.ntm.targets;

/**
 * Where a goal stands at a date ({@link GoalStatusRule}): achieved, on track, at risk,
 * off track. The page colours them and names them in its legend.
 */
public enum GoalStatus {

	ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK;

	public String messageKey() {
		return "targets.goal.status." + name();
	}

}
