package vn.ntm.criteria.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.criteria.SetDocument;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * The fields of a draft set that its form edits (criteria and indicators have their own
 * forms). Dates are typed dd/MM/yyyy.
 */
class SetForm {

	String name = "";

	@Nullable String nameEn;

	@Nullable String validFrom;

	@Nullable String validTo;

	@Nullable String decisionNumber;

	@Nullable String decisionDate;

	@Nullable String issuer;

	@Nullable String legalBasis;

	@Nullable String thresholdScheme;

	List<String> prerequisites = new ArrayList<>();

	@Nullable Integer failShare;

	@Nullable Integer criticalFailShare;

	@Nullable String sourceStatus;

	@Nullable String note;

	int version;

	static SetForm of(SetDocument d, int version) {
		SetForm form = new SetForm();
		form.name = d.name();
		form.nameEn = d.nameEn();
		form.validFrom = d.validFrom() == null ? null : VnFormat.date(d.validFrom());
		form.validTo = d.validTo() == null ? null : VnFormat.date(d.validTo());
		if (d.decision() != null) {
			form.decisionNumber = d.decision().number();
			form.decisionDate = d.decision().date() == null ? null : VnFormat.date(d.decision().date());
			form.issuer = d.decision().issuer();
		}
		form.legalBasis = d.legalBasis();
		form.thresholdScheme = d.thresholdScheme();
		form.prerequisites = d.prerequisites() == null ? new ArrayList<>() : new ArrayList<>(d.prerequisites());
		if (d.revocation() != null) {
			form.failShare = d.revocation().failShare();
			form.criticalFailShare = d.revocation().criticalFailShare();
		}
		form.sourceStatus = d.sourceStatus();
		form.note = d.note();
		form.version = version;
		return form;
	}

	/**
	 * The document with this form's fields, the rest (criteria, groups, rules) unchanged.
	 */
	SetDocument applyTo(SetDocument d) {
		SetDocument.Decision decision = blank(decisionNumber) ? null : new SetDocument.Decision(decisionNumber.strip(),
				Dates.optional(decisionDate, "criteria.field.decisionDate"), VnText.blankToNull(issuer));
		SetDocument.RevocationDoc revocation = failShare == null ? null
				: new SetDocument.RevocationDoc(failShare, criticalFailShare == null ? failShare : criticalFailShare,
						d.revocation() == null ? null : d.revocation().source());
		if (failShare == null && criticalFailShare != null) {
			throw new BusinessRuleException("catalog.revocation.invalid", "—", criticalFailShare);
		}
		return new SetDocument(d.code(), d.version(), name.strip(), VnText.blankToNull(nameEn), d.title(),
				d.unitLevel(), d.unitTypes(), Dates.optional(validFrom, "criteria.field.validFrom"),
				Dates.optional(validTo, "criteria.field.validTo"), decision, VnText.blankToNull(legalBasis), d.owner(),
				d.refines(), VnText.blankToNull(thresholdScheme), d.thresholdRules(), prerequisites, revocation,
				VnText.blankToNull(sourceStatus), d.sources(), VnText.blankToNull(note), null, d.groups(),
				d.criteria());
	}

	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	// bean accessors for data binding

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public @Nullable String getNameEn() {
		return nameEn;
	}

	public void setNameEn(@Nullable String nameEn) {
		this.nameEn = nameEn;
	}

	public @Nullable String getValidFrom() {
		return validFrom;
	}

	public void setValidFrom(@Nullable String validFrom) {
		this.validFrom = validFrom;
	}

	public @Nullable String getValidTo() {
		return validTo;
	}

	public void setValidTo(@Nullable String validTo) {
		this.validTo = validTo;
	}

	public @Nullable String getDecisionNumber() {
		return decisionNumber;
	}

	public void setDecisionNumber(@Nullable String decisionNumber) {
		this.decisionNumber = decisionNumber;
	}

	public @Nullable String getDecisionDate() {
		return decisionDate;
	}

	public void setDecisionDate(@Nullable String decisionDate) {
		this.decisionDate = decisionDate;
	}

	public @Nullable String getIssuer() {
		return issuer;
	}

	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	public @Nullable String getLegalBasis() {
		return legalBasis;
	}

	public void setLegalBasis(@Nullable String legalBasis) {
		this.legalBasis = legalBasis;
	}

	public @Nullable String getThresholdScheme() {
		return thresholdScheme;
	}

	public void setThresholdScheme(@Nullable String thresholdScheme) {
		this.thresholdScheme = thresholdScheme;
	}

	public List<String> getPrerequisites() {
		return prerequisites;
	}

	public void setPrerequisites(List<String> prerequisites) {
		this.prerequisites = prerequisites;
	}

	public @Nullable Integer getFailShare() {
		return failShare;
	}

	public void setFailShare(@Nullable Integer failShare) {
		this.failShare = failShare;
	}

	public @Nullable Integer getCriticalFailShare() {
		return criticalFailShare;
	}

	public void setCriticalFailShare(@Nullable Integer criticalFailShare) {
		this.criticalFailShare = criticalFailShare;
	}

	public @Nullable String getSourceStatus() {
		return sourceStatus;
	}

	public void setSourceStatus(@Nullable String sourceStatus) {
		this.sourceStatus = sourceStatus;
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
