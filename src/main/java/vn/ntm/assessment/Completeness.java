package vn.ntm.assessment;

import java.util.List;

/**
 * How complete an assessment is: its criteria (retired ones left out) and those with
 * neither a figure for any of their indicators nor a result of the criterion ("17/19 tiêu
 * chí chưa có số liệu"), and whether its set lets it be submitted so.
 *
 * @param missing the numbers of the criteria without data, in the set's order
 * @param incompleteAllowed the set's setting: an incomplete assessment may be submitted
 */
public record Completeness(int total, List<String> missing, boolean incompleteAllowed) {

	public boolean complete() {
		return missing.isEmpty();
	}

	/** Whether the unit may submit it as it is. */
	public boolean submittable() {
		return complete() || incompleteAllowed;
	}

}
