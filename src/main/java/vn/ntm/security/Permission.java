package vn.ntm.security;

/**
 * What a role allows, independent of the units it is bound to.
 */
public enum Permission {

	/** Read units, their history and classifications within the user's scope. */
	UNIT_READ,

	/**
	 * Create units, correct them and record their changes (rename, merge, split…) within
	 * the scope, for units at or below the role's {@link Role#lowestEditableLevel()}.
	 */
	UNIT_EDIT,

	/**
	 * Set classifications (region, commune group, mountainous…) of units within the
	 * scope.
	 */
	UNIT_CLASSIFY,

	/** Import unit lists from .xlsx/.csv within the scope. */
	UNIT_IMPORT,

	/** Manage user accounts bound to units within the scope. */
	USER_MANAGE,

	/**
	 * Keep criteria sets: national sets by administrators, a province's own sets by its
	 * programme office.
	 */
	CATALOG_EDIT,
	/**
	 * Record the titles units are recognised with, and their revocation, within the
	 * scope.
	 */
	TITLE_RECORD,
	/** Enter assessment values and results for units within the scope. */
	ASSESSMENT_ENTER,
	/**
	 * Record the satisfaction surveys (lấy ý kiến sự hài lòng) of units within the scope:
	 * counts, questions and the result file.
	 */
	SURVEY_RECORD,
	/**
	 * Check the criteria an officer is bound to in submitted assessments of units within
	 * the scope: agree, or return with a reason.
	 */
	ASSESSMENT_CHECK,
	/** Review (thẩm tra) submitted assessments of units below the user's own. */
	ASSESSMENT_REVIEW,
	/**
	 * Appraise and approve (thẩm định) reviewed assessments of units below the user's
	 * own.
	 */
	ASSESSMENT_APPROVE,
	/** Reopen an approved assessment, with a reason. */
	ASSESSMENT_REOPEN,
	/**
	 * Record capital plans, works, allocations, disbursements and reallocation requests
	 * of units within the scope; a province office also sets its province's funding
	 * rules.
	 */
	FUNDING_EDIT,
	/**
	 * Keep the plans of units within the scope (plans, sections, tasks, assignments) and
	 * report progress on their tasks.
	 */
	PLAN_EDIT,
	/** Search the whole audit trail. */
	AUDIT_SEARCH,

	/** Manage classification schemes and other system-wide settings. */
	SYSTEM_SETTINGS

}
