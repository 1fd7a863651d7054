package vn.ntm.security.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import vn.ntm.security.Role;
import vn.ntm.security.UserForm;

/**
 * A user account (aggregate root). Failed-login counters are updated directly by
 * {@link LoginAttempts} without touching {@link #rowVersion}, so that a lock-out never
 * makes an administrator's edit fail.
 */
@Table("app_user")
class AppUser {

	@Id
	@Nullable Long id;

	/** Null until first saved (Spring Data JDBC then inserts rather than updates). */
	@Version
	@Nullable Integer rowVersion;

	String username;

	String fullName;

	@Nullable String email;

	@Nullable String phone;

	@Nullable String organization;

	Role role;

	String passwordHash;

	boolean enabled = true;

	int failedAttempts;

	@Nullable Instant lockedUntil;

	@Nullable Instant lastLoginAt;

	@Nullable Instant passwordChangedAt;

	Instant createdAt;

	@Nullable Instant updatedAt;

	@Nullable String updatedBy;

	@MappedCollection(idColumn = "user_id")
	Set<UserUnit> units = new HashSet<>();

	@MappedCollection(idColumn = "user_id")
	Set<UserCriterion> criteria = new HashSet<>();

	AppUser(String username, String fullName, Role role, String passwordHash, Instant createdAt) {
		this.username = username;
		this.fullName = fullName;
		this.role = role;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
	}

	void apply(UserForm form, String actor, Instant at) {
		this.username = form.username();
		this.fullName = form.fullName().trim();
		this.email = blankToNull(form.email());
		this.phone = blankToNull(form.phone());
		this.organization = blankToNull(form.organization());
		this.role = form.role();
		this.units = form.unitIds().stream().map(UserUnit::new).collect(Collectors.toCollection(HashSet::new));
		this.criteria = form.role() == Role.CRITERION_OFFICER
				? form.criteria().stream().map(UserCriterion::new).collect(Collectors.toCollection(HashSet::new))
				: new HashSet<>();
		touch(actor, at);
	}

	void changePassword(String hash, String actor, Instant at) {
		this.passwordHash = hash;
		this.passwordChangedAt = at;
		touch(actor, at);
	}

	void touch(String actor, Instant at) {
		this.updatedAt = at;
		this.updatedBy = actor;
	}

	int version() {
		return rowVersion == null ? 0 : rowVersion;
	}

	Set<Long> unitIds() {
		return units.stream().map(UserUnit::unitId).collect(Collectors.toSet());
	}

	Set<String> criterionCodes() {
		return criteria.stream().map(UserCriterion::criterionCode).collect(Collectors.toSet());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/**
	 * A unit the user is responsible for (no foreign key: units belong to another
	 * module).
	 */
	@Table("app_user_unit")
	record UserUnit(Long unitId) {
	}

	/** A criterion a criterion officer checks, by number. */
	@Table("app_user_criterion")
	record UserCriterion(String criterionCode) {
	}

}
