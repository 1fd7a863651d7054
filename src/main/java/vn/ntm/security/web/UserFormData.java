package vn.ntm.security.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import vn.ntm.security.Role;
import vn.ntm.security.UserForm;
import vn.ntm.security.UserView;

/**
 * The account form as typed: units as official codes ("20359, 20362"), criteria as
 * numbers ("15, 17").
 */
class UserFormData {

	String username = "";

	String fullName = "";

	@Nullable String email;

	@Nullable String phone;

	@Nullable String organization;

	@Nullable Role role;

	String unitCodes = "";

	String criteria = "";

	String password = "";

	int version;

	static UserFormData of(UserView user, String unitCodes) {
		UserFormData data = new UserFormData();
		data.username = user.username();
		data.fullName = user.fullName();
		data.email = user.email();
		data.phone = user.phone();
		data.organization = user.organization();
		data.role = user.role();
		data.unitCodes = unitCodes;
		data.criteria = String.join(", ", user.criteria());
		data.version = user.version();
		return data;
	}

	UserForm toForm(Set<Long> unitIds) {
		return new UserForm(username.trim().toLowerCase(), fullName, email, phone, organization, role, unitIds,
				split(criteria));
	}

	static Set<String> split(String text) {
		return Arrays.stream(text.split("[,;\\s]+"))
			.map(String::trim)
			.filter(s -> !s.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getFullName() {
		return fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public @Nullable String getEmail() {
		return email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getPhone() {
		return phone;
	}

	public void setPhone(@Nullable String phone) {
		this.phone = phone;
	}

	public @Nullable String getOrganization() {
		return organization;
	}

	public void setOrganization(@Nullable String organization) {
		this.organization = organization;
	}

	public @Nullable Role getRole() {
		return role;
	}

	public void setRole(@Nullable Role role) {
		this.role = role;
	}

	public String getUnitCodes() {
		return unitCodes;
	}

	public void setUnitCodes(String unitCodes) {
		this.unitCodes = unitCodes;
	}

	public String getCriteria() {
		return criteria;
	}

	public void setCriteria(String criteria) {
		this.criteria = criteria;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
