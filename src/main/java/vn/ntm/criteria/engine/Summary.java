package vn.ntm.criteria.engine;

import java.util.List;

/**
 * The headline the documents write: "17 (16, 19)" — criteria met, then the failing ones
 * in brackets. {@code undecided} lists the criteria without a decision (no data, no
 * threshold), which documents do not show.
 * <p>
 * A set made only of conditions (a city's "hoàn thành nhiệm vụ", a model commune) counts
 * its conditions instead ({@code counted} = {@link CriterionKind#CONDITION}): "2/5 điều
 * kiện đạt; chưa đạt: 2, 3", never "0/0".
 *
 * @param counted what the headline counts: criteria, or conditions when the set has no
 * criteria
 * @param indicatorsMet indicators met among the judged indicators of what is counted
 * ("40/57 chỉ tiêu")
 * @param indicatorsTotal the judged indicators of what is counted
 * @param appraised the numbers whose appraised result differs from the unit's own (the
 * appraised one counts here)
 */
public record Summary(int met, int total, List<String> metList, List<String> failingList, List<String> undecided,
		CriterionKind counted, int indicatorsMet, int indicatorsTotal, List<String> appraised) {

	public Summary {
		metList = List.copyOf(metList);
		failingList = List.copyOf(failingList);
		undecided = List.copyOf(undecided);
		appraised = List.copyOf(appraised);
	}

	public Summary(int met, int total, List<String> metList, List<String> failingList, List<String> undecided) {
		this(met, total, metList, failingList, undecided, CriterionKind.CRITERION, 0, 0, List.of());
	}

	/** "17 (16, 19)", or "19" when nothing fails. */
	public String notation() {
		return failingList.isEmpty() ? String.valueOf(met) : met + " (" + String.join(", ", failingList) + ")";
	}

	/** "17/19". */
	public String ratio() {
		return met + "/" + total;
	}

	/** "40/44": indicators met of the judged ones. */
	public String indicatorRatio() {
		return indicatorsMet + "/" + indicatorsTotal;
	}

	/** Whether the headline counts conditions (the set has no criteria). */
	public boolean ofConditions() {
		return counted == CriterionKind.CONDITION;
	}

}
