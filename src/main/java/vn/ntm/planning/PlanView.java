package vn.ntm.planning;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A plan with what it says about itself, its sections, the files of its original document
 * (the signed .pdf/.docx it was issued as) and whether the reader may change it.
 */
public record PlanView(PlanSummary summary, @Nullable String legalBases, @Nullable String implementsPlans,
		@Nullable String source, @Nullable String criteriaSet, List<Section> sections, List<AttachmentView> documents,
		boolean editable) {

	public long id() {
		return summary.id();
	}

	/** A section of the plan ("III.1 Công tác tham mưu…"). */
	public record Section(long id, int position, @Nullable String number, String title, int version) {

		public String label() {
			return number == null ? title : number + ". " + title;
		}

	}

}
