package vn.ntm.planning.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import vn.ntm.planning.PlanForm;
import vn.ntm.planning.PlanView;
import vn.ntm.shared.VnFormat;

/**
 * The plan form as typed: what the plan says about itself (number, date, issuing unit and
 * body, years, title, legal bases, the plans above it implements, the original document
 * as a reference) and the version it was read at.
 * <p>
 * {@code source} names the original document (number, where it is kept); its files (the
 * signed .pdf/.docx) are uploaded on the plan's page ({@code POST /plans/{id}/documents},
 * {@code Planning.attachToPlan}).
 */
public class PlanFormData {

	private @Nullable Long unitId;

	private @Nullable String number;

	private @Nullable String issuedOn;

	private @Nullable String issuer;

	private @Nullable String yearFrom;

	private @Nullable String yearTo;

	private @Nullable String title;

	private @Nullable String legalBases;

	private @Nullable String implementsPlans;

	private @Nullable String source;

	private @Nullable String criteriaSet;

	private int expectedVersion;

	static PlanFormData of(PlanView plan) {
		PlanFormData form = new PlanFormData();
		var s = plan.summary();
		form.unitId = s.unitId();
		form.number = s.number();
		form.issuedOn = s.issuedOn() == null ? null : VnFormat.date(s.issuedOn());
		form.issuer = s.issuer();
		form.yearFrom = String.valueOf(s.yearFrom());
		form.yearTo = String.valueOf(s.yearTo());
		form.title = s.title();
		form.legalBases = plan.legalBases();
		form.implementsPlans = plan.implementsPlans();
		form.source = plan.source();
		form.criteriaSet = plan.criteriaSet();
		form.expectedVersion = s.version();
		return form;
	}

	/**
	 * The plan, or null with every field that cannot be read rejected on {@code errors}.
	 */
	@Nullable PlanForm read(Errors errors) {
		if (unitId == null) {
			errors.rejectValue("unitId", "planning.form.unitRequired");
		}
		LocalDate issued = Inputs.date(issuedOn, "issuedOn", errors);
		Inputs.required(issuer, "issuer", "planning.plan.issuerRequired", errors);
		Integer from = Inputs.year(yearFrom, "yearFrom", errors);
		Integer to = Inputs.text(yearTo) == null ? from : Inputs.year(yearTo, "yearTo", errors);
		if (from != null && to != null && to < from) {
			errors.rejectValue("yearTo", "planning.plan.years", new Object[] { from, to }, null);
		}
		Inputs.required(title, "title", "planning.plan.titleRequired", errors);
		if (errors.hasErrors() || unitId == null || from == null || to == null) {
			return null;
		}
		return new PlanForm(unitId, Inputs.text(number), issued, issuer.strip(), from, to, title.strip(),
				Inputs.text(legalBases), Inputs.text(implementsPlans), Inputs.text(source), Inputs.text(criteriaSet));
	}

	public @Nullable Long getUnitId() {
		return unitId;
	}

	public void setUnitId(@Nullable Long unitId) {
		this.unitId = unitId;
	}

	public @Nullable String getNumber() {
		return number;
	}

	public void setNumber(@Nullable String number) {
		this.number = number;
	}

	public @Nullable String getIssuedOn() {
		return issuedOn;
	}

	public void setIssuedOn(@Nullable String issuedOn) {
		this.issuedOn = issuedOn;
	}

	public @Nullable String getIssuer() {
		return issuer;
	}

	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	public @Nullable String getYearFrom() {
		return yearFrom;
	}

	public void setYearFrom(@Nullable String yearFrom) {
		this.yearFrom = yearFrom;
	}

	public @Nullable String getYearTo() {
		return yearTo;
	}

	public void setYearTo(@Nullable String yearTo) {
		this.yearTo = yearTo;
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getLegalBases() {
		return legalBases;
	}

	public void setLegalBases(@Nullable String legalBases) {
		this.legalBases = legalBases;
	}

	public @Nullable String getImplementsPlans() {
		return implementsPlans;
	}

	public void setImplementsPlans(@Nullable String implementsPlans) {
		this.implementsPlans = implementsPlans;
	}

	public @Nullable String getSource() {
		return source;
	}

	public void setSource(@Nullable String source) {
		this.source = source;
	}

	public @Nullable String getCriteriaSet() {
		return criteriaSet;
	}

	public void setCriteriaSet(@Nullable String criteriaSet) {
		this.criteriaSet = criteriaSet;
	}

	public int getExpectedVersion() {
		return expectedVersion;
	}

	public void setExpectedVersion(int expectedVersion) {
		this.expectedVersion = expectedVersion;
	}

}
