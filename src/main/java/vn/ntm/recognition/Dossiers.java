package vn.ntm.recognition;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import vn.ntm.documents.StoredDocument;
import vn.ntm.documents.Upload;

/**
 * Recognition dossiers (hồ sơ xét công nhận): a unit's dossier for a title and an
 * assessment year, its checklist of documents (uploaded with versions), its steps
 * (configured per period: commune → district → province council → decision → announcement
 * before 1/7/2025, no district after) each with its office and its deadline where a plan
 * sets one, and the recognition conditions checked before the decision. Readers of a unit
 * read its dossiers; each step is done by its office; every change is audited; a stale
 * {@code expectedVersion} is refused.
 */
public interface Dossiers {

	/** Opens a dossier; one live dossier per unit, title and year. */
	DossierView open(NewDossier dossier);

	DossierView find(long id);

	/**
	 * The latest live dossier (not withdrawn) of each unit for the title and year, for
	 * the units the current user may read; units without one are left out.
	 */
	Map<Long, DossierSummary> latestFor(Collection<Long> unitIds, String titleCode, int year);

	/**
	 * The dossiers of the parent and the units below it (ever below it, so that the
	 * communes of an ended district stay listed), newest first; a year narrows them.
	 */
	List<DossierSummaryLine> below(long parentId, @Nullable Integer year);

	/** Does the action at the pending step; refused with the reason when not allowed. */
	DossierView act(long id, DossierAction action);

	/**
	 * Records whether the unit has a complex security and order situation, with the
	 * source of that assessment (the police's letter).
	 */
	DossierView recordSecurity(long id, boolean complex, String source, int expectedVersion);

	/** Uploads a new version of a checklist item's document. */
	DossierView upload(long id, String itemCode, Upload upload);

	/** A stored version of a checklist item, for its readers. */
	DocumentFile document(long id, long documentId);

	/** The steps due between the two days for the current user's units (the calendar). */
	List<DossierSummaryLine> dueBetween(LocalDate from, LocalDate to);

	/** The dossiers waiting for an action of the current user, overdue first. */
	List<DossierSummaryLine> waitingForMe();

	/** A dossier in a list, with its names for display. */
	record DossierSummaryLine(DossierSummary summary, String unitName, String titleName, @Nullable String officeName,
			@Nullable Long daysLeft) {
	}

	/** A document's content with what it is. */
	record DocumentFile(StoredDocument document, Resource content) {
	}

}
