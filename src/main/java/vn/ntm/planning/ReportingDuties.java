package vn.ntm.planning;

import java.util.List;

import vn.ntm.documents.Upload;

/**
 * Recurring reports units owe each other, and the reports submitted. Read by those who
 * read the unit that owes or the unit owed; a report is submitted by those who act on the
 * unit that owes it ({@code PLAN_EDIT}); a duty is set by those who act on either.
 */
public interface ReportingDuties {

	/** The duties the unit (or a unit below it) owes, and those owed to it. */
	List<DutyView> duties(long unitId);

	/** Every duty the user may read. */
	List<DutyView> duties();

	DutyView duty(long dutyId);

	long create(DutyForm duty);

	/**
	 * Changes the duty (its units, recipient, title, schedule, period); refused when it
	 * changed since {@code expectedVersion} was read. Reports already submitted stay.
	 */
	DutyView update(long dutyId, DutyForm duty, int expectedVersion);

	/**
	 * Whether the user may change the duty (acts on the unit that owes it or is owed).
	 */
	boolean canChange(long dutyId);

	/** Records the report for one occurrence; a second report for it is refused. */
	DutyView submit(long dutyId, SubmissionForm report);

	/**
	 * Records the report for one occurrence with files attached: streamed to the
	 * documents store first, outside any transaction, then saved with the report, each
	 * audited. A refused file refuses the report, naming the field and the file.
	 */
	DutyView submit(long dutyId, SubmissionForm report, List<Upload> files);

	/**
	 * A file attached to a submitted report, for those who read the duty (the unit that
	 * owes it or the unit owed).
	 */
	AttachmentContent attachment(long attachmentId);

}
