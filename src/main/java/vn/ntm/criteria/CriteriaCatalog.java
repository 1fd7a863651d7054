package vn.ntm.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.orgunit.UnitType;

/**
 * The criteria catalog: sets and their versions, read by everyone, kept by their owners
 * (national sets by administrators, a province's sets by its programme office). Published
 * versions never change: changing one makes a new draft version; nothing is deleted, sets
 * are retired. Every change is audited.
 */
public interface CriteriaCatalog {

	/** Every set version, newest period first. */
	List<SetSummary> sets();

	SetSummary summary(long setId);

	/** The whole version as a document (for pages, export and the API). */
	SetDocument document(long setId);

	/** The version as the engine needs it. */
	SetDefinition definition(long setId);

	/** The published version of {@code code} in force at a date. */
	Optional<SetSummary> inForce(String code, LocalDate at);

	/** Published sets that apply to a unit of this type at a date. */
	List<SetSummary> applicableTo(UnitType type, LocalDate at);

	/**
	 * Stores a document as a new draft: version 1 of a new code, or the next version of
	 * an existing one. Refused with every problem found (nothing saved) when it is not
	 * valid.
	 */
	SetSummary importDraft(SetDocument document);

	/**
	 * Reads a set document from a file, by its name: {@code .yaml}/{@code .yml},
	 * {@code .json} or {@code .xlsx}, at most {@link SetFile#MAX_BYTES}. Refused with
	 * every problem found, each with its place (line, or sheet, row and column).
	 */
	SetDocument readFile(String fileName, byte[] content);

	/**
	 * Imports a file as a new draft ({@link #importDraft}); the problems of an .xlsx file
	 * are placed on its sheets and rows.
	 */
	SetSummary importFile(String fileName, byte[] content);

	/** The version as a file: {@code xlsx}, {@code yaml} or {@code json}. */
	SetFile exportFile(long setId, String format);

	/**
	 * Replaces a draft's content; refused if someone saved it since
	 * {@code expectedVersion}.
	 */
	SetSummary saveDraft(long setId, SetDocument document, int expectedVersion);

	/**
	 * A new draft version with the content of this one (the way to change a published
	 * set).
	 */
	SetSummary newVersion(long setId);

	/**
	 * A province's own set made from this one: a new code, owned by the province (its
	 * code as of {@code at}), refining this version.
	 */
	SetSummary copyForProvince(long setId, String newCode, String provinceCode, LocalDate at);

	/**
	 * Puts a draft in force. A published version of the same code that starts earlier
	 * ends the day before this one starts; one that starts on or after is superseded.
	 */
	SetSummary publish(long setId, int expectedVersion);

	/** Takes a version out of use, with the reason; it stays readable. */
	SetSummary retire(long setId, String reason, int expectedVersion);

	/**
	 * The thresholds of a version whose direction contradicts what their indicator
	 * measures (a rate of something bad with a minimum…), each with its confirmation if
	 * an administrator confirmed it for the requirements as they read now.
	 */
	List<DirectionFlag> directionFlags(long setId);

	/**
	 * Confirms a flagged threshold as intended, with the reason (audited); needs the
	 * right to edit the set. A later change of the indicator's requirements flags it
	 * again.
	 */
	DirectionFlag confirmDirection(long setId, String indicatorCode, String note);

	/** Two versions (or two sets) side by side. */
	SetComparison compare(long leftId, long rightId);

	/**
	 * Whether the current user may change this set (drafts, versions, publication):
	 * administrators every set, a province's programme office the sets of a province
	 * placed within its units (not those of a province it was formed from).
	 */
	boolean canEdit(long setId);

	/**
	 * Whether an assessment against the set may be submitted while some of its criteria
	 * have neither a figure nor a result (default no). Anyone who reads the set reads it.
	 */
	boolean allowsIncompleteSubmission(long setId);

	/**
	 * Changes {@link #allowsIncompleteSubmission}: by whoever keeps the set
	 * ({@link #canEdit}), at any status of the set (it is a setting of its use, not part
	 * of the document), audited with before and after.
	 */
	void allowIncompleteSubmission(long setId, boolean allowed);

	/** The set, when the current user may change it ({@link #canEdit}); else refused. */
	SetSummary requireEditable(long setId);

	/** Whether the current user may create national sets and import catalogs. */
	boolean canImport();

	List<TitleView> titles();

	TitleView addTitle(TitleView title);

	void retireTitle(String code, String reason);

}
