package vn.ntm.criteria.engine;

import java.util.List;

/**
 * The headline the documents write: "17 (16, 19)" — criteria met, then the failing ones
 * in brackets. {@code undecided} lists the criteria without a decision (no data, no
 * threshold), which documents do not show.
 */
public record Summary(int met, int total, List<String> metList, List<String> failingList, List<String> undecided) {

	public Summary {
		metList = List.copyOf(metList);
		failingList = List.copyOf(failingList);
		undecided = List.copyOf(undecided);
	}

	/** "17 (16, 19)", or "19" when nothing fails. */
	public String notation() {
		return failingList.isEmpty() ? String.valueOf(met) : met + " (" + String.join(", ", failingList) + ")";
	}

	/** "17/19". */
	public String ratio() {
		return met + "/" + total;
	}

}
