package vn.ntm.criteria.web;

import org.jspecify.annotations.Nullable;

/**
 * A criterion or condition of a draft set, as its form edits it.
 */
class CriterionForm {

	String number = "";

	@Nullable String originalNumber;

	String kind = "CRITERION";

	@Nullable String name;

	@Nullable String nameStatus;

	@Nullable String group;

	@Nullable String agency;

	String ruleKind = "ALL";

	@Nullable Integer ruleCount;

	@Nullable String ruleMin;

	boolean critical;

	boolean retired;

	@Nullable String source;

	@Nullable String note;

	int version;

	public String getNumber() {
		return number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public @Nullable String getOriginalNumber() {
		return originalNumber;
	}

	public void setOriginalNumber(@Nullable String originalNumber) {
		this.originalNumber = originalNumber;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getNameStatus() {
		return nameStatus;
	}

	public void setNameStatus(@Nullable String nameStatus) {
		this.nameStatus = nameStatus;
	}

	public @Nullable String getGroup() {
		return group;
	}

	public void setGroup(@Nullable String group) {
		this.group = group;
	}

	public @Nullable String getAgency() {
		return agency;
	}

	public void setAgency(@Nullable String agency) {
		this.agency = agency;
	}

	public String getRuleKind() {
		return ruleKind;
	}

	public void setRuleKind(String ruleKind) {
		this.ruleKind = ruleKind;
	}

	public @Nullable Integer getRuleCount() {
		return ruleCount;
	}

	public void setRuleCount(@Nullable Integer ruleCount) {
		this.ruleCount = ruleCount;
	}

	public @Nullable String getRuleMin() {
		return ruleMin;
	}

	public void setRuleMin(@Nullable String ruleMin) {
		this.ruleMin = ruleMin;
	}

	public boolean isCritical() {
		return critical;
	}

	public void setCritical(boolean critical) {
		this.critical = critical;
	}

	public boolean isRetired() {
		return retired;
	}

	public void setRetired(boolean retired) {
		this.retired = retired;
	}

	public @Nullable String getSource() {
		return source;
	}

	public void setSource(@Nullable String source) {
		this.source = source;
	}

	public @Nullable String getNote() {
		return note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
