package vn.ntm.targets;

import java.util.List;

/**
 * One reason of a goal's status or one flag on a goal, as a message key of the
 * {@code targets} bundle with its arguments already written the Vietnamese way
 * ("1.307,608", "31/12/2025"), so a page, an export and the API say the same.
 */
public record GoalReason(String key, List<String> args) {

	public GoalReason {
		args = List.copyOf(args);
	}

	public static GoalReason of(String key, Object... args) {
		return new GoalReason(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
	}

}
