package vn.ntm.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTests {

	@Test
	void shouldLetACommuneOfficerEditVillagesOnly() {
		assertThat(Role.COMMUNE_OFFICER.has(Permission.UNIT_EDIT)).isTrue();
		assertThat(Role.COMMUNE_OFFICER.lowestEditableLevel()).isEqualTo(4);
		assertThat(Role.COMMUNE_OFFICER.has(Permission.USER_MANAGE)).isFalse();
	}

	@Test
	void shouldKeepViewersAndCriterionOfficersReadOnlyOnUnits() {
		assertThat(Role.VIEWER.has(Permission.UNIT_EDIT)).isFalse();
		assertThat(Role.CRITERION_OFFICER.has(Permission.UNIT_EDIT)).isFalse();
		assertThat(Role.VIEWER.has(Permission.UNIT_READ)).isTrue();
	}

	@Test
	void shouldLetOnlyAdministratorsManageAdministrators() {
		assertThat(Role.ADMIN.mayManage(Role.ADMIN)).isTrue();
		assertThat(Role.PROVINCE_OFFICE.mayManage(Role.ADMIN)).isFalse();
		assertThat(Role.PROVINCE_OFFICE.mayManage(Role.COMMUNE_OFFICER)).isTrue();
		assertThat(Role.COMMUNE_OFFICER.mayManage(Role.VIEWER)).isFalse();
	}

	@Test
	void shouldRejectWeakPasswords() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> PasswordRules.check("an", "short1"))
			.hasMessage("password.tooShort");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> PasswordRules.check("an", "onlyletterslong"))
			.hasMessage("password.lettersAndDigits");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> PasswordRules.check("nguyenan", "nguyenan2026x"))
			.hasMessage("password.containsUsername");
		PasswordRules.check("nguyenan", "Vuon-Hoa-2026");
	}

}
