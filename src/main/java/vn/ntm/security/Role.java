package vn.ntm.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of the programme's users. Labels are in the message bundles under
 * {@code role.<NAME>}.
 */
public enum Role {

	/** Quản trị hệ thống: everything, everywhere. */
	ADMIN(0, EnumSet.allOf(Permission.class)),

	/**
	 * Văn phòng Điều phối NTM tỉnh: watches the whole province, keeps its units and
	 * users, appraises.
	 */
	PROVINCE_OFFICE(2,
			EnumSet.of(Permission.UNIT_READ, Permission.UNIT_EDIT, Permission.UNIT_CLASSIFY, Permission.UNIT_IMPORT,
					Permission.USER_MANAGE, Permission.CATALOG_EDIT, Permission.TITLE_RECORD,
					Permission.ASSESSMENT_ENTER, Permission.SURVEY_RECORD, Permission.ASSESSMENT_REVIEW,
					Permission.ASSESSMENT_APPROVE, Permission.ASSESSMENT_REOPEN, Permission.FUNDING_EDIT,
					Permission.PLAN_EDIT)),

	/**
	 * Cơ quan chuyên môn cấp huyện (until 30/6/2025): the district's communes and
	 * villages.
	 */
	DISTRICT_OFFICE(3,
			EnumSet.of(Permission.UNIT_READ, Permission.UNIT_EDIT, Permission.UNIT_IMPORT, Permission.ASSESSMENT_ENTER,
					Permission.SURVEY_RECORD, Permission.ASSESSMENT_REVIEW, Permission.FUNDING_EDIT,
					Permission.PLAN_EDIT)),

	/** Cán bộ cấp xã: the commune and its villages. */
	COMMUNE_OFFICER(4,
			EnumSet.of(Permission.UNIT_READ, Permission.UNIT_EDIT, Permission.UNIT_IMPORT, Permission.ASSESSMENT_ENTER,
					Permission.SURVEY_RECORD, Permission.FUNDING_EDIT, Permission.PLAN_EDIT)),

	/**
	 * Cán bộ sở, ngành phụ trách tiêu chí: reads the units in scope; checks the criteria
	 * they are bound to.
	 */
	CRITERION_OFFICER(Integer.MAX_VALUE, EnumSet.of(Permission.UNIT_READ, Permission.ASSESSMENT_CHECK)),

	/** Người xem: read-only. */
	VIEWER(Integer.MAX_VALUE, EnumSet.of(Permission.UNIT_READ));

	private final int lowestEditableLevel;

	private final Set<Permission> permissions;

	Role(int lowestEditableLevel, Set<Permission> permissions) {
		this.lowestEditableLevel = lowestEditableLevel;
		this.permissions = permissions;
	}

	public boolean has(Permission permission) {
		return permissions.contains(permission);
	}

	/**
	 * The highest administrative level (0 country, 1 province, 2 district, 3 commune, 4
	 * village) whose units this role may edit: a commune officer edits villages only.
	 */
	public int lowestEditableLevel() {
		return lowestEditableLevel;
	}

	/** Whether a user of this role may create or manage accounts of the given role. */
	public boolean mayManage(Role other) {
		return switch (this) {
			case ADMIN -> true;
			case PROVINCE_OFFICE -> other != ADMIN;
			default -> false;
		};
	}

	public String messageKey() {
		return "role." + name();
	}

}
